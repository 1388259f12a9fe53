/**
 * The email-understanding use case: from the raw bytes of one inbound message to what Not Today
 * understood of it — the original message inside the forward and the fields extracted from it.
 *
 * Why it exists: the ingest handler, `not-today parse` and the evaluation must all read mail the
 * same way, so there is exactly one entry point. Pure core: no I/O, no environment, no clock.
 *
 * Errors vs "not understood": bytes that are not a readable email at all throw an
 * InvalidInputError subclass (EmptyMessageError, NotAnEmailError, MalformedMimeError,
 * MailTooLargeError). A readable message that holds nothing to work with (a forward with no
 * original inside, the owner's own message, no readable text, an HTML tag bomb) returns
 * status 'not-understood' with a reason, so the owner can be told what happened.
 */
import { MailTooLargeError } from '../errors.js';
import { DEFAULT_MESSAGE_LANGUAGE } from './detect-language.js';
import { extractFields } from './extract-fields.js';
import { findOriginal } from './find-original.js';
import { computeIdempotencyKey } from './idempotency-key.js';
import { parseMime } from './parse-mime.js';
import type { ExtractedFields, Understanding } from './types.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../mail-limits.js';

export { DEFAULT_MAX_MESSAGE_BYTES };

export interface UnderstandEmailOptions {
  /** The owner's addresses: never the contact, and their forwards are unwrapped. */
  ownerAddresses: readonly string[];
  /** Size limit in bytes; defaults to {@link DEFAULT_MAX_MESSAGE_BYTES}. */
  maxBytes?: number;
}

/** The fields of a message that was not understood: nothing claimed. */
function describeNothing(): ExtractedFields {
  return {
    isRejection: false,
    kind: 'other',
    company: null,
    contact: { name: null, email: null, noReply: false },
    role: null,
    signals: { reasons: [], compliments: [], reapplyInvitation: false, stayInTouch: false, feedbackOffered: false, feedbackAddress: null },
    confidence: { isRejection: 0, company: 0, contactName: 0, contactEmail: 0, role: 0 },
    language: DEFAULT_MESSAGE_LANGUAGE,
  };
}

/**
 * Understands one inbound message. Throws an InvalidInputError subclass when the bytes are not
 * a readable email (see the module comment); otherwise always returns an Understanding.
 */
export async function understandEmail(raw: Uint8Array, options: UnderstandEmailOptions): Promise<Understanding> {
  const limit = options.maxBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (raw.byteLength > limit) throw new MailTooLargeError(raw.byteLength, limit);

  const message = await parseMime(raw);
  const result = await findOriginal(message, { ownerAddresses: options.ownerAddresses });
  const original = result.found ? result.original : result.outer;
  const fields = result.found ? extractFields(original, { ownerAddresses: result.ownerAddresses }) : describeNothing();
  return {
    ...fields,
    status: result.found ? 'understood' : 'not-understood',
    reason: result.found ? null : result.reason,
    original: {
      messageId: original.messageId,
      date: original.date,
      subject: original.subject,
      from: original.from,
      forwardStyle: original.forwardStyle,
      depth: original.depth,
    },
    forwardedBy: result.forwardedBy?.address ?? null,
    idempotencyKey: computeIdempotencyKey(original),
  };
}
