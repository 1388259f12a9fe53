/**
 * Reads inline forwards ("Forward" pressed in a mail client) with email-forward-parser, which
 * knows the header blocks of Gmail, Apple Mail, Outlook 2013/2019/new/Live, Thunderbird, Yahoo,
 * HubSpot, IONOS, MailMate, Missive and others in ~20 languages. A forward of a forward is
 * unwrapped level by level, but only while the message found is itself a forward (its subject
 * has a forward prefix): a reply quoted inside the original ("From: ... Sent: ... Subject: Re:")
 * belongs to the original and is not another level.
 */
import EmailForwardParser from 'email-forward-parser';
import { hasForwardPrefix } from './forward-subject.js';
import { normaliseMailbox } from './mailbox.js';
import type { Mailbox } from './types.js';

/** Forwards nested deeper than this are not unwrapped further. */
export const MAX_INLINE_FORWARD_LEVELS = 8;
/** Bodies longer than this (characters) are cut before the forward parser reads them. */
export const MAX_FORWARD_PARSE_CHARS = 1_000_000;

/** One message found inside an inline forward. */
export interface InlineForwardLevel {
  from: Mailbox;
  to: Mailbox[];
  subject: string | null;
  dateText: string | null;
  /** The message's own text (without the forwarder's note above it). */
  body: string;
  /** The forwarder's note above the forward block (the owner's note at level 1). */
  note: string;
}

type ParserMailbox = { name: string | null; address: string | null };

const parser = new EmailForwardParser();

function readMailboxList(value: ParserMailbox | ParserMailbox[] | null | undefined): Mailbox[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).map(normaliseMailbox).filter((m) => m.name || m.address);
}

/** Removes a uniform ">" quote level left on a forwarded body. */
function unquoteBody(body: string): string {
  const lines = body.split('\n');
  const nonEmpty = lines.filter((line) => line.trim());
  if (nonEmpty.length === 0 || !nonEmpty.every((line) => /^\s*>/.test(line))) return body;
  return lines.map((line) => line.replace(/^\s*> ?/, '')).join('\n');
}

/**
 * Returns the forwarded messages inside a body, outermost first; empty when there is none.
 * A block with neither sender name nor address is not taken for a forward (a quoted reply
 * under a "Fwd:" subject looks like one to the parser).
 */
export function readInlineForwards(body: string, subject: string | null): InlineForwardLevel[] {
  const levels: InlineForwardLevel[] = [];
  let text = body.length > MAX_FORWARD_PARSE_CHARS ? body.slice(0, MAX_FORWARD_PARSE_CHARS) : body;
  let currentSubject = subject;
  while (levels.length < MAX_INLINE_FORWARD_LEVELS) {
    const result = parser.read(text.replace(/\r\n/g, '\n'), currentSubject ?? undefined);
    if (!result.forwarded) break;
    const from = normaliseMailbox(result.email.from);
    if (!from.name && !from.address) break;
    const level: InlineForwardLevel = {
      from,
      to: readMailboxList(result.email.to),
      subject: result.email.subject?.trim() || null,
      dateText: result.email.date?.trim() || null,
      body: unquoteBody(result.email.body ?? '').trim(),
      note: (result.message ?? '').trim(),
    };
    levels.push(level);
    if (!hasForwardPrefix(level.subject)) break;
    text = level.body;
    currentSubject = level.subject;
  }
  return levels;
}
