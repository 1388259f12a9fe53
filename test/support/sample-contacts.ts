/**
 * Realistic, invented contacts and plans for tests (shared by every helper). Every company,
 * person and address here is made up; domains use .example / .test.
 *
 * Use the builders (`makeContact`, `makePlan`, `makeOwnerSettings`, `makeActionLinks`) with
 * overrides, or one of the named samples in `SAMPLE_CONTACTS`.
 */
import { ACTION_KINDS, type ActionKind, type Contact, type Plan } from '../../functions/core/model.js';
import type { ActionLinks, OwnerSettings } from '../../functions/core/ports.js';
import { DEFAULT_CADENCE } from '../../functions/core/plan/cadence.js';
import { createInitialPlan } from '../../functions/core/plan/plan-rules.js';
import type { Confidence, Signals } from '../../functions/core/understanding/types.js';

export const SAMPLE_OWNER_ID = 'owner';
/** A fixed "now" for renderings: Monday 2 March 2026, 09:00 UTC. */
export const SAMPLE_NOW = new Date('2026-03-02T09:00:00.000Z');
/** When the sample rejections were received (about two days before SAMPLE_NOW). */
export const SAMPLE_RECEIVED_AT = '2026-02-27T16:42:00.000Z';
export const SAMPLE_ACTIONS_BASE_URL = 'http://127.0.0.1:3000';

/** Signals with nothing found; override what a sample needs. */
export function makeSignals(overrides: Partial<Signals> = {}): Signals {
  return {
    reasons: [],
    compliments: [],
    reapplyInvitation: false,
    stayInTouch: false,
    feedbackOffered: false,
    feedbackAddress: null,
    ...overrides,
  };
}

/** Confident on every field; override to make a field uncertain. */
export function makeConfidence(overrides: Partial<Confidence> = {}): Confidence {
  return { isRejection: 0.95, company: 0.9, contactName: 0.85, contactEmail: 0.95, role: 0.8, ...overrides };
}

/** A full, plausible contact (Jane Doe at Acme, Senior Engineer); override any field. */
export function makeContact(overrides: Partial<Contact> = {}): Contact {
  const contactId = overrides.contactId ?? 'c0ffee00janedoeacme0';
  return {
    ownerId: SAMPLE_OWNER_ID,
    contactId,
    company: 'Acme',
    contactName: 'Jane Doe',
    contactEmail: 'jane.doe@acme.example',
    noReply: false,
    role: 'Senior Engineer',
    kind: 'rejection',
    isRejection: true,
    signals: makeSignals(),
    confidence: makeConfidence(),
    language: 'en',
    notes: '',
    source: {
      messageId: `<${contactId}@mail.acme.example>`,
      subject: 'Your application for Senior Engineer',
      date: SAMPLE_RECEIVED_AT,
      forwardStyle: 'inline',
      rawMailKey: `inbound/${contactId}`,
      idempotencyKey: `<${contactId}@mail.acme.example>`,
      notUnderstoodReason: null,
    },
    history: [{ at: SAMPLE_RECEIVED_AT, type: 'created' }],
    createdAt: SAMPLE_RECEIVED_AT,
    updatedAt: SAMPLE_RECEIVED_AT,
    version: 1,
    ...overrides,
  };
}

/** A fresh plan with the thank-you due at once (as ingest creates it); override any field. */
export function makePlan(overrides: Partial<Plan> = {}): Plan {
  const initial = createInitialPlan({
    ownerId: SAMPLE_OWNER_ID,
    contactId: overrides.contactId ?? 'c0ffee00janedoeacme0',
    firstPrompt: 'thank-you',
    now: new Date(SAMPLE_RECEIVED_AT),
  });
  return { ...initial, ...overrides };
}

/** The owner of the samples (Sam Lee, Europe/Berlin, prompts at 9). */
export function makeOwnerSettings(overrides: Partial<OwnerSettings> = {}): OwnerSettings {
  return {
    ownerId: SAMPLE_OWNER_ID,
    addresses: ['sam.lee@mailbox.example'],
    name: 'Sam Lee',
    timeZone: 'Europe/Berlin',
    sendHour: 9,
    inboundAddress: 'not-today@in.sam-lee.example',
    actionsBaseUrl: SAMPLE_ACTIONS_BASE_URL,
    cadence: DEFAULT_CADENCE,
    ...overrides,
  };
}

/**
 * Action links shaped like the real ones (`/a/<token>`, `/calendar/<token>.ics`), with fake
 * unsigned tokens. Pass `only` to include just some actions.
 */
export function makeActionLinks(
  contactId = 'c0ffee00janedoeacme0',
  options: { baseUrl?: string; only?: readonly ActionKind[] } = {},
): ActionLinks {
  const baseUrl = options.baseUrl ?? SAMPLE_ACTIONS_BASE_URL;
  const links: ActionLinks = {};
  for (const action of options.only ?? ACTION_KINDS) {
    const token = `tok.${action}.${contactId}`;
    links[action] = action === 'calendar' ? `${baseUrl}/calendar/${token}.ics` : `${baseUrl}/a/${token}`;
  }
  return links;
}

/** Named samples covering the shapes a renderer and a store must handle. */
export const SAMPLE_CONTACTS = {
  /** Everything known, and the rejection said a lot: reason, compliment, reapply, feedback. */
  richJane: makeContact({
    signals: makeSignals({
      reasons: ['the candidate we chose had more hands-on experience running distributed systems in production'],
      compliments: ['the whole panel loved your passion for developer tooling'],
      reapplyInvitation: true,
      stayInTouch: true,
      feedbackOffered: true,
      feedbackAddress: null,
    }),
  }),
  /** An applicant-tracking system's no-reply sender, signed by a team: no person, no role. */
  noReplyTeam: makeContact({
    contactId: 'b1ightwater0noreply0',
    company: 'Brightwater Analytics',
    contactName: null,
    contactEmail: 'no-reply@jobs.brightwater.example',
    noReply: true,
    role: null,
    confidence: makeConfidence({ contactName: 0, role: 0, company: 0.55 }),
    source: {
      messageId: '<b1ightwater0noreply0@ats.example>',
      subject: 'Update on your application',
      date: SAMPLE_RECEIVED_AT,
      forwardStyle: 'attachment',
      rawMailKey: 'inbound/b1ightwater0noreply0',
      idempotencyKey: '<b1ightwater0noreply0@ats.example>',
      notUnderstoodReason: null,
    },
    signals: makeSignals({ stayInTouch: true }),
  }),
  /** Nothing optional is known at all. */
  bare: makeContact({
    contactId: 'bare0000000000000000',
    company: null,
    contactName: null,
    contactEmail: null,
    noReply: false,
    role: null,
    signals: makeSignals(),
    confidence: makeConfidence({ company: 0, contactName: 0, contactEmail: 0, role: 0 }),
    source: {
      messageId: null,
      subject: null,
      date: null,
      forwardStyle: 'direct',
      rawMailKey: 'inbound/bare0000000000000000',
      idempotencyKey: 'sha256:bare',
      notUnderstoodReason: null,
    },
  }),
  /** Long names and a long role, to test wrapping and word limits. */
  longNames: makeContact({
    contactId: 'longnames00000000000',
    company: 'Northwind Intercontinental Logistics and Supply Chain Solutions Group',
    contactName: 'Maria-Fernanda de los Santos Villanueva-Oyelaran',
    contactEmail: 'maria-fernanda.delossantos-villanueva@northwind-intercontinental-logistics.example',
    role: 'Principal Staff Software Engineer, Platform Reliability and Developer Productivity',
    signals: makeSignals({
      reasons: ['after careful deliberation the hiring committee felt that another applicant brought deeper hands-on experience with large-scale warehouse automation systems and vendor negotiations'],
      compliments: ['your take-home exercise was one of the most thoughtful and thoroughly documented submissions we received this year, and the team spoke highly of it'],
      reapplyInvitation: true,
      stayInTouch: true,
      feedbackOffered: true,
      feedbackAddress: 'talent-feedback@northwind-intercontinental-logistics.example',
    }),
  }),
  /** Only an invitation to reapply (no reason, no compliment). */
  reapplyOnly: makeContact({
    contactId: 'kestrel0000000000000',
    company: 'Kestrel Health',
    contactName: 'Tom Okafor',
    contactEmail: 'tom.okafor@kestrelhealth.example',
    role: 'Product Designer',
    signals: makeSignals({ reapplyInvitation: true }),
  }),
  /** Hostile values from a crafted inbound mail. */
  hostile: makeContact({
    contactId: 'hostile0000000000000',
    company: 'Evil {{#each this}}{{/each}} Corp }} {{> layout}}',
    contactName: '<img src=x onerror=alert(1)>',
    contactEmail: 'javascript:alert(1)//@evil.test',
    role: '"><script>alert(2)</script>',
    signals: makeSignals({
      reasons: ['you lack <b>experience</b>\r\nBcc: victim@evil.test'],
      compliments: ['"><svg onload=alert(3)>'],
      feedbackAddress: 'feedback@evil.test?bcc=victim@evil.test',
    }),
    notes: '<script>alert("owner note")</script>',
    source: {
      messageId: '<hostile@evil.test>',
      subject: 'Your application\r\nBcc: x@evil.test',
      date: SAMPLE_RECEIVED_AT,
      forwardStyle: 'inline',
      rawMailKey: 'inbound/hostile0000000000000',
      idempotencyKey: '<hostile@evil.test>',
      notUnderstoodReason: null,
    },
  }),
  /** Not a rejection: an interview invitation (needs review). */
  interviewInvitation: makeContact({
    contactId: 'interview00000000000',
    company: 'Fennel & Finch',
    contactName: 'Priya Raman',
    contactEmail: 'priya@fennelfinch.example',
    role: 'Data Analyst',
    kind: 'interview-invitation',
    isRejection: false,
    confidence: makeConfidence({ isRejection: 0.1 }),
  }),
  /** Not understood: no original message found. */
  notUnderstood: makeContact({
    contactId: 'notunderstood0000000',
    company: null,
    contactName: null,
    contactEmail: null,
    role: null,
    kind: 'other',
    isRejection: false,
    confidence: makeConfidence({ isRejection: 0, company: 0, contactName: 0, contactEmail: 0, role: 0 }),
    source: {
      messageId: null,
      subject: 'Fwd:',
      date: null,
      forwardStyle: 'direct',
      rawMailKey: 'inbound/notunderstood0000000',
      idempotencyKey: 'sha256:notunderstood',
      notUnderstoodReason: 'The forward held no text we could read (only an image attachment).',
    },
  }),
} satisfies Record<string, Contact>;

export type SampleContactName = keyof typeof SAMPLE_CONTACTS;
