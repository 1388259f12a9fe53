/**
 * Reference readings for the fast-path tests: the plain, pattern-based versions of the text
 * readings that the field extractors now do by character code (the code as it was before the
 * fast paths, with one fix: it no longer loops for ever on an astral letter after an apostrophe). The tests check that both give the same answers on varied and random text.
 */
import { isCapitalisedWord, MAX_RUN_WORDS, type Run, type RunOptions } from '../../../../functions/core/understanding/fields/runs.js';
import { foldDiacritics } from '../../../../functions/core/understanding/fields/text-tools.js';

const MAX_PARENTHETICAL_CHARS = 120;
const CONNECTORS = new Set([
  'of', 'and', '&', 'a', 'for', 'the', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'und', 'für', 'y', 'e', 'in',
  'da', 'di', 'del', 'du', 'et', 'à', 'en', 'on',
]);
const DOTTED_ABBREVIATIONS = /^(?:inc|corp|co|ltd|llc|plc|sr|jr|st|mr|ms|mrs|dr|prof|bros|intl|assoc|dept|u\.s|e\.v|s\.a|n\.v|b\.v|s\.r\.l|a\.g)\.$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-&®™+#]*/uy;
const SPACES = /[ \t]*/y;

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

function readRunByPatterns(text: string, start: number, options: RunOptions = {}): Run | null {
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

export function findAllRunsByPatterns(text: string, options: RunOptions = {}): Run[] {
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
      // The one change: past the whole character (at + 1 inside "𝐀" found it again, for ever).
      position = at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    const word = readWordAt(text, at);
    if (word && isCapitalisedWord(word)) {
      const run = readRunByPatterns(text, at, options);
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

/** compactForm as a chain of replaces. */
export function compactFormByPatterns(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every match of the email pattern, trying every position. */
export function findEmailAddressesByPatterns(text: string, pattern: RegExp): { address: string; index: number }[] {
  return [...text.matchAll(pattern)].map((match) => ({ address: match[0].replace(/\.+$/, ''), index: match.index ?? 0 }));
}

/** Collapses whitespace with a replace and a trim. */
export function collapseSpacesByPatterns(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
