/**
 * Reads raw MIME bytes into the few things understanding needs: addresses, subject, date,
 * ids, forwarding headers, the text body (or the HTML body, converted on demand) and any
 * attached messages. mailparser does the MIME and charset work; the checks before it turn
 * input that is not an email at all into a clear error instead of an empty "message".
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import { findAttachedMessages } from './attached-messages.js';
import { convertHtmlToText, type HtmlConversion } from './html-to-plain-text.js';
import type { Mailbox } from './types.js';
import { EmptyMessageError, MalformedMimeError, NotAnEmailError } from './understanding-errors.js';

/** How far into the input the header section must end (a header block is a few KB). */
export const MAX_HEADER_BYTES = 256 * 1024;

/** Header fields that show a message was redirected by a mail filter or server. */
export interface ForwardingHeaders {
  xForwardedFor: string | null;
  xForwardedTo: string | null;
  resentFrom: Mailbox[];
  resentTo: Mailbox[];
}

/** One parsed MIME message. */
export interface ParsedMessage {
  from: Mailbox[];
  replyTo: Mailbox[];
  to: Mailbox[];
  subject: string | null;
  /** ISO 8601, or null when the Date header is missing or unreadable. */
  date: string | null;
  /** The Date header as written. */
  dateText: string | null;
  messageId: string | null;
  /** The text/plain body, or null when the message has none. */
  text: string | null;
  /** The text/html body (never rendered), or null. */
  html: string | null;
  forwarding: ForwardingHeaders;
  /** Raw bytes of attached messages (message/rfc822 parts, .eml files). */
  attachedMessages: Uint8Array[];
}

const HEADER_FIELD_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const MBOX_FROM_LINE = /^From [^\r\n]*\r?\n/;
const KNOWN_HEADERS = /^(from|to|cc|subject|date|message-id|mime-version|content-type|received|return-path|reply-to|sender|delivered-to|x-[\w-]+|resent-[\w-]+)[ \t]*:/im;
const NON_TEXT_BYTES = /[\x00-\x08\x0e-\x1f\x7f]/g;
/** Above this share of control bytes a header section is binary data, not a damaged header. */
const MAX_HEADER_CONTROL_RATIO = 0.02;
/** A few stray control bytes in headers are damage (or mischief), not binary data. */
const TOLERATED_HEADER_CONTROL_BYTES = 8;
const WHITESPACE_ONLY = /^\s*$/;

/**
 * Checks the input begins with an email header section; throws NotAnEmailError with the
 * reason otherwise. Runs on `start`, the first MAX_HEADER_BYTES as Latin-1, so it costs nothing
 * on big mail.
 */
function assertHeaderSection(start: string): void {
  const head = start.replace(MBOX_FROM_LINE, '');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const headerEnd = head.search(/\r?\n\r?\n/);
  const headerBlock = headerEnd === -1 ? head : head.slice(0, headerEnd);
  const controlBytes = headerBlock.match(NON_TEXT_BYTES)?.length ?? 0;
  const tooManyControlBytes = controlBytes > TOLERATED_HEADER_CONTROL_BYTES && controlBytes > headerBlock.length * MAX_HEADER_CONTROL_RATIO;
  if (headerBlock.includes('\u0000') || tooManyControlBytes) {
    throw new NotAnEmailError('not an email message: the header section holds binary data');
  }
  if (!HEADER_FIELD_LINE.test(firstLine)) {
    throw new NotAnEmailError('not an email message: it does not start with header fields like "From:" or "Subject:"');
  }
  if (!KNOWN_HEADERS.test(headerBlock)) {
    throw new NotAnEmailError('not an email message: none of From, To, Subject, Date or Content-Type is present');
  }
}

/** Flattens mailparser address objects (and groups) into mailboxes. */
function readMailboxes(value: AddressObject | AddressObject[] | undefined): Mailbox[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  const mailboxes: Mailbox[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      const members = entry.group ?? [entry];
      for (const member of members) {
        const name = member.name?.trim() || null;
        const address = member.address?.trim() || null;
        if (name || address) mailboxes.push({ name, address });
      }
    }
  }
  return mailboxes;
}

/** The raw value of a header as written (first occurrence), unfolded. */
function readRawHeader(parsed: ParsedMail, key: string): string | null {
  const line = parsed.headerLines.find((entry) => entry.key === key)?.line;
  if (!line) return null;
  const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  return value || null;
}

/** Reads an address header that mailparser keeps as a string (Resent-*). */
function readAddressHeader(parsed: ParsedMail, key: string): Mailbox[] {
  const value = readRawHeader(parsed, key);
  if (!value) return [];
  return addressparser(value, { flatten: true })
    .map((entry) => ({ name: entry.name?.trim() || null, address: entry.address?.trim() || null }))
    .filter((mailbox) => mailbox.name || mailbox.address);
}

/**
 * mailparser's work the core does not use is skipped: no text made from HTML or HTML from text,
 * no links, and cid: image links left as they are (keepCidLinks: without it simpleParser also
 * waits one more turn of the event loop to hand back the HTML unchanged, or `false` when there is
 * none; either way the core reads a string or nothing).
 */
const MAILPARSER_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepCidLinks: true } as const;
const REPLACEMENT_CHARACTER = /\uFFFD/g;
/** The charset assumed for text whose declared charset is missing, unknown or wrong: a superset of Latin-1. */
export const FALLBACK_CHARSET = 'windows-1252';
const CONTENT_TYPE_HEADER = /^(content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/gim;
const CHARSET_PARAM = /charset\s*=\s*("?)([^";\s]+)\1/i;
/** Declared charsets that are replaced by the fallback when the bytes do not decode under them. */
const SUSPECT_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-646-us']);

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function countReplacements(parsed: ParsedMail): number {
  const texts = [parsed.text, typeof parsed.html === 'string' ? parsed.html : ''];
  return texts.reduce((sum, text) => sum + (text?.includes('\uFFFD') ? (text.match(REPLACEMENT_CHARACTER)?.length ?? 0) : 0), 0);
}

/**
 * Rewrites the charset of text parts that declare UTF-8/ASCII, an unknown charset or none to
 * windows-1252, for a second reading of a message whose bytes did not decode (an 8-bit Latin-1
 * body in a "7bit" UTF-8 message, a made-up charset name). Null when nothing would change.
 */
function rewriteSuspectCharsets(bytes: Buffer): Buffer | null {
  let changed = false;
  const rewritten = bytes.toString('latin1').replace(CONTENT_TYPE_HEADER, (header: string) => {
    if (!/content-type:\s*text\//i.test(header)) return header;
    const charset = CHARSET_PARAM.exec(header);
    if (!charset) {
      changed = true;
      return `${header}; charset="${FALLBACK_CHARSET}"`;
    }
    const label = (charset[2] ?? '').toLowerCase();
    if (!SUSPECT_CHARSETS.has(label) && isKnownCharset(label)) return header;
    changed = true;
    return header.replace(CHARSET_PARAM, `charset="${FALLBACK_CHARSET}"`);
  });
  return changed ? Buffer.from(rewritten, 'latin1') : null;
}

/** mailparser, with a second reading under the fallback charset when the first gave U+FFFD. */
async function parseWithCharsetRepair(bytes: Buffer): Promise<ParsedMail> {
  const parsed = await simpleParser(bytes, MAILPARSER_OPTIONS);
  const replacements = countReplacements(parsed);
  if (replacements === 0) return parsed;
  const repairedBytes = rewriteSuspectCharsets(bytes);
  if (!repairedBytes) return parsed;
  const repaired = await simpleParser(repairedBytes, MAILPARSER_OPTIONS);
  return countReplacements(repaired) < replacements ? repaired : parsed;
}

/** Parses raw MIME bytes. Throws EmptyMessageError, NotAnEmailError or MalformedMimeError. */
export async function parseMime(raw: Uint8Array): Promise<ParsedMessage> {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const start = bytes.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  if (bytes.length === 0 || WHITESPACE_ONLY.test(start) && bytes.length <= MAX_HEADER_BYTES) {
    throw new EmptyMessageError();
  }
  assertHeaderSection(start);
  let parsed: ParsedMail;
  try {
    parsed = await parseWithCharsetRepair(bytes);
  } catch (error) {
    throw new MalformedMimeError(`the MIME structure could not be read: ${(error as Error).message}`, { cause: error });
  }
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    from: readMailboxes(parsed.from),
    replyTo: readMailboxes(parsed.replyTo),
    to: readMailboxes(parsed.to),
    subject: parsed.subject?.trim() || null,
    date,
    dateText: readRawHeader(parsed, 'date'),
    messageId: parsed.messageId?.trim() || null,
    text: typeof parsed.text === 'string' && parsed.text.trim() ? parsed.text : null,
    html: typeof parsed.html === 'string' && parsed.html.trim() ? parsed.html : null,
    forwarding: {
      xForwardedFor: readRawHeader(parsed, 'x-forwarded-for'),
      xForwardedTo: readRawHeader(parsed, 'x-forwarded-to'),
      resentFrom: readAddressHeader(parsed, 'resent-from'),
      resentTo: readAddressHeader(parsed, 'resent-to'),
    },
    attachedMessages: findAttachedMessages(raw, bytes.length <= MAX_HEADER_BYTES ? start : undefined),
  };
}

/** The body of a message as text: the text part, else text made from the HTML part. */
export interface BodyText {
  text: string;
  source: 'text' | 'html' | 'none';
  html: HtmlConversion | null;
}

/** Reads a message's body text, converting HTML only when there is no text part. */
export function readBodyText(message: ParsedMessage): BodyText {
  if (message.text) return { text: message.text, source: 'text', html: null };
  if (message.html) {
    const html = convertHtmlToText(message.html);
    return { text: html.text, source: html.text ? 'html' : 'none', html };
  }
  return { text: '', source: 'none', html: null };
}
