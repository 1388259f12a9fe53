/**
 * Small, linear-time text helpers shared by the field extractors. Every regular expression
 * here has bounded repetition so hostile input cannot trigger catastrophic backtracking.
 */
import { foldCase } from '../phrases/phrase-set.js';
import { createPerMessageCache } from './per-message-cache.js';

/** Longest text the extractors look at; longer bodies keep their head and their tail (the signature). */
export const MAX_SCAN_CHARS = 60_000;
/** How much of the end of an over-long body is kept, so the signature survives truncation. */
export const TAIL_SCAN_CHARS = 6_000;
/** Longest quote taken from a mail into a signal. */
export const MAX_QUOTE_CHARS = 140;
/** Longest subject looked at. */
export const MAX_SUBJECT_CHARS = 1_000;
/** Longest line considered as a header-like line (names, titles, companies). */
export const MAX_NAME_LINE_CHARS = 80;

/** Cuts an over-long text down to its head and tail; short texts are returned unchanged. */
export function limitText(text: string): string {
  if (text.length <= MAX_SCAN_CHARS) return text;
  return `${text.slice(0, MAX_SCAN_CHARS - TAIL_SCAN_CHARS)}\n\n${text.slice(text.length - TAIL_SCAN_CHARS)}`;
}

/** Whitespace (other than a line break) ending a line or the text: some line needs trimming. */
const TRAILING_BLANK = /[^\S\n](?:\n|$)/;

/** Normalises line endings, non-breaking and zero-width spaces, and trailing blanks on each line. */
export function cleanText(text: string): string {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
  if (!TRAILING_BLANK.test(normalised)) return normalised;
  return normalised
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Shortest reply text kept when a quoted earlier message is cut off below it. */
const MIN_REPLY_CHARS = 40;
/** Lines that start the quoted earlier message in a reply ("On Tue, ... wrote:", "-----Original Message-----"). */
const QUOTE_HEADER = /^(?:On\s.{1,200}\swrote:|Am\s.{1,200}\sschrieb.{0,40}:|Le\s.{1,200}\sa\sécrit\s?:|-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}|>.*)$/im;

/**
 * Cuts off an earlier message quoted below a reply, so the candidate's own words and signature
 * are not read as the company's. Keeps the whole text when too little would remain.
 */
export function stripQuotedReply(text: string): string {
  const match = QUOTE_HEADER.exec(text);
  if (!match || match.index < MIN_REPLY_CHARS) return text;
  return text.slice(0, match.index).trimEnd();
}

/** Whitespace that is not one plain space between words: the text needs collapsing. */
const UNCOLLAPSED_SPACE = /[^\S ]|\s\s|^\s|\s$/;

/** Collapses runs of whitespace to one space and trims (text that needs neither comes back as it is). */
export function collapseSpaces(text: string): string {
  return UNCOLLAPSED_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Removes diacritics: "Café Léon" -> "Cafe Leon". German umlauts fold to the base letter. */
export function foldDiacritics(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Text with no character beyond ASCII: it has no diacritics to fold (most names and words). */
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** What {@link compactForm} drops from lower-cased, folded text. */
const NOT_COMPACT = /[^a-z0-9]/g;
const CODE_LOWER_A = 0x61;
const CODE_LOWER_Z = 0x7a;
const CODE_DIGIT_0 = 0x30;
const CODE_DIGIT_9 = 0x39;
const CODE_ASCII_LIMIT = 0x80;

const CODE_UPPER_A = 0x41;
const CODE_UPPER_Z = 0x5a;

/**
 * How much work {@link compactForm} needs for a text: none, lower-casing ASCII letters, also
 * dropping ASCII punctuation and spaces, or folding diacritics too.
 */
const COMPACT_ALREADY = 0;
const COMPACT_LOWER_CASE = 1;
const COMPACT_ASCII = 2;
const COMPACT_UNICODE = 3;

function compactNeedOf(text: string): number {
  let need = COMPACT_ALREADY;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= CODE_ASCII_LIMIT) return COMPACT_UNICODE;
    if ((code >= CODE_LOWER_A && code <= CODE_LOWER_Z) || (code >= CODE_DIGIT_0 && code <= CODE_DIGIT_9)) continue;
    if (code >= CODE_UPPER_A && code <= CODE_UPPER_Z) {
      if (need === COMPACT_ALREADY) need = COMPACT_LOWER_CASE;
    } else {
      need = COMPACT_ASCII;
    }
  }
  return need;
}

/**
 * Letters and digits only, lower case, diacritics folded: the form in which a domain label
 * ("northwindtraders") and a name in the text ("Northwind Traders") can be compared.
 * Text that is already compact comes back as it is; plain ASCII skips the Unicode folding.
 */
export function compactForm(text: string): string {
  const need = compactNeedOf(text);
  if (need === COMPACT_ALREADY) return text;
  if (need === COMPACT_LOWER_CASE) return text.toLowerCase();
  return (need === COMPACT_ASCII ? text : foldDiacritics(text)).toLowerCase().replace(NOT_COMPACT, '');
}

/** The characters {@link compactFormTransliterated} rewrites; text without them has the plain compact form. */
const GERMAN_TRANSLITERATED = /[äöüÄÖÜß]/;

/** True when a text holds a letter {@link compactFormTransliterated} rewrites (ä, ö, ü, ß). */
function hasGermanLetters(text: string): boolean {
  return GERMAN_TRANSLITERATED.test(text);
}

/**
 * The German transliteration of umlauts as domains write them ("Müller Bräu" -> "muellerbraeu").
 * @param compact the text's compactForm when the caller has it: a text without umlauts or ß
 *   transliterates to exactly that.
 */
export function compactFormTransliterated(text: string, compact?: string): string {
  if (!hasGermanLetters(text)) return compact ?? compactForm(text);
  const transliterated = text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss');
  return compactForm(transliterated);
}

/** Splits text into non-empty trimmed lines. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Texts whose lines are kept per message; more empties the cache (a message has a body or two). */
const MAX_CACHED_LINE_TEXTS = 4;
/** Non-empty lines of the texts read for the message (the greeting and the signature are looked for in the same body). */
const NON_EMPTY_LINES = createPerMessageCache<string, readonly string[]>(MAX_CACHED_LINE_TEXTS);

/** {@link nonEmptyLines}, kept for the message: the result is shared, so callers must not change it. */
export function readNonEmptyLines(text: string): readonly string[] {
  return NON_EMPTY_LINES.remember(text, nonEmptyLines);
}

/** A sentence of the text with its start offset. */
export interface Sentence {
  text: string;
  /** The text through `foldCase`, for the phrase patterns (same length, same offsets). */
  folded: string;
  start: number;
}

/** Longest sentence kept whole; longer runs are cut so one pathological "sentence" stays cheap. */
const MAX_SENTENCE_CHARS = 1_200;

/**
 * Splits text into sentences at ".", "!", "?" followed by whitespace, and at blank lines or
 * single line breaks that end a line without punctuation (lists, signatures).
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /[.!?](?=\s)|\n\s*\n|\n(?=\s*[*\-•·]\s)|:\s*\n/g;
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    while (from < end) {
      const to = Math.min(end, from + MAX_SENTENCE_CHARS);
      const slice = text.slice(from, to);
      const trimmed = slice.trim();
      if (trimmed.length > 0) sentences.push({ text: trimmed, folded: foldCase(trimmed), start: from + slice.indexOf(trimmed) });
      from = to;
    }
  };
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

/** Texts whose sentences are kept per message; more empties the cache (a message has a few). */
const MAX_CACHED_SENTENCE_TEXTS = 8;
/** Sentences of the texts read for the message (the body is read by the classifier and the signals alike). */
const SENTENCES = createPerMessageCache<string, readonly Sentence[]>(MAX_CACHED_SENTENCE_TEXTS);

/** {@link splitSentences}, kept for the message: the result is shared, so callers must not change it. */
export function readSentences(text: string): readonly Sentence[] {
  return SENTENCES.remember(text, splitSentences);
}

/** What joins a subject to its body in {@link readSubjectAndBodySentences}: a blank line, a sentence boundary. */
const SUBJECT_BODY_JOINT = '\n\n';
const STARTS_WITH_WHITESPACE = /^\s/;

/**
 * The sentences of `${subject}\n\n${body}`, reusing the body's own sentences. The blank line
 * ends the subject's last sentence right where the body starts, unless the body starts with
 * whitespace (a boundary could then reach into it): only then is the joined text split anew.
 */
export function readSubjectAndBodySentences(subject: string, body: string): readonly Sentence[] {
  if (STARTS_WITH_WHITESPACE.test(body)) return splitSentences(`${subject}${SUBJECT_BODY_JOINT}${body}`);
  const head = `${subject}${SUBJECT_BODY_JOINT}`;
  const shift = head.length;
  const sentences = [...splitSentences(head)];
  for (const sentence of readSentences(body)) sentences.push({ text: sentence.text, folded: sentence.folded, start: sentence.start + shift });
  return sentences;
}

/** Cuts a quote to at most MAX_QUOTE_CHARS on a word boundary and strips dangling punctuation. */
export function capQuote(text: string): string {
  let quote = collapseSpaces(text);
  if (quote.length > MAX_QUOTE_CHARS) {
    const cut = quote.slice(0, MAX_QUOTE_CHARS);
    const lastSpace = cut.lastIndexOf(' ');
    quote = `${cut.slice(0, lastSpace > MAX_QUOTE_CHARS / 2 ? lastSpace : MAX_QUOTE_CHARS)}…`;
  }
  return quote.replace(/^[\s,;:–—-]+/, '').replace(/[\s,;:–—-]+$/, '');
}

/** An email address: a local part, "@", and a dotted domain. Bare domains and "Careers@Acme" do not match. */
export const EMAIL_PATTERN = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;

/** The scanner {@link findEmailAddresses} moves by hand (a copy, so the exported pattern's lastIndex is never touched). */
const EMAIL_SCANNER = new RegExp(EMAIL_PATTERN.source, 'g');
/** Most characters of a local part before its "@" (the first character and up to 63 more). */
const MAX_LOCAL_PART_CHARS = 64;

/**
 * Finds every email address in a text, with its offset: the matches of {@link EMAIL_PATTERN}.
 * Every match holds an "@" at most 64 characters after its start, so the scan starts that far
 * before the next "@" instead of trying every position of the text (mail without one costs an indexOf).
 */
export function findEmailAddresses(text: string): { address: string; index: number }[] {
  const found: { address: string; index: number }[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
    EMAIL_SCANNER.lastIndex = Math.max(from, at - MAX_LOCAL_PART_CHARS);
    const match = EMAIL_SCANNER.exec(text);
    if (!match) break;
    found.push({ address: match[0].replace(/\.+$/, ''), index: match.index });
    from = EMAIL_SCANNER.lastIndex;
  }
  return found;
}

/** Lower-case, trimmed address, or null. */
export function normaliseAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const trimmed = address.trim().toLowerCase();
  return trimmed.length > 0 ? trimmed : null;
}

/** The local part and domain of an address. */
export function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return at < 0 ? { local: address, domain: '' } : { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** Second-level public suffixes under which the organisation's name is the third label. */
const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk',
  'com.au', 'net.au', 'org.au', 'co.nz', 'co.za', 'co.in', 'co.jp', 'co.kr', 'com.br', 'com.mx',
  'com.ar', 'com.cn', 'com.hk', 'com.sg', 'com.tr', 'co.il', 'com.pl', 'co.at', 'gov.uk', 'nhs.uk', 'police.uk',
  'sch.uk', 'gov.au', 'edu.au', 'govt.nz', 'ac.nz', 'ac.jp', 'or.jp', 'ne.jp', 'gv.at', 'ac.at', 'gouv.fr',
  'com.es', 'org.es', 'co.id', 'com.my', 'com.ph', 'com.vn', 'edu.sg', 'gov.sg', 'co.th',
]);

/** Most domains whose label is kept for a message. */
const MAX_CACHED_DOMAINS = 1_000;
/** organisationLabel answers for the message: the sender's domain is asked about by several extractors. */
const ORGANISATION_LABELS = createPerMessageCache<string, string>(MAX_CACHED_DOMAINS);

/** The organisation's label of a domain: "careers.globex.com" -> "globex", "x.co.uk" -> "x". */
export function organisationLabel(domain: string): string {
  return ORGANISATION_LABELS.remember(domain, organisationLabelOf);
}

function organisationLabelOf(domain: string): string {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) return labels[0] ?? '';
  const lastTwo = labels.slice(-2).join('.');
  if (TWO_LEVEL_SUFFIXES.has(lastTwo) && labels.length >= 3) return labels[labels.length - 3] ?? '';
  return labels[labels.length - 2] ?? '';
}
