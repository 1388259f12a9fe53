/**
 * The view models templates see. Everything taken from the inbound mail or the owner's edits
 * is cleaned here once (single line, no control characters, length-capped, null when absent),
 * so templates only decide wording and never have to defend against the data.
 */
import { ACTION_KINDS, type ActionKind, type Contact, type Plan, type PromptKind } from '../model.js';
import type { ActionLinks, OwnerSettings } from '../ports.js';
import {
  COMPLIMENT_TOPIC_WORDING_BY_LANGUAGE,
  DRAFT_LANGUAGE_NAMES,
  draftLanguageOf,
  ELAPSED_WORDS,
  findFormOfAddress,
  type DraftLanguage,
} from '../drafting/draft-languages.js';
import { interpretSignals, type SignalReading } from '../drafting/interpret-signals.js';
import { isPlausibleEmailAddress, toSafeHttpUrl } from './compose-links.js';
import { capLength, tidyMultiline, toOptionalLine, toSingleLine } from './text-safety.js';
import { calendarDiff, formatDayMonth, isValidTimeZone, parseIsoInZone, wallTimeAt } from '../time/zoned-time.js';
import { CHECK_IN_IDEAS, type CheckInIdea } from './template-files.js';

/** Below this confidence a field gets a "check" link to the fix-details page. */
export const LOW_CONFIDENCE_THRESHOLD = 0.6;

/** Length caps for untrusted values, in characters. */
export const MAX_NAME_LENGTH = 80;
export const MAX_COMPANY_LENGTH = 100;
export const MAX_ROLE_LENGTH = 120;
export const MAX_ADDRESS_DISPLAY_LENGTH = 120;
export const MAX_SUBJECT_QUOTE_LENGTH = 120;
export const MAX_SIGNAL_DISPLAY_LENGTH = 240;
export const MAX_NOTES_LENGTH = 1000;
/** How many reasons / compliments the owner email lists. */
export const MAX_SIGNALS_SHOWN = 3;

/** Days below which an elapsed time is said in days, then weeks up to this many days. */
const DAYS_AS_DAYS_BELOW = 14;
const DAYS_AS_WEEKS_BELOW = 25;
const DAYS_PER_WEEK = 7;
const MONTHS_PER_YEAR = 12;
/** From this many months on, elapsed time is said in years when it is a whole number of them. */
const MONTHS_AS_YEARS_FROM = 12;
/** Sizes are shown in KB of 1024 bytes and MB of 1024 x 1024 (the limit's default, 10 MB, is 10 x 1024 x 1024). */
const BYTES_PER_KB = 1024;
const BYTES_PER_MB = BYTES_PER_KB * BYTES_PER_KB;

/** Honorifics skipped when finding a first name. */
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'professor', 'sir', 'dame', 'herr', 'frau', 'mme', 'mlle', 'madame', 'monsieur']);
/** A word that can be greeted: letters (with marks), inner apostrophes, hyphens, a final dot. */
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’-]*\.?$/u;
/** Words a role title often ends with; dropped so templates can write "the X role". */
const ROLE_SUFFIXES = /\s+(role|position|opening|vacancy|job|opportunity)$/i;
/** Reply/forward prefixes removed from the original subject before writing "Re: ...". */
const SUBJECT_PREFIXES = /^\s*((re|fwd?|aw|wg|tr|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i;

/** What a draft can be rendered from: the profile, the plan, and a little of the owner. */
export interface DraftInput {
  prompt: PromptKind;
  contact: Contact;
  plan: Plan;
  owner: Pick<OwnerSettings, 'name' | 'timeZone'>;
  now: Date;
}

/** The context every draft template sees. */
export interface DraftView {
  prompt: PromptKind;
  /**
   * The language of this view's words (elapsed times, compliment topics) and of the draft
   * files rendered with it: the contact's draft language for drafts, English for owner emails.
   */
  language: DraftLanguage;
  contact: {
    company: string | null;
    name: string | null;
    firstName: string | null;
    /** The name in reading order ("Vogel, Katrin" -> "Katrin Vogel") for a formal greeting; null when it does not read as a name. */
    fullName: string | null;
    /** 'ms' / 'mr' when the name carried a title ("Frau Katrin Vogel", "M. Jean Martin"), else null. */
    title: 'ms' | 'mr' | null;
    /** The last word of the name, for "Sehr geehrte Frau Vogel," (with a title only); null when unsure. */
    surname: string | null;
    role: string | null;
  };
  /** Recipients: empty string when there is no one to write to (no-reply or unknown). */
  addresses: { reply: string; feedback: string; hr: string };
  /**
   * What the rejection said, read for a note (functions/core/drafting/interpret-signals.ts):
   * kinds and topics from closed sets, never the company's words, so no draft quotes inbound
   * text. null/false when absent. `complimentAbout` is in the view's language ("my portfolio" /
   * "meinem Portfolio" / "mon portfolio").
   */
  personal: SignalReading;
  source: { subject: string | null; replySubject: string | null; receivedOn: string | null };
  elapsed: {
    sinceRejection: string | null;
    sinceLastAction: string | null;
    lastAction: 'sent' | 'replied' | null;
  };
  checkIn: { number: number; idea: CheckInIdea } | null;
  owner: { signature: string; hasName: boolean };
}

/** The context every owner-email template sees: the draft view plus what the owner needs. */
export interface PromptView extends DraftView {
  /** The language the drafts in this email are written in (the owner email itself is English). */
  draftLanguage: { code: DraftLanguage; name: string; isDefault: boolean };
  understood: {
    company: Field;
    person: Field;
    address: Field & { noReply: boolean };
    role: Field;
    anyUncertain: boolean;
  };
  signals: {
    reasons: string[];
    compliments: string[];
    reapply: boolean;
    stayInTouch: boolean;
    feedbackOffered: boolean;
    feedbackAddress: string | null;
    any: boolean;
  };
  /** Why "To" is empty in the draft links: 'no-reply', 'unknown', or null when there is someone. */
  noRecipient: 'no-reply' | 'unknown' | null;
  notes: string | null;
  review: {
    kind: Contact['kind'];
    reason: string | null;
    isRejection: boolean;
    /** Set when the forward was over the size limit and not read: "23.4 MB", "10 MB". */
    tooLarge: { size: string; limit: string } | null;
  };
  links: Record<LinkName, string | null>;
  hasStateActions: boolean;
  inboundAddress: string | null;
}

export interface Field {
  value: string | null;
  /** Confidence under LOW_CONFIDENCE_THRESHOLD, or not found at all. */
  uncertain: boolean;
}

/** A link's name in templates: the action without its dash ('snooze-1w' -> 'snooze1w'). */
type LinkName<Action extends string = ActionKind> = Action extends `${infer Head}-${infer Tail}` ? `${Head}${Tail}` : Action;

const toLinkName = (action: ActionKind): LinkName => action.replace('-', '') as LinkName;

/** The first name to greet: skips honorifics, handles "Doe, Jane"; null when unsure. */
export function findFirstName(name: string | null): string | null {
  if (!name) return null;
  const ordered = name.includes(',') ? `${name.slice(name.indexOf(',') + 1)} ${name.slice(0, name.indexOf(','))}` : name;
  const words = ordered.split(/\s+/).filter(Boolean);
  const first = words.find((word) => !HONORIFICS.has(word.replace(/\.$/, '').toLowerCase()));
  if (!first || !NAME_WORD.test(first)) return null;
  // An initial ("J.") is not a name to greet someone by.
  if (/^\p{L}\.?$/u.test(first)) return null;
  return first;
}

function cleanName(contact: Contact): string | null {
  const name = toOptionalLine(contact.contactName, MAX_NAME_LENGTH);
  if (!name || name.includes('@')) return null;
  if (contact.company && name.toLowerCase() === contact.company.trim().toLowerCase()) return null;
  return name;
}

function cleanRole(role: string | null): string | null {
  const line = toOptionalLine(role, MAX_ROLE_LENGTH);
  if (!line) return null;
  const trimmed = line.replace(/^the\s+/i, '').replace(ROLE_SUFFIXES, '').trim();
  return trimmed === '' ? line : trimmed;
}

function toDisplayList(items: readonly string[]): string[] {
  return items
    .slice(0, MAX_SIGNALS_SHOWN)
    .map((item) => toSingleLine(item, MAX_SIGNAL_DISPLAY_LENGTH))
    .filter((item) => item !== '');
}

/** An instant (ms since the epoch) read on the wall calendar of `zone`. */
export interface ZonedInstant {
  instant: number;
  zone: string;
}

function parseInstant(iso: string | null | undefined, zone: string): ZonedInstant | null {
  if (!iso) return null;
  const instant = parseIsoInZone(iso, zone);
  return instant === null ? null : { instant, zone };
}

function safeZone(zone: string): string {
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/**
 * "3 days", "2 weeks", "a month", "5 months", "a year", "18 months", "2 years"; in German
 * ("3 Tage", "einen Monat") and French ("3 jours", "un mois") with `language`.
 */
export function describeElapsed(from: ZonedInstant, to: ZonedInstant, language: DraftLanguage = 'en'): string {
  const words = ELAPSED_WORDS[language];
  const say = (count: number, unit: keyof typeof words.one) => (count === 1 ? words.one[unit] : `${count} ${words.many[unit]}`);
  const days = Math.max(0, Math.round(calendarDiff(from.instant, to.instant, to.zone, 'days')));
  if (days < 1) return words.lessThanADay;
  if (days < DAYS_AS_DAYS_BELOW) return say(days, 'day');
  if (days < DAYS_AS_WEEKS_BELOW) return say(Math.round(days / DAYS_PER_WEEK), 'week');
  const months = Math.max(1, Math.round(calendarDiff(from.instant, to.instant, to.zone, 'months')));
  if (months >= MONTHS_AS_YEARS_FROM && months % MONTHS_PER_YEAR === 0) return say(months / MONTHS_PER_YEAR, 'year');
  return say(months, 'month');
}

function formatDay(zoned: ZonedInstant | null): string | null {
  return zoned ? formatDayMonth(wallTimeAt(zoned.instant, zoned.zone), true) : null;
}

/**
 * Builds the context of every draft template. Pure: time comes from `input.now`.
 * @param language the language of the view's words: by default the contact's draft language
 *   (drafts); owner emails pass 'en'.
 */
export function buildDraftView(input: DraftInput, language: DraftLanguage = draftLanguageOf(input.contact)): DraftView {
  const { contact, plan, owner } = input;
  const zone = safeZone(owner.timeZone);
  const now: ZonedInstant = { instant: input.now.getTime(), zone };
  const company = toOptionalLine(contact.company, MAX_COMPANY_LENGTH);
  const name = cleanName(contact);
  const reply = !contact.noReply && isPlausibleEmailAddress(contact.contactEmail) ? contact.contactEmail : '';
  const feedbackAddress = isPlausibleEmailAddress(contact.signals.feedbackAddress) ? contact.signals.feedbackAddress : null;
  const subject = toOptionalLine(contact.source.subject, MAX_SUBJECT_QUOTE_LENGTH);
  const subjectCore = subject ? subject.replace(SUBJECT_PREFIXES, '').trim() : '';
  const rejectedAt = parseInstant(contact.source.date, zone) ?? parseInstant(contact.createdAt, zone);
  const lastAction = plan.lastAction === 'sent' || plan.lastAction === 'replied' ? plan.lastAction : null;
  const lastActionAt = lastAction ? parseInstant(plan.lastActionAt, zone) : null;
  const checkInNumber = plan.checkInsSent + 1;
  const ownerName = toSingleLine(owner.name ?? '', MAX_NAME_LENGTH);
  const reading = interpretSignals(contact.signals);
  const address = findFormOfAddress(name);
  return {
    prompt: input.prompt,
    language,
    contact: {
      company,
      name,
      firstName: findFirstName(name),
      fullName: address.fullName,
      title: address.title,
      surname: address.surname,
      role: cleanRole(contact.role),
    },
    addresses: { reply, feedback: feedbackAddress ?? reply, hr: feedbackAddress ?? '' },
    personal: {
      reasonKind: reading.reasonKind,
      complimented: reading.complimented,
      complimentTopic: reading.complimentTopic,
      complimentAbout: reading.complimentTopic === null ? null : COMPLIMENT_TOPIC_WORDING_BY_LANGUAGE[language][reading.complimentTopic],
      reapply: reading.reapply,
      stayInTouch: reading.stayInTouch,
      feedbackOffered: reading.feedbackOffered,
    },
    source: {
      subject,
      replySubject: subjectCore === '' ? null : `Re: ${subjectCore}`,
      receivedOn: formatDay(rejectedAt),
    },
    elapsed: {
      sinceRejection: rejectedAt ? describeElapsed(rejectedAt, now, language) : null,
      sinceLastAction: lastActionAt ? describeElapsed(lastActionAt, now, language) : null,
      lastAction: lastActionAt ? lastAction : null,
    },
    checkIn:
      input.prompt === 'check-in'
        ? { number: checkInNumber, idea: CHECK_IN_IDEAS[(checkInNumber - 1) % CHECK_IN_IDEAS.length]! }
        : null,
    owner: { signature: ownerName === '' ? '[Your name]' : ownerName, hasName: ownerName !== '' },
  };
}

function isUncertain(value: string | null, confidence: number): boolean {
  return value === null || !(confidence >= LOW_CONFIDENCE_THRESHOLD);
}

/** A size for people: "23.4 MB", "10 MB", "12.3 KB" (one decimal, none when it is .0; KB below 1 MB). */
export function formatMailSize(bytes: number): string {
  const [value, unit] = bytes >= BYTES_PER_MB ? [bytes / BYTES_PER_MB, 'MB'] : [bytes / BYTES_PER_KB, 'KB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/** Only absolute http(s) links, by template-friendly name. */
export function toLinkView(links: ActionLinks): Record<LinkName, string | null> {
  const view = {} as Record<LinkName, string | null>;
  for (const action of ACTION_KINDS) view[toLinkName(action)] = toSafeHttpUrl(links[action]);
  return view;
}

/** The owner email's words for the drafts' language ("German"). */
export function describeDraftLanguage(language: DraftLanguage): PromptView['draftLanguage'] {
  return { code: language, name: DRAFT_LANGUAGE_NAMES[language].english, isDefault: language === 'en' };
}

/**
 * Builds the context of an owner-email template, given the (English) draft view it extends and
 * the language its drafts are written in (the renderer's choice: the contact's, when templates for it exist).
 */
export function buildPromptView(
  input: DraftInput & { links: ActionLinks; owner: Pick<OwnerSettings, 'name' | 'timeZone' | 'inboundAddress'> },
  draftView: DraftView,
  draftLanguage: DraftLanguage,
): PromptView {
  const { contact } = input;
  const { confidence, signals } = contact;
  const addressShown = toOptionalLine(contact.contactEmail, MAX_ADDRESS_DISPLAY_LENGTH);
  const reasons = toDisplayList(signals.reasons);
  const compliments = toDisplayList(signals.compliments);
  const feedbackAddress = isPlausibleEmailAddress(signals.feedbackAddress) ? signals.feedbackAddress : null;
  const understood = {
    company: { value: draftView.contact.company, uncertain: isUncertain(draftView.contact.company, confidence.company) },
    person: { value: draftView.contact.name, uncertain: isUncertain(draftView.contact.name, confidence.contactName) },
    address: {
      value: addressShown,
      uncertain: isUncertain(addressShown, confidence.contactEmail) && !contact.noReply,
      noReply: contact.noReply,
    },
    role: { value: draftView.contact.role, uncertain: isUncertain(draftView.contact.role, confidence.role) },
  };
  const links = toLinkView(input.links);
  const notes = tidyMultiline(capLength(contact.notes ?? '', MAX_NOTES_LENGTH));
  return {
    ...draftView,
    draftLanguage: describeDraftLanguage(draftLanguage),
    understood: {
      ...understood,
      anyUncertain: Object.values(understood).some((field) => field.uncertain),
    },
    signals: {
      reasons,
      compliments,
      reapply: signals.reapplyInvitation,
      stayInTouch: signals.stayInTouch,
      feedbackOffered: signals.feedbackOffered,
      feedbackAddress,
      any:
        reasons.length > 0 ||
        compliments.length > 0 ||
        signals.reapplyInvitation ||
        signals.stayInTouch ||
        signals.feedbackOffered ||
        feedbackAddress !== null,
    },
    noRecipient: draftView.addresses.reply !== '' ? null : contact.noReply ? 'no-reply' : 'unknown',
    notes: notes === '' ? null : notes,
    review: {
      kind: contact.kind,
      reason: toOptionalLine(contact.source.notUnderstoodReason, MAX_SIGNAL_DISPLAY_LENGTH),
      isRejection: contact.isRejection,
      tooLarge: contact.source.tooLarge
        ? { size: formatMailSize(contact.source.tooLarge.sizeBytes), limit: formatMailSize(contact.source.tooLarge.limitBytes) }
        : null,
    },
    links,
    hasStateActions: [links.sent, links.replied, links.snooze1w, links.snooze1m, links.snooze3m, links.stop].some(Boolean),
    inboundAddress: toOptionalLine(input.owner.inboundAddress, MAX_ADDRESS_DISPLAY_LENGTH),
  };
}
