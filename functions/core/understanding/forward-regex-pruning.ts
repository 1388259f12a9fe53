/**
 * Makes email-forward-parser cheaper without changing a single result. For every body it reads,
 * the parser runs each of its ~300 client/language regular expressions over the whole text
 * (separators, then Subject/Cc/To/Reply-To/Date/From lines in ~20 languages), although a given
 * mail holds the words of one or two of them. Almost every one of those expressions requires a
 * fixed piece of text ("Begin forwarded message", "Betreff", "Von"): an expression whose required
 * text does not occur in the body cannot match it. So, before each read, the lists are cut down to
 * the expressions whose required text occurs, and the parser runs only those. All the required texts
 * are looked for in one pass over the body's line heads and one search for the rest (far cheaper
 * than running the expressions), and the lists cut for one set of answers are remembered: mail
 * written by the same client in the same language gets the same lists.
 *
 * Why the results stay identical: the parser combines a list's results in one of three ways
 * (utils.js `loopRegexes`): the earliest match over all expressions ("match" and "split"), or the
 * first expression that shortens the text ("replace"). An expression that cannot match contributes
 * nothing to either, except that "replace" over a list where nothing matches returns the text
 * from the last expression tried (the text unchanged), and over an empty list an empty text; so a
 * list none of whose expressions can match becomes one expression that never matches and fails
 * at once ({@link NEVER_MATCHES}): the same results in all three ways, without running an
 * expression over the whole text to learn it does not match. The text the
 * expressions run on is the body after the parser's own clean-up (CR LF -> LF, byte-order marks
 * removed, no-break spaces -> spaces) and, for the original's header lines, a suffix of it with
 * quote marks and indents removed at line starts: none of that can create a required piece of text
 * (which never holds a line break), so checking the cleaned body is enough. Case-insensitive
 * expressions are checked on upper-cased text (the engine compares characters by their upper case).
 *
 * The required text of an expression is read from its source by {@link readRequiredLiteral}: the
 * longest run of plain characters that every match must contain (outside character classes and
 * optional parts). An expression for which no such run is found is always kept.
 */
import { escapeRegExp } from '../text/escape-reg-exp.js';

/** A compiled expression as email-forward-parser holds it (RegExp, or RE2 with the same fields). */
interface ParserRegex {
  source: string;
  flags: string;
}

type RegexMap = Record<string, ParserRegex | ParserRegex[]>;

/**
 * The list keys left as they are: the subject's (run on the subject, not the body) and the
 * address check (it has no required text). The mailbox list is pruned like the others: it runs on
 * a header value the parser cut out of the body, shortened only from its start, so text that does
 * not occur in the body does not occur there either.
 */
const UNPRUNED_KEYS = new Set(['subject', 'mailbox_address']);
/** A required run shorter than this is not worth a check (it occurs in nearly every text). */
const MIN_LITERAL_CHARS = 2;
/** Characters that have a meaning in a pattern outside a character class. */
const PATTERN_SYNTAX = '^$.?*+{}|()[]\\';
/** Characters that make the element before them optional or repeatable zero times. */
const OPTIONAL_QUANTIFIERS = new Set(['?', '*', '{']);
const ALPHANUMERIC = /[A-Za-z0-9]/;

/** Index just past the `]` closing a character class that opens at `start`. */
function skipCharacterClass(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** Index just past the `}` closing a `{n,m}` quantifier that opens at `start`. */
function skipBraces(source: string, start: number): number {
  const close = source.indexOf('}', start);
  return close === -1 ? source.length : close + 1;
}

/** The group opening at `start`: the index of its closing `)` (source length when unclosed), and whether it holds a `|`. */
interface GroupScan {
  end: number;
  closed: boolean;
  hasAlternation: boolean;
}

/** Scans the group opening at `start` once (character classes and escapes skipped). */
function scanGroup(source: string, start: number): GroupScan {
  let depth = 0;
  let index = start;
  let hasAlternation = false;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '[') {
      index = skipCharacterClass(source, index);
      continue;
    }
    if (char === '(') depth += 1;
    if (char === '|') hasAlternation = true;
    if (char === ')' && --depth === 0) return { end: index, closed: true, hasAlternation };
    index += 1;
  }
  return { end: source.length, closed: false, hasAlternation };
}

/** True when a group may match nothing required: unclosed, holding `|`, or followed by an optional quantifier. */
function isGroupOptional(source: string, group: GroupScan): boolean {
  return !group.closed || group.hasAlternation || OPTIONAL_QUANTIFIERS.has(source[group.end + 1] ?? '');
}

/** The fixed text a pattern requires. */
export interface RequiredLiteral {
  text: string;
  /**
   * The pattern puts it at a line start, after at most whitespace, ">", "*" and runs of "-" or "_"
   * (`^>?\s*Begin forwarded message`, `^(\*?\s*From\s?:`, `^\s*-{8,10}\s*Forwarded message`):
   * then it can only occur at the head of a line, once those are stripped.
   */
  atLineStart: boolean;
  /**
   * A line-start literal the pattern follows with a colon, after at most optional whitespace
   * (`^\*?\s*From\s?:`): then the colon must follow it on the line head too, once whitespace and
   * quote marks are skipped ("From:" is a header line, "Fromage" and "Dear" are not "From" and "De").
   */
  thenColon: boolean;
}

/** What may follow a literal to make a colon required after it: optional whitespace, then a colon that is not optional. */
const COLON_AFTER_LITERAL = /^(?:\\s[?*])?:(?![?*{])/;

/** The least count of a `{n}` / `{n,}` / `{n,m}` quantifier. */
const REPEAT_COUNT = /^\{(\d+)(?:,\d*)?\}/;
/** A repeated character is looked for as a run of at most this many. */
const MAX_REPEATED_LITERAL_CHARS = 64;

/** What may stand between `^` and a literal that is still at the head of its line. */
const LINE_START_PREFIX = /^\^(?:\(|\\s[?*]?|>\?|\\\*\?|[-_]\{\d+(?:,\d+)?\})*$/;

/**
 * A run of plain characters every match of the pattern contains (the first run when it stands at
 * the line start, else the longest), or null. Groups that
 * are not optional and hold no alternation are read through; optional groups, classes, escapes
 * like `\s` and characters followed by `?`, `*` or `{` break a run. A pattern with `|` outside a
 * group or class has no required run.
 */
export function readRequiredLiteral(source: string): RequiredLiteral | null {
  const runs: Array<{ text: string; start: number; end: number }> = [];
  /** The first run of any length: a single letter at the line start, then a colon (`^\s*A\s?:`), is a check too. */
  let firstRun: { text: string; start: number; end: number } | null = null;
  /** Characters the pattern repeats a fixed least number of times (`_{32}`), as text. */
  const repeated: string[] = [];
  let run = '';
  let runStart = 0;
  let runEnd = 0;
  const flush = (): void => {
    if (run.length > 0 && !firstRun) firstRun = { text: run, start: runStart, end: runEnd };
    if (run.length >= MIN_LITERAL_CHARS) runs.push({ text: run, start: runStart, end: runEnd });
    run = '';
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '|') return null;
    if (char === '[') {
      flush();
      index = skipCharacterClass(source, index);
      continue;
    }
    if (char === '{') {
      flush();
      index = skipBraces(source, index);
      continue;
    }
    if (char === '(') {
      flush();
      const group = scanGroup(source, index);
      if (isGroupOptional(source, group)) {
        index = group.end + 1;
        continue;
      }
      // A group that must match: read its content in place, past "?:" or "?<name>".
      index += 1;
      if (source[index] === '?') {
        if (source[index + 1] === ':') index += 2;
        else if (source[index + 1] === '<' && source[index + 2] !== '=' && source[index + 2] !== '!') index = source.indexOf('>', index) + 1;
        else {
          index = group.end + 1; // lookaround: requires nothing
          continue;
        }
      }
      continue;
    }
    let literal: string | null = null;
    let width = 1;
    if (char === '\\') {
      const escaped = source[index + 1];
      if (escaped !== undefined && !ALPHANUMERIC.test(escaped)) literal = escaped;
      width = 2;
    } else if (!PATTERN_SYNTAX.includes(char)) {
      literal = char;
    }
    const next = source[index + width] ?? '';
    if (literal !== null && next === '{') {
      const least = Number(REPEAT_COUNT.exec(source.slice(index + width))?.[1] ?? 0);
      if (least >= MIN_LITERAL_CHARS) repeated.push(literal.repeat(Math.min(least, MAX_REPEATED_LITERAL_CHARS)));
    }
    if (literal === null || OPTIONAL_QUANTIFIERS.has(next)) {
      flush();
    } else {
      if (run === '') runStart = index;
      run += literal;
      runEnd = index + width;
      if (next === '+') flush();
    }
    index += width;
  }
  flush();
  const first = runs[0];
  if (!first) {
    const single = firstRun as { text: string; start: number; end: number } | null;
    const colonHead = single && LINE_START_PREFIX.test(source.slice(0, single.start)) && COLON_AFTER_LITERAL.test(source.slice(single.end));
    if (colonHead) return { text: single.text, atLineStart: true, thenColon: true };
    // Else a repeated character (Outlook's `^\s*_{32}\s*$`): its run, anywhere in the text.
    const longestRepeat = repeated.reduce<string | null>((best, text) => (text.length > (best?.length ?? 0) ? text : best), null);
    return longestRepeat ? { text: longestRepeat, atLineStart: false, thenColon: false } : null;
  }
  // A run at the line start is checked on line heads only (cheaper than a search of the whole text).
  if (LINE_START_PREFIX.test(source.slice(0, first.start))) {
    return { text: first.text, atLineStart: true, thenColon: COLON_AFTER_LITERAL.test(source.slice(first.end)) };
  }
  const longest = runs.reduce((best, candidate) => (candidate.text.length > best.text.length ? candidate : best));
  return { text: longest.text, atLineStart: false, thenColon: false };
}

/** One distinct text check: does `text` occur (at a line head, or anywhere) in the body? */
interface LiteralCheck {
  text: string;
  caseInsensitive: boolean;
  atLineStart: boolean;
  /** At a line head, a colon must follow (after whitespace and quote marks). */
  thenColon: boolean;
}

interface PrunableEntry {
  regex: ParserRegex;
  /** The `<key>_line` twin (same pattern wrapped in a group), when the parser has one. */
  lineRegex: ParserRegex | null;
  /** Index of its check in the pruner's check table, or -1 when it is always kept. */
  check: number;
}

/**
 * Stands for a list none of whose expressions can match the body: anchored at the start of the
 * text and failing there, so the engine gives up at once ("match" and "split" find nothing,
 * "replace" leaves the text as it is, as the list's own expressions would).
 */
const NEVER_MATCHES: ParserRegex = /^(?!)/;

/** Prepared lists of one parser instance, and the text checks that prune them. */
export interface RegexPruner {
  /** The parser's lists cut down to what can match `cleanBody`. */
  prune(cleanBody: string): RegexMap;
}

/** What a line-start literal may follow on its line (whitespace, ">", "*", "-" and "_"), stripped from literals. */
const LINE_HEAD_FILL = /^[\s>*_-]+/;
/** One character of that fill (JavaScript's `\s` holds the line terminators too). */
const HEAD_FILL_CHAR = /[\s>*_-]/;
/** Line terminators of a multiline `^` in JavaScript. */
const LINE_TERMINATOR_CHAR = /[\n\r\u2028\u2029]/;
/** Characters below this code are looked up in tables built once; the rare others are tested with the patterns. */
const TABLE_CHAR_CODES = 128;
/** Multiplier that packs two UTF-16 code units into one number (a map key for a line head's first two characters). */
const CODE_UNIT_RANGE = 0x10000;
/**
 * Distinct check answers remembered: mail from the same client in the same language gives the same answers,
 * so its pruned lists are built once. The memory is emptied when it is full.
 */
const MAX_REMEMBERED_PRUNINGS = 128;

function tableOf(pattern: RegExp): Uint8Array {
  const table = new Uint8Array(TABLE_CHAR_CODES);
  for (let code = 0; code < TABLE_CHAR_CODES; code++) table[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}

const ASCII_HEAD_FILL = tableOf(HEAD_FILL_CHAR);

function isHeadFill(code: number): boolean {
  return code < TABLE_CHAR_CODES ? ASCII_HEAD_FILL[code] === 1 : HEAD_FILL_CHAR.test(String.fromCharCode(code));
}

/** The key of the first two characters of `text` at `index` (NaN when fewer than two remain). */
function pairKey(text: string, index: number): number {
  return text.charCodeAt(index) * CODE_UNIT_RANGE + text.charCodeAt(index + 1);
}

/** One line-start check: the text a line must start with, whether a colon must follow it, and the check's index. */
interface LineStartCandidate {
  text: string;
  thenColon: boolean;
  check: number;
}
/** Line-start checks of one kind, by the first two characters of their text (`pairs`), or by their one character (`singles`). */
interface LineStartTable {
  pairs: Map<number, LineStartCandidate[]>;
  singles: Map<number, LineStartCandidate[]>;
}

function markCandidates(text: string, index: number, candidates: LineStartCandidate[] | undefined, present: Uint8Array, found: number[]): void {
  if (!candidates) return;
  for (const candidate of candidates) {
    if (present[candidate.check] === 0 && text.startsWith(candidate.text, index) && (!candidate.thenColon || isColonNext(text, index + candidate.text.length))) {
      present[candidate.check] = 1;
      found.push(candidate.check);
    }
  }
}

const COLON = ':'.charCodeAt(0);

/**
 * True when a colon comes at `index` after whitespace and quote marks (skipped generously: the
 * parser removes quote marks and indents at line starts before it reads header lines, which can
 * bring a colon on a later line next to a label).
 */
function isColonNext(text: string, index: number): boolean {
  let position = index;
  while (position < text.length && isHeadFill(text.charCodeAt(position))) position++;
  return text.charCodeAt(position) === COLON;
}

/** The next line terminator at or after an index (a global pattern, so the search runs in the engine). */
const NEXT_LINE_TERMINATOR = new RegExp(LINE_TERMINATOR_CHAR.source, 'g');
/** Line terminators other than LF: most bodies have none (the forward parser's clean-up turns CR LF into LF). */
const OTHER_LINE_TERMINATOR = /[\r\u2028\u2029]/;

/** Index just past the line terminator at or after `index`, or -1 when there is none. */
function findNextLineStart(text: string, index: number, onlyLineFeeds: boolean): number {
  if (onlyLineFeeds) {
    const lineFeed = text.indexOf('\n', index);
    return lineFeed === -1 ? -1 : lineFeed + 1;
  }
  NEXT_LINE_TERMINATOR.lastIndex = index;
  return NEXT_LINE_TERMINATOR.exec(text) ? NEXT_LINE_TERMINATOR.lastIndex : -1;
}

/**
 * Marks the line-start checks whose text begins a line head of `text`: a line with its leading
 * whitespace, ">", "*", "-" and "_" removed. A run of fill that crosses a line end only skips lines
 * that hold nothing but fill, so the heads found are those of every line. `onlyLineFeeds`: the
 * text holds no line terminator but LF (then lines are found with a plain search).
 */
function markLineStarts(text: string, table: LineStartTable, present: Uint8Array, found: number[], onlyLineFeeds: boolean): void {
  if (table.pairs.size === 0 && table.singles.size === 0) return;
  let index = 0;
  while (index < text.length) {
    while (index < text.length && isHeadFill(text.charCodeAt(index))) index++;
    if (index >= text.length) return;
    markCandidates(text, index, table.pairs.get(pairKey(text, index)), present, found);
    if (table.singles.size > 0) markCandidates(text, index, table.singles.get(text.charCodeAt(index)), present, found);
    index = findNextLineStart(text, index, onlyLineFeeds);
    if (index === -1) return;
  }
}

/** Checks of one kind that look anywhere in the text: one alternation of their texts, longest first. */
interface AnywhereTable {
  pattern: RegExp;
  /** Per text: its check and the checks of every other text it begins with (they occur where it occurs). */
  implied: Map<string, number[]>;
}

/**
 * Marks the anywhere-checks whose text occurs in `text`. The alternation finds, at each position,
 * the longest text that starts there; the shorter ones starting there are its prefixes, marked with it.
 */
function markAnywhere(text: string, table: AnywhereTable | null, present: Uint8Array, found: number[]): void {
  if (!table) return;
  const { pattern, implied } = table;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    for (const check of implied.get(match[0])!) {
      if (present[check] === 0) {
        present[check] = 1;
        found.push(check);
      }
    }
    pattern.lastIndex = match.index + 1;
  }
}

function buildAnywhereTable(checks: readonly LiteralCheck[], caseInsensitive: boolean): AnywhereTable | null {
  const texts = new Map<string, number[]>();
  checks.forEach((check, index) => {
    if (check.atLineStart || check.caseInsensitive !== caseInsensitive) return;
    texts.set(check.text, [...(texts.get(check.text) ?? []), index]);
  });
  if (texts.size === 0) return null;
  const ordered = [...texts.keys()].sort((a, b) => b.length - a.length);
  const implied = new Map<string, number[]>();
  for (const text of ordered) {
    implied.set(text, ordered.filter((other) => text.startsWith(other)).flatMap((other) => texts.get(other)!));
  }
  return { pattern: new RegExp(ordered.map(escapeRegExp).join('|'), 'g'), implied };
}

function buildLineStartTable(checks: readonly LiteralCheck[], caseInsensitive: boolean): LineStartTable {
  const table: LineStartTable = { pairs: new Map(), singles: new Map() };
  checks.forEach((check, index) => {
    if (!check.atLineStart || check.caseInsensitive !== caseInsensitive) return;
    const single = check.text.length < MIN_LITERAL_CHARS;
    const map = single ? table.singles : table.pairs;
    const key = single ? check.text.charCodeAt(0) : pairKey(check.text, 0);
    const candidate = { text: check.text, thenColon: check.thenColon, check: index };
    const bucket = map.get(key);
    if (bucket) bucket.push(candidate);
    else map.set(key, [candidate]);
  });
  return table;
}

/** The clean-up email-forward-parser applies to a body before running its expressions (parser.js parseBody). */
export function cleanLikeForwardParser(body: string): string {
  if (!/[\r\uFEFF\u00A0]/.test(body)) return body;
  return body.replace(/\r\n/g, '\n').replace(/\uFEFF/g, '').replace(/\u00A0$/gm, '').replace(/\u00A0/g, ' ');
}

function isRegexList(value: unknown): value is ParserRegex[] {
  return Array.isArray(value) && value.every((item) => typeof item?.source === 'string' && typeof item?.flags === 'string');
}

/**
 * Prepares the pruning of a parser's expression lists (`parser.regexes` of email-forward-parser's
 * inner Parser). Returns null when the lists do not have the expected shape (another version of
 * the library): the caller then runs the parser unpruned.
 */
export function preparePruner(regexes: unknown): RegexPruner | null {
  if (!regexes || typeof regexes !== 'object') return null;
  const map = regexes as RegexMap;
  const lists = new Map<string, PrunableEntry[]>();
  const checks: LiteralCheck[] = [];
  const checkIndex = new Map<string, number>();
  const indexCheck = (regex: ParserRegex): number => {
    const literal = readRequiredLiteral(regex.source);
    if (!literal) return -1;
    const caseInsensitive = regex.flags.includes('i');
    // Line heads have the fill stripped, so a line-start literal is looked for without its own leading fill.
    const headText = literal.atLineStart ? literal.text.replace(LINE_HEAD_FILL, '') : '';
    // A single character is enough at a line head when a colon must follow it ("A :", "À:").
    const atLineStart = headText.length >= MIN_LITERAL_CHARS || (literal.thenColon && headText.length > 0);
    const wanted = atLineStart ? headText : literal.text;
    const text = caseInsensitive ? wanted.toUpperCase() : wanted;
    const thenColon = atLineStart && literal.thenColon;
    const key = `${caseInsensitive}:${atLineStart}:${thenColon}:${text}`;
    let index = checkIndex.get(key);
    if (index === undefined) {
      index = checks.push({ text, caseInsensitive, atLineStart, thenColon }) - 1;
      checkIndex.set(key, index);
    }
    return index;
  };
  for (const [key, value] of Object.entries(map)) {
    if (key.endsWith('_line') || UNPRUNED_KEYS.has(key) || !Array.isArray(value)) continue;
    if (!isRegexList(value)) return null;
    const lineList = map[`${key}_line`];
    if (lineList !== undefined && (!isRegexList(lineList) || lineList.length !== value.length)) return null;
    lists.set(key, value.map((regex, index) => ({ regex, lineRegex: lineList ? (lineList as ParserRegex[])[index]! : null, check: indexCheck(regex) })));
  }
  if (!lists.has('separator') || !lists.has('original_from')) return null;

  const caseSensitiveHeads = buildLineStartTable(checks, false);
  const caseInsensitiveHeads = buildLineStartTable(checks, true);
  const caseSensitiveAnywhere = buildAnywhereTable(checks, false);
  const caseInsensitiveAnywhere = buildAnywhereTable(checks, true);
  const remembered = new Map<string, RegexMap>();
  /** Which checks passed for the body being pruned: one table reused (cleared after each body), not one per body. */
  const present = new Uint8Array(checks.length);

  /** The parser's lists with only the entries whose check passed (never none: see the module comment on "replace"). */
  const buildPruned = (): RegexMap => {
    const pruned: RegexMap = { ...map };
    for (const [key, entries] of lists) {
      const kept = entries.filter((entry) => entry.check < 0 || present[entry.check] === 1);
      const none = kept.length === 0;
      pruned[key] = none ? [NEVER_MATCHES] : kept.map((entry) => entry.regex);
      if (entries[0]!.lineRegex) pruned[`${key}_line`] = none ? [NEVER_MATCHES] : kept.map((entry) => entry.lineRegex!);
    }
    return pruned;
  };

  return {
    prune(cleanBody: string): RegexMap {
      const found: number[] = [];
      try {
        const upper = cleanBody.toUpperCase();
        // Upper-casing never makes a line terminator, so one look serves both texts.
        const onlyLineFeeds = !OTHER_LINE_TERMINATOR.test(cleanBody);
        markLineStarts(cleanBody, caseSensitiveHeads, present, found, onlyLineFeeds);
        markLineStarts(upper, caseInsensitiveHeads, present, found, onlyLineFeeds);
        markAnywhere(cleanBody, caseSensitiveAnywhere, present, found);
        markAnywhere(upper, caseInsensitiveAnywhere, present, found);
        // A typed array sorts numbers as numbers without a comparison callback.
        const signature = Int32Array.from(found).sort().join(',');
        let pruned = remembered.get(signature);
        if (!pruned) {
          if (remembered.size >= MAX_REMEMBERED_PRUNINGS) remembered.clear();
          pruned = buildPruned();
          remembered.set(signature, pruned);
        }
        return pruned;
      } finally {
        for (const check of found) present[check] = 0;
      }
    },
  };
}
