/**
 * Reading a run of capitalised words ("Northwind Traders Market", "Senior Software Engineer, Platform")
 * from a position in a text, the way names and titles are written. Linear in the run's length.
 */

/** Most words read in one run. */
export const MAX_RUN_WORDS = 14;
/** Longest parenthetical kept inside a run, e.g. "(m/w/d)" or "(Remote)". */
const MAX_PARENTHETICAL_CHARS = 120;

/** Lower-case words that may join capitalised words inside a name or title. */
const CONNECTORS = new Set([
  'of', 'and', '&', 'a', 'for', 'the', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'und', 'für', 'y', 'e', 'in',
  'da', 'di', 'del', 'du', 'et', 'à', 'en', 'on',
]);

/** Abbreviations whose final dot does not end the run. */
const DOTTED_ABBREVIATIONS = /^(?:inc|corp|co|ltd|llc|plc|sr|jr|st|mr|ms|mrs|dr|prof|bros|intl|assoc|dept|u\.s|e\.v|s\.a|n\.v|b\.v|s\.r\.l|a\.g)\.$/i;

/** Options for {@link readRun}. */
export interface RunOptions {
  /** Accept lower-case words (French and German titles, lower-case role mentions). */
  allowLowercase?: boolean;
  /** Accept ", " between capitalised words. */
  allowCommas?: boolean;
  /** Accept a parenthetical "( ... )". */
  allowParentheses?: boolean;
  /** Accept " - ", " – ", " — " between capitalised words. */
  allowDashes?: boolean;
  /** Lower-case words that stop the run even when lower case is allowed. */
  stopWords?: ReadonlySet<string>;
  /** Most words. */
  maxWords?: number;
}

/** A run read from a text. */
export interface Run {
  text: string;
  start: number;
  end: number;
  words: string[];
}

const CHAR_A = 0x41;
const CHAR_Z = 0x5a;
const CHAR_LOWER_A = 0x61;
const CHAR_LOWER_Z = 0x7a;
const CHAR_0 = 0x30;
const CHAR_9 = 0x39;
const ASCII_LIMIT = 0x80;

const CHAR_APOSTROPHE = 0x27;
const CHAR_HASH = 0x23;
const CHAR_AMPERSAND = 0x26;
const CHAR_PLUS = 0x2b;
const CHAR_HYPHEN = 0x2d;
const CHAR_DOT = 0x2e;
const CHAR_SPACE = 0x20;
const CHAR_TAB = 0x09;

/** A word: a letter or digit, then letters, digits, marks and the joiners names and titles use. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-&®™+#]*/uy;
/** The next letter or digit (Unicode), where the ASCII scan of {@link findAllRuns} hands over. */
const WORD_START = /[\p{L}\p{N}]/gu;
/** A character that continues a word, so the next one does not start a new word. */
const WORD_CHAR_OR_APOSTROPHE = /[\p{L}\p{N}'’]/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

function isAsciiLetter(code: number): boolean {
  return (code >= CHAR_A && code <= CHAR_Z) || (code >= CHAR_LOWER_A && code <= CHAR_LOWER_Z);
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || (code >= CHAR_0 && code <= CHAR_9);
}

/** True for the ASCII characters {@link WORD} accepts after the first one. */
function continuesAsciiWord(code: number): boolean {
  return (
    isAsciiLetterOrDigit(code) ||
    code === CHAR_APOSTROPHE || code === CHAR_DOT || code === CHAR_HYPHEN ||
    code === CHAR_AMPERSAND || code === CHAR_PLUS || code === CHAR_HASH
  );
}

/** True when a word counts as capitalised: an upper-case letter anywhere, or a digit ("iOS", "F5", "2025"). */
export function isCapitalisedWord(word: string): boolean {
  // ASCII first, without a Unicode expression: most words are plain ASCII.
  const first = word.charCodeAt(0);
  if ((first >= CHAR_A && first <= CHAR_Z) || (first >= CHAR_0 && first <= CHAR_9)) return true;
  if (first >= CHAR_LOWER_A && first <= CHAR_LOWER_Z) {
    const second = word.charCodeAt(1);
    if (second >= CHAR_A && second <= CHAR_Z) return true;
    if (second >= CHAR_LOWER_A && second <= CHAR_LOWER_Z) {
      const third = word.charCodeAt(2);
      if (third >= CHAR_A && third <= CHAR_Z) return true;
      if (third < ASCII_LIMIT || Number.isNaN(third)) return false;
    } else if (second < ASCII_LIMIT || Number.isNaN(second)) {
      return false;
    }
  }
  return /^[\p{Lu}\p{N}]/u.test(word) || /^\p{Ll}{1,2}\p{Lu}/u.test(word);
}

/**
 * Where the word that starts at `position` ends, or -1 when none starts there. Plain ASCII is
 * scanned by character code; a word with any other character is read with {@link WORD}, so both
 * ways give the same word.
 */
function wordEndAt(text: string, position: number): number {
  const first = text.charCodeAt(position);
  if (first < ASCII_LIMIT) {
    if (!isAsciiLetterOrDigit(first)) return -1;
    let end = position + 1;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code >= ASCII_LIMIT) return wordEndByPattern(text, position);
      if (!continuesAsciiWord(code)) return end;
      end += 1;
    }
    return end;
  }
  if (Number.isNaN(first)) return -1;
  return wordEndByPattern(text, position);
}

function wordEndByPattern(text: string, position: number): number {
  WORD.lastIndex = position;
  return WORD.test(text) ? WORD.lastIndex : -1;
}

function readWordAt(text: string, position: number): string | null {
  const end = wordEndAt(text, position);
  return end < 0 ? null : text.slice(position, end);
}

/** The position after the spaces and tabs at `position`. */
function skipSpaces(text: string, position: number): number {
  let end = position;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code !== CHAR_SPACE && code !== CHAR_TAB) break;
    end += 1;
  }
  return end;
}

/** True when a word starts with a letter (not a digit). */
function startsWithLetter(word: string): boolean {
  const first = word.charCodeAt(0);
  return first < ASCII_LIMIT ? isAsciiLetter(first) : STARTS_WITH_LETTER.test(word);
}

/** The index of the next letter or digit at or after `position`, or -1. */
function nextWordStart(text: string, position: number): number {
  for (let index = position; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= ASCII_LIMIT) {
      WORD_START.lastIndex = index;
      const match = WORD_START.exec(text);
      return match ? match.index : -1;
    }
    if (isAsciiLetterOrDigit(code)) return index;
  }
  return -1;
}

/** Largest code point stored in one UTF-16 unit; beyond it a character takes two. */
const MAX_SINGLE_UNIT_CODE_POINT = 0xffff;

/** How many UTF-16 units the character at `position` takes (2 for astral letters such as "𝐀"). */
function characterLength(text: string, position: number): number {
  return (text.codePointAt(position) ?? 0) > MAX_SINGLE_UNIT_CODE_POINT ? 2 : 1;
}

/** True when the character before `position` belongs to a word (letter, digit, apostrophe). */
function followsWordCharacter(text: string, position: number): boolean {
  if (position === 0) return false;
  const code = text.charCodeAt(position - 1);
  if (code < ASCII_LIMIT) return isAsciiLetterOrDigit(code) || code === CHAR_APOSTROPHE;
  return WORD_CHAR_OR_APOSTROPHE.test(text[position - 1] ?? ' ');
}

/** Reads a run of capitalised words starting at `start` (leading spaces skipped). */
export function readRun(text: string, start: number, options: RunOptions = {}): Run | null {
  const maxWords = options.maxWords ?? MAX_RUN_WORDS;
  let position = skipSpaces(text, start);
  const runStart = position;
  let out = '';
  let end = position;
  const words: string[] = [];
  while (words.length < maxWords && position < text.length) {
    const word = readWordAt(text, position);
    if (word) {
      let clean = word; // possessives are kept; callers decide
      let endsSentence = false;
      if (clean.endsWith('.') && !DOTTED_ABBREVIATIONS.test(clean)) {
        clean = clean.replace(/\.+$/, '');
        endsSentence = true;
      }
      const last = clean.charCodeAt(clean.length - 1);
      if (last === CHAR_HYPHEN || last === CHAR_AMPERSAND) clean = clean.replace(/[-&]+$/, '');
      const capitalised = isCapitalisedWord(clean);
      const stopped = options.stopWords?.has(clean.toLowerCase()) ?? false;
      let accept = false;
      if (capitalised && !stopped) accept = true;
      else if (!stopped && options.allowLowercase && startsWithLetter(clean)) accept = true;
      else if (!stopped && words.length > 0 && CONNECTORS.has(clean.toLowerCase())) {
        const next = readWordAt(text, skipSpaces(text, position + word.length));
        accept = next !== null && isCapitalisedWord(next) && !(options.stopWords?.has(next.toLowerCase()) ?? false);
      }
      if (!accept || clean.length === 0) break;
      out += (out && !out.endsWith('(') ? ' ' : '') + clean;
      words.push(clean);
      position += word.length;
      end = position - (word.length - clean.length);
      if (endsSentence) break;
      position = skipSpaces(text, position);
      continue;
    }
    const char = text[position];
    if (char === '&' && words.length > 0) {
      const next = readWordAt(text, skipSpaces(text, position + 1));
      if (next && isCapitalisedWord(next)) {
        out += ' &';
        position = skipSpaces(text, position + 1);
        continue;
      }
      break;
    }
    if (char === ',' && options.allowCommas && words.length > 0) {
      const after = skipSpaces(text, position + 1);
      const next = readWordAt(text, after);
      if (after > position + 1 && next && isCapitalisedWord(next)) {
        out += ',';
        position = after;
        continue;
      }
      break;
    }
    if ((char === '-' || char === '–' || char === '—') && options.allowDashes && words.length > 0 && /\s/.test(text[position - 1] ?? '')) {
      const after = skipSpaces(text, position + 1);
      const next = readWordAt(text, after);
      if (after > position + 1 && next && isCapitalisedWord(next)) {
        out += ` ${char}`;
        position = after;
        continue;
      }
      break;
    }
    if (char === '(' && options.allowParentheses && words.length > 0) {
      const close = findClosingParenthesis(text, position);
      if (close < 0) break;
      const parenthetical = text.slice(position, close + 1).replace(/\s+/g, ' ');
      out += ` ${parenthetical}`;
      words.push(parenthetical);
      position = close + 1;
      end = position;
      position = skipSpaces(text, position);
      continue;
    }
    break;
  }
  if (words.length === 0) return null;
  return { text: out.trim(), start: runStart, end, words };
}

/** The index of the parenthesis closing the one at `open` (nesting allowed), or -1 within the limit. */
function findClosingParenthesis(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_PARENTHETICAL_CHARS);
  for (let index = open; index < limit; index += 1) {
    const char = text[index];
    if (char === '\n') return -1;
    if (char === '(') depth += 1;
    if (char === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * Every maximal capitalised run in a text (for frequency and domain matching), or in the part of
 * it from `from` to `to`. A run never crosses a line break, so the runs of a line read alone are
 * the runs the whole text has on that line.
 */
export function findAllRuns(text: string, options: RunOptions = {}, from = 0, to = text.length): Run[] {
  const runs: Run[] = [];
  let position = from;
  while (position < to) {
    const at = nextWordStart(text, position);
    if (at < 0 || at >= to) break;
    if (followsWordCharacter(text, at)) {
      // Past the whole character: a position inside an astral letter ("𝐀") would find it again.
      position = at + characterLength(text, at);
      continue;
    }
    const wordEnd = wordEndAt(text, at);
    const wordLength = wordEnd < 0 ? 0 : wordEnd - at;
    if (wordEnd >= 0 && isCapitalisedWord(text.slice(at, wordEnd))) {
      const run = readRun(text, at, options);
      if (run) {
        runs.push(run);
        position = Math.max(run.end, at + wordLength);
        continue;
      }
    }
    position = at + (wordLength || 1);
  }
  return runs;
}
