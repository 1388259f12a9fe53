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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-&®™+#]*/uy;
const SPACES = /[ \t]*/y;

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

function readWordAt(text: string, position: number): string | null {
  WORD.lastIndex = position;
  const match = WORD.exec(text);
  return match ? match[0] : null;
}

function skipSpaces(text: string, position: number): number {
  SPACES.lastIndex = position;
  SPACES.exec(text);
  return SPACES.lastIndex;
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
      clean = clean.replace(/[-&]+$/, '');
      const lower = clean.toLowerCase();
      const capitalised = isCapitalisedWord(clean);
      const stopped = options.stopWords?.has(lower) ?? false;
      let accept = false;
      if (capitalised && !stopped) accept = true;
      else if (!stopped && options.allowLowercase && /^\p{L}/u.test(clean)) accept = true;
      else if (!stopped && words.length > 0 && CONNECTORS.has(lower)) {
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

/** Every maximal capitalised run in a text (for frequency and domain matching). */
export function findAllRuns(text: string, options: RunOptions = {}): Run[] {
  const runs: Run[] = [];
  const wordStart = /[\p{L}\p{N}]/gu;
  let position = 0;
  while (position < text.length) {
    wordStart.lastIndex = position;
    const match = wordStart.exec(text);
    if (!match) break;
    const at = match.index;
    const previous = text[at - 1] ?? ' ';
    if (/[\p{L}\p{N}'’]/u.test(previous)) {
      position = at + 1;
      continue;
    }
    const word = readWordAt(text, at);
    if (word && isCapitalisedWord(word)) {
      const run = readRun(text, at, options);
      if (run) {
        runs.push(run);
        position = Math.max(run.end, at + word.length);
        continue;
      }
    }
    position = at + (word?.length ?? 1);
  }
  return runs;
}
