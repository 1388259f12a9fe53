/**
 * Cleans mailboxes as forward headers write them: `"Doe, John" <john@acme.com>`,
 * `John Doe [mailto:john@acme.com]` (Outlook), `john@acme.com`, a bare name, quotes and stray
 * brackets. An address is only kept when it looks like one (`Careers@Acme` is not).
 */
import type { Mailbox } from './types.js';

const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z][A-Za-z0-9-]*$/;
const ANGLE_ADDRESS = /<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>/i;
const BRACKET_MAILTO = /\[\s*mailto:([^\]\s]+)\s*\]/i;
const SURROUNDING_QUOTES = /^["'“”‘’]+|["'“”‘’]+$/g;
const QUOTE_OR_BACKSLASH = /["'“”‘’\\]/;

/** True when the text is a plausible email address. */
export function isEmailAddress(text: string | null | undefined): text is string {
  return !!text && ADDRESS.test(text);
}

/** Lower-cases and trims an address for comparison. */
export function normaliseAddress(address: string): string {
  return address.trim().replace(/^mailto:/i, '').toLowerCase();
}

/** Cleans a display name: quotes, brackets and whitespace; null when nothing is left. */
function cleanName(name: string | null): string | null {
  if (!name) return null;
  const spaced = name.replace(/\s+/g, ' ').trim();
  // Most names hold no quote mark or backslash: then only the whitespace needed cleaning.
  if (!QUOTE_OR_BACKSLASH.test(spaced)) return spaced || null;
  const cleaned = spaced
    .replace(SURROUNDING_QUOTES, '')
    .replace(/\\"/g, '"')
    .trim();
  return cleaned || null;
}

/** Normalises a mailbox: pulls an address out of the name when the client put it there. */
export function normaliseMailbox(mailbox: { name?: string | null; address?: string | null } | null | undefined): Mailbox {
  let name = mailbox?.name?.trim() || null;
  let address = mailbox?.address?.trim().replace(/^mailto:/i, '') || null;
  if (name) {
    const embedded = BRACKET_MAILTO.exec(name) ?? ANGLE_ADDRESS.exec(name);
    if (embedded) {
      address ??= embedded[1] ?? null;
      name = name.replace(embedded[0], ' ');
    }
  }
  name = cleanName(name);
  if (name && !address && isEmailAddress(name)) {
    address = name;
    name = null;
  }
  if (address && !isEmailAddress(address)) address = null;
  if (name && address && normaliseAddress(name) === normaliseAddress(address)) name = null;
  return { name, address };
}

/** True when the mailbox's address is one of the given (normalised) addresses. */
export function isOneOf(mailbox: Mailbox | null | undefined, addresses: ReadonlySet<string>): boolean {
  return !!mailbox?.address && addresses.has(normaliseAddress(mailbox.address));
}
