/**
 * The key that makes ingest idempotent: the same original message, delivered twice or forwarded
 * twice, gets the same key. The original's Message-ID when known (attachments, auto-forwards,
 * direct mail); otherwise (inline forwards carry no Message-ID) a SHA-256 of the normalised
 * sender address, date and subject, so two forwards of one email agree.
 */
import { createHash } from 'node:crypto';
import { FORWARD_SUBJECT_PREFIXES } from './forward-subject.js';
import type { OriginalMessage } from './types.js';

/** Key prefixes, so a Message-ID can never collide with a hash. */
export const MESSAGE_ID_KEY_PREFIX = 'mid:';
export const HASH_KEY_PREFIX = 'sha256:';
/** "YYYY-MM-DDTHH:MM": the part of an ISO date that goes into a hash key. */
const ISO_MINUTE_LENGTH = 16;
/** Longest Message-ID kept in a key (RFC 5322 lines are at most 998 characters). */
export const MAX_MESSAGE_ID_LENGTH = 998;

const REPLY_OR_FORWARD_PREFIX = new RegExp(`^\\s*(?:(?:re|aw|sv|vs|${FORWARD_SUBJECT_PREFIXES.join('|')})\\s*(?:\\[\\d+\\])?\\s*[:：]\\s*)+`, 'iu');

/** Normalises a subject for hashing: reply/forward prefixes off, whitespace collapsed, lower case. */
function normaliseSubject(subject: string | null): string {
  return (subject ?? '').replace(REPLY_OR_FORWARD_PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Normalises a Message-ID: angle brackets and whitespace off, lower case. */
function normaliseMessageId(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '').trim().toLowerCase().slice(0, MAX_MESSAGE_ID_LENGTH);
}

/** Computes the idempotency key of an original message. */
export function computeIdempotencyKey(
  original: Pick<OriginalMessage, 'messageId' | 'from' | 'date' | 'dateText' | 'subject'>,
): string {
  if (original.messageId && normaliseMessageId(original.messageId)) {
    return `${MESSAGE_ID_KEY_PREFIX}${normaliseMessageId(original.messageId)}`;
  }
  const sender = (original.from.address ?? original.from.name ?? '').trim().toLowerCase();
  // To the minute, without zone: clients write the forward's date in the reader's local time.
  const date = original.date ? original.date.slice(0, ISO_MINUTE_LENGTH) : (original.dateText ?? '').replace(/\s+/g, ' ').trim();
  const material = [sender, date, normaliseSubject(original.subject)].join('\n');
  return `${HASH_KEY_PREFIX}${createHash('sha256').update(material, 'utf8').digest('hex')}`;
}
