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
import { cleanLikeForwardParser, preparePruner, type RegexPruner } from './forward-regex-pruning.js';
import { normaliseMailbox } from './mailbox.js';
import type { Mailbox } from './types.js';

/** Forwards nested deeper than this are not unwrapped further. */
export const MAX_INLINE_FORWARD_LEVELS = 8;
/** Bodies longer than this (characters) are cut before the forward parser reads them. */
export const MAX_FORWARD_PARSE_CHARS = 256_000;
/**
 * email-forward-parser's regular expressions backtrack polynomially on long lines full of
 * brackets (`^\s?.+\s*[\[|<].+[\]|>]...`) and on long whitespace runs (measured: "From:" and
 * 4,000 spaces took 4 s; 256 lines of 1,000 "<" took 1.7 s). Hostile input is therefore bounded
 * before it is read: lines are wrapped at this length (prose stays far below it)...
 */
export const MAX_FORWARD_PARSE_LINE_CHARS = 2_000;
/** ...lines holding more than this many brackets are wrapped at {@link BRACKET_LINE_CHARS}... */
export const MAX_BRACKETS_PER_LINE = 16;
export const BRACKET_LINE_CHARS = 200;
/** ...runs of spaces and tabs longer than this are shortened to it... */
export const MAX_HORIZONTAL_WHITESPACE_RUN = 8;
/** ...and more than this many blank lines in a row become this many. */
export const MAX_BLANK_LINE_RUN = 3;

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
/** The parser's inner state, whose expression lists are cut down per body (forward-regex-pruning.ts). */
const innerParser = (parser as unknown as { parser?: { regexes?: unknown } }).parser;
/** Prepared on the first body that may hold a forward: mail whose subject rules one out never pays for it. */
let pruner: RegexPruner | null | undefined;

type ForwardReadResult = ReturnType<EmailForwardParser['read']>;

/**
 * email-forward-parser's read, with only the expressions that can match this body (same result,
 * a fraction of the work: see forward-regex-pruning.ts). Unpruned when the subject already rules
 * a forward out (the parser then reads no body) or the library's inner shape is not the known one.
 */
function readForward(text: string, subject: string | undefined): ForwardReadResult {
  if (!innerParser || !subjectAllowsInlineForward(subject ?? null)) return parser.read(text, subject);
  // null (the library's inner shape is not the known one) is kept too: it is not asked again.
  if (pruner === undefined) pruner = preparePruner(innerParser.regexes);
  if (!pruner) return parser.read(text, subject);
  const full = innerParser.regexes;
  innerParser.regexes = pruner.prune(cleanLikeForwardParser(text));
  try {
    return parser.read(text, subject);
  } finally {
    innerParser.regexes = full;
  }
}

function readMailboxList(value: ParserMailbox | ParserMailbox[] | null | undefined): Mailbox[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).map(normaliseMailbox).filter((m) => m.name || m.address);
}

/** Removes a uniform ">" quote level left on a forwarded body. */
function unquoteBody(body: string): string {
  if (!body.includes('>')) return body; // no line can be quoted: nothing to split and test
  const lines = body.split('\n');
  const nonEmpty = lines.filter((line) => line.trim());
  if (nonEmpty.length === 0 || !nonEmpty.every((line) => /^\s*>/.test(line))) return body;
  return lines.map((line) => line.replace(/^\s*> ?/, '')).join('\n');
}

const BRACKETS = /[<>[\]]/g;

/** Wraps one long line at a space before the limit (or hard at the limit when there is none). */
function wrapLongLine(line: string): string {
  if (line.length <= BRACKET_LINE_CHARS) return line;
  const bracketHeavy = (line.match(BRACKETS)?.length ?? 0) > MAX_BRACKETS_PER_LINE;
  const limit = bracketHeavy ? BRACKET_LINE_CHARS : MAX_FORWARD_PARSE_LINE_CHARS;
  if (line.length <= limit) return line;
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    const cut = space > 0 ? space : limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  pieces.push(rest);
  return pieces.join('\n');
}

const LONG_HORIZONTAL_WHITESPACE = new RegExp(`[ \\t]{${MAX_HORIZONTAL_WHITESPACE_RUN + 1},}`, 'g');
const LONG_BLANK_RUN = new RegExp(`(?:\\n[ \\t]*){${MAX_BLANK_LINE_RUN + 1},}\\n`, 'g');

/** True when a line of the text is longer than {@link BRACKET_LINE_CHARS} (only those may need wrapping). */
function hasLongLine(text: string): boolean {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    if (lineEnd - start > BRACKET_LINE_CHARS) return true;
    if (end === -1) return false;
    start = end + 1;
  }
  return false;
}

/** Bounds a body so the forward parser's regular expressions stay fast on hostile input. */
export function boundForForwardParser(body: string): string {
  const cut = body.length > MAX_FORWARD_PARSE_CHARS ? body.slice(0, MAX_FORWARD_PARSE_CHARS) : body;
  const bounded = cut
    .replace(/\r\n?/g, '\n')
    .replace(LONG_HORIZONTAL_WHITESPACE, ' '.repeat(MAX_HORIZONTAL_WHITESPACE_RUN))
    .replace(LONG_BLANK_RUN, '\n'.repeat(MAX_BLANK_LINE_RUN + 1));
  return hasLongLine(bounded) ? bounded.split('\n').map(wrapLongLine).join('\n') : bounded;
}

type SubjectReader = { parseSubject(subject: string): string | null };

/**
 * The parser's own subject reading (the same one read() starts with), when its inner shape is the
 * known one. It runs its 16 subject expressions, and each read of one message asks it about the
 * same subject again: a pure function of the subject, so the parser's instance is given one that
 * remembers its last answer.
 */
const readSubject = typeof (innerParser as { parseSubject?: unknown } | undefined)?.parseSubject === 'function'
  ? rememberLastSubject(innerParser as unknown as SubjectReader)
  : null;

function rememberLastSubject(reader: SubjectReader): (subject: string) => string | null {
  const parseSubject = reader.parseSubject.bind(reader);
  let last: { subject: string; parsed: string | null } | null = null;
  reader.parseSubject = (subject: string): string | null => {
    if (last?.subject !== subject) last = { subject, parsed: parseSubject(subject) };
    return last.parsed;
  };
  return reader.parseSubject;
}
/**
 * False when the subject alone rules out an inline forward: email-forward-parser reads a body
 * only when there is no subject or the subject has a forward prefix, so then no text of the
 * message (the text part, or text made from its HTML part) can yield one.
 */
export function subjectAllowsInlineForward(subject: string | null): boolean {
  if (!subject) return true;
  // read('', subject).forwarded is exactly "parseSubject found a prefix" (an empty body yields no
  // forward), without running every body expression over the empty text; readSubject remembers
  // its last answer, and the same subject is asked about for every level and body of a message.
  return readSubject ? readSubject(subject) !== null : parser.read('', subject).forwarded;
}

/**
 * Returns the forwarded messages inside a body, outermost first; empty when there is none.
 * A block with neither sender name nor address is not taken for a forward (a quoted reply
 * under a "Fwd:" subject looks like one to the parser).
 */
export function readInlineForwards(body: string, subject: string | null): InlineForwardLevel[] {
  // The parser would read no body under this subject (see subjectAllowsInlineForward): nothing to bound or read.
  if (!subjectAllowsInlineForward(subject)) return [];
  const levels: InlineForwardLevel[] = [];
  let text = boundForForwardParser(body);
  let currentSubject = subject;
  while (levels.length < MAX_INLINE_FORWARD_LEVELS) {
    const result = readForward(text, currentSubject ?? undefined);
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
