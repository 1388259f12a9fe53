/**
 * The phrase syntax of every phrase list in the project (the understanding lists in
 * functions/core/understanding/phrases/ and the drafting lists in functions/core/drafting/phrases/),
 * compiled to regular expressions. It lives apart from both so that the dispatch and actions
 * bundles, which render drafts, never pull in understanding code.
 *
 * Syntax (matched on whole words, regardless of case: the compiled patterns are case-sensitive
 * and lower-case, and run on text passed through `foldCase`; a case-insensitive Unicode
 * alternation of hundreds of phrases costs V8 about three times as much to compile on its first
 * use, which every Lambda cold start pays):
 * - words separated by spaces match any run of whitespace, line breaks included;
 * - an apostrophe matches both ' and ’;
 * - `*` matches a gap of up to four words inside the same sentence;
 * - `{a|b c}` matches one of the alternatives (each may hold several words); an alternative
 *   ending in a space is followed by whitespace, and an empty alternative makes the group
 *   optional: `{be |}moving` matches "moving" and "be moving";
 * - a trailing `~` on a word lets the word continue ("regret~" matches "regrets", "regretfully").
 */
/** Most words a `*` gap spans. */
const GAP_MAX_WORDS = 4;
/** Most letters a `~` continuation adds. */
const CONTINUATION_MAX_LETTERS = 12;

const WORD_GAP = `(?:[^\\s.!?]{1,40}\\s+){0,${GAP_MAX_WORDS}}`;

/** The characters of a phrase that a regular expression reads as syntax. */
const SPECIAL_CHARACTERS = '.*+?^${}()|[\\]\\\\';
/** Apostrophes: each is matched as both ' and ’. */
const APOSTROPHES = "'’";
const SPECIAL_CHARACTER = new RegExp(`[${SPECIAL_CHARACTERS}]`, 'g');
const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'g');
/** A character that needs escaping, or an apostrophe: most words hold none. */
const NEEDS_ESCAPING = new RegExp(`[${SPECIAL_CHARACTERS}${APOSTROPHES}]`);
const WHITESPACE = /\s/;
const WHITESPACE_RUN = /\s+/;
const LEADING_WHITESPACE = /^\s/;
const TRAILING_WHITESPACE = /\s$/;

function escapeLiteral(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(SPECIAL_CHARACTER, '\\$&').replace(APOSTROPHE, `[${APOSTROPHES}]`);
}

function compileWord(word: string): string {
  if (word.endsWith('~')) return `${escapeLiteral(word.slice(0, -1))}\\p{L}{0,${CONTINUATION_MAX_LETTERS}}`;
  return escapeLiteral(word);
}

/** A token of a phrase without nested groups: characters other than spaces, and whole `{...}` groups (an unclosed one runs to the end). */
const TOKEN = /(?:\{[^}]*(?:\}|$)|[^\s{])+/g;
/** A group opened inside another one ("{a {b} c}"): such phrases are split character by character. */
const NESTED_GROUP = /\{[^}]*\{/;

/** Splits at spaces that are not inside `{...}`. */
function splitTokens(phrase: string): string[] {
  const trimmed = phrase.trim();
  // Without a group every space splits (most phrases, and most alternatives inside groups).
  if (!trimmed.includes('{')) return trimmed === '' ? [] : trimmed.split(WHITESPACE_RUN);
  if (!NESTED_GROUP.test(trimmed)) return trimmed.match(TOKEN) ?? [];
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of trimmed) {
    if (char === '{') depth += 1;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (WHITESPACE.test(char) && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/**
 * Compiles the phrases of one list, remembering the source of each token: the lists repeat their
 * words and groups ("{candidate|candidates|applicant|applicants}") from phrase to phrase, and the
 * sources are generated at every cold start, so each distinct token is compiled once per list.
 */
class PhraseCompiler {
  private readonly tokenSources = new Map<string, string>();

  compileSequence(phrase: string): string {
    const tokens = splitTokens(phrase);
    let out = '';
    tokens.forEach((token, position) => {
      if (token === '*') {
        out += WORD_GAP;
        return;
      }
      out += this.compileToken(token);
      if (position < tokens.length - 1) out += '\\s+';
    });
    return out;
  }

  private compileToken(token: string): string {
    let source = this.tokenSources.get(token);
    if (source === undefined) {
      source = this.compileTokenAnew(token);
      this.tokenSources.set(token, source);
    }
    return source;
  }

  private compileTokenAnew(token: string): string {
    if (!token.includes('{')) return compileWord(token);
    let out = '';
    let index = 0;
    while (index < token.length) {
      const open = token.indexOf('{', index);
      if (open < 0) {
        out += compileWord(token.slice(index));
        break;
      }
      if (open > index) out += escapeLiteral(token.slice(index, open));
      const close = token.indexOf('}', open);
      const inner = close < 0 ? token.slice(open + 1) : token.slice(open + 1, close);
      out += `(?:${inner.split('|').map((alternative) => this.compileAlternative(alternative)).join('|')})`;
      index = close < 0 ? token.length : close + 1;
    }
    return out;
  }

  /** An alternative inside `{...}`; a leading or trailing space becomes whitespace, an empty one makes the group optional. */
  private compileAlternative(alternative: string): string {
    if (alternative.trim() === '') return '';
    const lead = LEADING_WHITESPACE.test(alternative) ? '\\s+' : '';
    const trail = TRAILING_WHITESPACE.test(alternative) ? '\\s+' : '';
    return `${lead}${this.compileSequence(alternative)}${trail}`;
  }
}

/**
 * Lower-cases text character by character, keeping its length (a character whose lower case is
 * longer, like "İ", stays as it is), so that offsets in the folded text are offsets in the
 * original. Compiled phrase patterns run on folded text.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (char) => {
    const folded = char.toLowerCase();
    return folded.length === char.length ? folded : char;
  }).join('');
}

/**
 * Compiles a list of phrases into one global Unicode RegExp on whole words. It matches text
 * passed through {@link foldCase} (the phrases are lower-cased here), not raw text.
 */
export function compilePhrases(phrases: readonly string[]): RegExp {
  if (phrases.length === 0) return /(?!)/gu;
  const compiler = new PhraseCompiler();
  const body = phrases.map((phrase) => compiler.compileSequence(phrase.toLowerCase())).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'gu');
}
