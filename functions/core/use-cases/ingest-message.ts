/**
 * Ingest: one inbound message (raw MIME, already kept in the raw-mail store) becomes one
 * contact with its plan, and the owner hears about it at once.
 *
 * 1. Trust: only the owner's mail, with passing SES verdicts (see trust/inbound-policy.ts).
 *    Anything else is dropped without a reply (no backscatter) and logged with masked
 *    addresses; the raw mail stays where it is.
 * 2. Understand (understandEmail). A rejection -> contact 'active', first prompt the
 *    thank-you; anything else, or a message that could not be read at all (garbage, too
 *    large) -> contact 'needs-review', first prompt the needs-review email (track / ignore).
 *    A message over MAX_MAIL_BYTES is not read at all (the raw-mail store refuses it): the
 *    trust rule then runs on the headers SES parsed, and the owner's own oversized forward
 *    becomes a needs-review contact keyed on the raw mail's key, whose email says it was too
 *    large (size and limit) and that the raw mail is kept. Nothing is lost without a word.
 * 3. Store, idempotently: contactId is a hash of owner + the Understanding's idempotencyKey
 *    (the raw bytes' hash when the mail could not be read), and both items are conditional
 *    puts, so SES retrying or the owner forwarding twice gives one contact.
 * 4. Deliver the first prompt through deliverPrompt, the dispatcher's own path. A retry after
 *    a crash finds the prompt still due and sends it; a duplicate finds it sent and sends nothing.
 */
import { createHash } from 'node:crypto';
import { InvalidInputError, MailTooLargeError } from '../errors.js';
import type { Contact, Plan } from '../model.js';
import { createInitialPlan } from '../plan/plan-rules.js';
import type { MailVerdicts, OwnerSettings } from '../ports.js';
import { decideInbound, maskAddress, readTopHeaders, extractAddresses } from '../trust/inbound-policy.js';
import type { Understanding } from '../understanding/types.js';
import { understandEmail, type UnderstandEmailOptions } from '../understanding/understand-email.js';
import { deliverPrompt } from './deliver-prompt.js';
import { describeError } from './dispatch-due.js';
import type { DeliverDeps } from './use-case-deps.js';

/** Length of a contact id: 20 hex characters (80 bits) of a SHA-256. */
export const CONTACT_ID_LENGTH = 20;

/** The reason shown to the owner when reading a message failed in a way we did not foresee. */
const UNEXPECTED_READ_FAILURE = 'Not Today ran into an error while reading it.';

/** Reads a message; the real one is understandEmail (tests may inject another). */
export type UnderstandFn = (raw: Uint8Array, options: UnderstandEmailOptions) => Promise<Understanding>;

/** Ports and settings ingest needs. */
export interface IngestDeps extends DeliverDeps {
  owner: OwnerSettings;
  /** Largest message read, in bytes (config MAX_MAIL_BYTES). */
  maxMailBytes: number;
  /** Defaults to understandEmail. */
  understand?: UnderstandFn;
}

/** What the inbound handler knows of every message, read or not. */
interface IngestInputBase {
  /** Where the raw mail is kept (S3 key), recorded on the contact. */
  rawMailKey: string;
  /** The SMTP envelope sender (SES `mail.source`), when known. */
  envelopeFrom: string | null;
  verdicts: MailVerdicts;
}

/** A message over MAX_MAIL_BYTES: not read; what SES parsed from its headers stands in. */
export interface OversizedMail {
  sizeBytes: number;
  limitBytes: number;
  /** The From header(s) as SES read them (commonHeaders.from). */
  headerFrom: readonly string[];
  /** The Subject as SES read it (commonHeaders.subject), untrusted. */
  subject: string | null;
}

/** One inbound message, as the inbound handler hands it over: its bytes, or why there are none. */
export type IngestInput = IngestInputBase & ({ raw: Uint8Array } | { oversized: OversizedMail });

/** What ingest did. `promptSent` says whether the owner email went out during this call. */
export type IngestResult =
  | { outcome: 'dropped'; reason: 'not-from-owner' | 'failed-verdicts' }
  | { outcome: 'duplicate'; contactId: string; promptSent: boolean }
  | { outcome: 'tracked'; contactId: string; promptSent: boolean }
  | { outcome: 'needs-review'; contactId: string; promptSent: boolean };

/**
 * Ingests one inbound message (see the module comment). Throws only for trouble that a retry
 * may cure (storage); a message that cannot be read, for whatever reason, is stored as
 * needs-review instead, so the owner always hears about their own forward.
 */
export async function ingestMessage(deps: IngestDeps, input: IngestInput): Promise<IngestResult> {
  const { owner, log } = deps;
  const headers = 'raw' in input ? readTopHeaders(input.raw) : new Map([['from', input.oversized.headerFrom]]);
  const decision = decideInbound({
    headers,
    envelopeFrom: input.envelopeFrom,
    verdicts: input.verdicts,
    ownerAddresses: owner.addresses,
  });
  if (!decision.accepted) {
    const from = extractAddresses(headers.get('from') ?? [])[0] ?? null;
    log.info('inbound dropped', {
      reason: decision.reason,
      from: maskAddress(from),
      envelopeFrom: maskAddress(input.envelopeFrom),
      spf: input.verdicts.spf,
      dkim: input.verdicts.dkim,
      spam: input.verdicts.spam,
      virus: input.verdicts.virus,
      rawMailKey: input.rawMailKey,
    });
    return { outcome: 'dropped', reason: decision.reason };
  }

  const now = deps.clock.now();
  const { understanding, tooLarge } =
    'raw' in input ? await readMessage(deps, input.raw, input.rawMailKey) : describeOversized(input.rawMailKey, input.oversized);
  const contactId = computeContactId(owner.ownerId, understanding.idempotencyKey);
  const tracked = understanding.status === 'understood' && understanding.isRejection;

  const contact = buildContact(owner.ownerId, contactId, understanding, input.rawMailKey, now);
  if (tooLarge) contact.source.tooLarge = tooLarge;
  const stored = await deps.repository.createContact(contact);
  const planResult = await deps.repository.createPlan(
    createInitialPlan({ ownerId: owner.ownerId, contactId, firstPrompt: tracked ? 'thank-you' : 'needs-review', now }),
  );
  const promptSent = await deliverFirstPrompt(deps, planResult.plan, stored.contact);

  const outcome: IngestResult = !stored.created
    ? { outcome: 'duplicate', contactId, promptSent }
    : tracked
      ? { outcome: 'tracked', contactId, promptSent }
      : { outcome: 'needs-review', contactId, promptSent };
  log.info('inbound ingested', {
    outcome: outcome.outcome,
    contactId,
    promptSent,
    via: decision.via,
    status: understanding.status,
    kind: understanding.kind,
    forwardStyle: understanding.original.forwardStyle,
    tooLarge: tooLarge !== null,
    rawMailKey: input.rawMailKey,
  });
  return outcome;
}

/**
 * The contact id: 20 hex characters of SHA-256(ownerId, idempotencyKey). Deterministic, so
 * the same original message always maps to the same contact.
 */
export function computeContactId(ownerId: string, idempotencyKey: string): string {
  return createHash('sha256').update(`${ownerId}\n${idempotencyKey}`).digest('hex').slice(0, CONTACT_ID_LENGTH);
}

/** What ingest learnt of a message, and whether it was too large to read. */
interface ReadResult {
  understanding: Understanding;
  tooLarge: { sizeBytes: number; limitBytes: number } | null;
}

/** Understands the message; a message that cannot be read becomes a not-understood result. */
async function readMessage(deps: IngestDeps, raw: Uint8Array, rawMailKey: string): Promise<ReadResult> {
  const understand = deps.understand ?? understandEmail;
  try {
    const understanding = await understand(raw, { ownerAddresses: deps.owner.addresses, maxBytes: deps.maxMailBytes });
    return { understanding, tooLarge: null };
  } catch (error) {
    const rawHash = `raw-sha256:${createHash('sha256').update(raw).digest('hex')}`;
    if (!(error instanceof InvalidInputError)) {
      // Understanding is pure computation: a retry would fail the same way, and the forward
      // would end in the failure queue with the owner told nothing. Keep it as needs-review
      // (the owner hears about it) and log the bug as an error.
      deps.log.error('understanding failed unexpectedly; stored as needs-review', {
        errorName: error instanceof Error ? error.name : typeof error,
        rawMailKey,
      });
      return { understanding: unreadableUnderstanding(rawHash, UNEXPECTED_READ_FAILURE, null), tooLarge: null };
    }
    deps.log.info('inbound not readable', { code: error.code, rawMailKey });
    return {
      understanding: unreadableUnderstanding(rawHash, error.message, null),
      tooLarge: error instanceof MailTooLargeError ? { sizeBytes: error.sizeBytes, limitBytes: error.limitBytes } : null,
    };
  }
}

/**
 * What is known of a message too large to read: its SES subject, size and raw-mail key. Keyed
 * on the key (SES's message id), so SES retrying the same delivery gives one contact and one email.
 */
function describeOversized(rawMailKey: string, mail: OversizedMail): ReadResult {
  const reason = new MailTooLargeError(mail.sizeBytes, mail.limitBytes).message;
  return {
    understanding: unreadableUnderstanding(`oversized:${rawMailKey}`, reason, mail.subject),
    tooLarge: { sizeBytes: mail.sizeBytes, limitBytes: mail.limitBytes },
  };
}

/** What is known of bytes that are not a readable email: nothing but an idempotency key (and maybe a subject). */
function unreadableUnderstanding(idempotencyKey: string, reason: string, subject: string | null): Understanding {
  return {
    status: 'not-understood',
    reason,
    isRejection: false,
    kind: 'other',
    company: null,
    contact: { name: null, email: null, noReply: false },
    role: null,
    signals: {
      reasons: [],
      compliments: [],
      reapplyInvitation: false,
      stayInTouch: false,
      feedbackOffered: false,
      feedbackAddress: null,
    },
    confidence: { isRejection: 0, company: 0, contactName: 0, contactEmail: 0, role: 0 },
    language: 'en',
    original: {
      messageId: null,
      date: null,
      subject,
      from: { name: null, address: null },
      forwardStyle: 'direct',
      depth: 0,
    },
    forwardedBy: null,
    idempotencyKey,
  };
}

function buildContact(
  ownerId: string,
  contactId: string,
  understanding: Understanding,
  rawMailKey: string,
  now: Date,
): Contact {
  const nowIso = now.toISOString();
  return {
    ownerId,
    contactId,
    company: understanding.company,
    contactName: understanding.contact.name,
    contactEmail: understanding.contact.email,
    noReply: understanding.contact.noReply,
    role: understanding.role,
    kind: understanding.kind,
    isRejection: understanding.isRejection,
    signals: understanding.signals,
    confidence: understanding.confidence,
    language: understanding.language,
    notes: '',
    source: {
      messageId: understanding.original.messageId,
      subject: understanding.original.subject,
      date: understanding.original.date,
      forwardStyle: understanding.original.forwardStyle,
      rawMailKey,
      idempotencyKey: understanding.idempotencyKey,
      notUnderstoodReason: understanding.status === 'understood' ? null : understanding.reason,
    },
    history: [
      {
        at: nowIso,
        type: 'created',
        detail: understanding.status === 'understood' && understanding.isRejection ? 'tracked' : 'needs review',
      },
    ],
    createdAt: nowIso,
    updatedAt: nowIso,
    version: 1,
  };
}

/**
 * Delivers the plan's first prompt if it is still due (a fresh contact, or a retry after a
 * crash before the send). A failure is logged, not thrown: the contact is stored and the
 * dispatcher delivers the prompt on its next sweep.
 */
async function deliverFirstPrompt(deps: IngestDeps, plan: Plan, contact: Contact): Promise<boolean> {
  const ref = deps.repository.dueRefOf(plan);
  if (!ref || plan.sentLog.length > 0) return false;
  if (plan.nextPrompt !== 'thank-you' && plan.nextPrompt !== 'needs-review') return false;
  // The profile just created (or read back strongly): no second read, never a stale one.
  const result = await deliverPrompt(deps, ref, { contact });
  if (result.status === 'failed') {
    deps.log.warn('first prompt not sent; the dispatcher will retry', {
      contactId: plan.contactId,
      error: describeError(result.error),
    });
  }
  return result.status === 'sent';
}
