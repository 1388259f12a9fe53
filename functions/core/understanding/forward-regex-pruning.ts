/**
 * Makes email-forward-parser cheaper without changing a single result. For every body it reads,
 * the parser runs each of its ~300 client/language regular expressions over the whole text
 * (separators, then Subject/Cc/To/Reply-To/Date/From lines in ~20 languages), although a given
 * mail holds the words of one or two of them. Almost every one of those expressions requires a
 * fixed piece of text ("Begin forwarded message", "Betreff", "Von"): an expression whose required
 * text does not occur in the body cannot match it. So, before each read, the lists are cut down to
 * the expressions whose required text occurs (one substring search each, far cheaper than running
 * the expression), and the parser runs only those.
 *
 * Why the results stay identical: the parser combines a list's results in one of three ways
 * (utils.js `loopRegexes`): the earliest match over all expressions ("match" and "split"), or the
 * first expression that shortens the text ("replace"). An expression that cannot match contributes
 * nothing to either, except that "replace" over a list where nothing matches returns the text
 * from the last expression tried; so every list keeps at least one expression. The text the
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

/** A compiled expression as email-forward-parser holds it (RegExp, or RE2 with the same fields). */
interface ParserRegex {
  source: string;
  flags: string;
}

type RegexMap = Record<string, ParserRegex | ParserRegex[]>;

/** The list keys that are only run on a subject or a mailbox line, never on the body: left as they are. */
const UNPRUNED_KEYS = new Set(['subject', 'mailbox', 'mailbox_address']);
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
}

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
  const runs: Array<{ text: string; start: number }> = [];
  let run = '';
  let runStart = 0;
  const flush = (): void => {
    if (run.length >= MIN_LITERAL_CHARS) runs.push({ text: run, start: runStart });
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
    if (literal === null || OPTIONAL_QUANTIFIERS.has(next)) {
      flush();
    } else {
      if (run === '') runStart = index;
      run += literal;
      if (next === '+') flush();
    }
    index += width;
  }
  flush();
  const first = runs[0];
  if (!first) return null;
  // A run at the line start is checked on line heads only (cheaper than a search of the whole text).
  if (LINE_START_PREFIX.test(source.slice(0, first.start))) return { text: first.text, atLineStart: true };
  const longest = runs.reduce((best, candidate) => (candidate.text.length > best.text.length ? candidate : best));
  return { text: longest.text, atLineStart: false };
}

/** One distinct text check: does `text` occur (at a line head, or anywhere) in the body? */
interface LiteralCheck {
  text: string;
  caseInsensitive: boolean;
  atLineStart: boolean;
}

interface PrunableEntry {
  regex: ParserRegex;
  /** The `<key>_line` twin (same pattern wrapped in a group), when the parser has one. */
  lineRegex: ParserRegex | null;
  /** Index of its check in the pruner's check table, or -1 when it is always kept. */
  check: number;
}

/** Prepared lists of one parser instance, and the text checks that prune them. */
export interface RegexPruner {
  /** The parser's lists cut down to what can match `cleanBody` (each list worked out on first use). */
  prune(cleanBody: string): RegexMap;
}

/** Line terminators of a multiline `^` in JavaScript. */
const LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
/** What a line-start literal may follow on its line (whitespace, ">", "*", "-" and "_"), stripped from line heads and literals. */
const LINE_HEAD_FILL = /^[\s>*_-]+/;
const UNKNOWN = 0;
const PRESENT = 1;
const ABSENT = 2;

/** The heads of a text's lines (leading whitespace, ">" and "*" removed), grouped by first character. */
function readLineHeads(text: string): Map<string, string[]> {
  const heads = new Map<string, string[]>();
  for (const line of text.split(LINE_TERMINATORS)) {
    const head = line.replace(LINE_HEAD_FILL, '');
    const first = head[0];
    if (first === undefined) continue;
    const bucket = heads.get(first);
    if (bucket) bucket.push(head);
    else heads.set(first, [head]);
  }
  return heads;
}

function occursAtLineHead(heads: Map<string, string[]>, text: string): boolean {
  const bucket = heads.get(text[0]!);
  if (!bucket) return false;
  for (const head of bucket) if (head.startsWith(text)) return true;
  return false;
}

/** The text checks on one body, each worked out once, and the lists pruned with them. */
class PrunedLists {
  private upper: string | null = null;
  private heads: Map<string, string[]> | null = null;
  private upperHeads: Map<string, string[]> | null = null;
  private readonly answers: Uint8Array;
  private readonly kept = new Map<string, PrunableEntry[]>();
  private readonly regexLists = new Map<string, ParserRegex[]>();

  constructor(
    private readonly body: string,
    private readonly checks: readonly LiteralCheck[],
    private readonly lists: ReadonlyMap<string, readonly PrunableEntry[]>,
  ) {
    this.answers = new Uint8Array(checks.length);
  }

  private passes(index: number): boolean {
    if (index < 0) return true;
    let answer = this.answers[index]!;
    if (answer === UNKNOWN) {
      const check = this.checks[index]!;
      let found: boolean;
      if (check.atLineStart) {
        const heads = check.caseInsensitive
          ? (this.upperHeads ??= readLineHeads((this.upper ??= this.body.toUpperCase())))
          : (this.heads ??= readLineHeads(this.body));
        found = occursAtLineHead(heads, check.text);
      } else {
        found = (check.caseInsensitive ? (this.upper ??= this.body.toUpperCase()) : this.body).includes(check.text);
      }
      answer = found ? PRESENT : ABSENT;
      this.answers[index] = answer;
    }
    return answer === PRESENT;
  }

  /** The expressions of a list (or of its `_line` twin) that may match. */
  keptRegexes(key: string, line: boolean): ParserRegex[] {
    const cacheKey = line ? `${key}_line` : key;
    let regexes = this.regexLists.get(cacheKey);
    if (!regexes) {
      regexes = this.keptEntries(key).map((entry) => (line ? entry.lineRegex! : entry.regex));
      this.regexLists.set(cacheKey, regexes);
    }
    return regexes;
  }

  /** The entries of a list that may match, never none (see the module comment on "replace"). */
  private keptEntries(key: string): PrunableEntry[] {
    let kept = this.kept.get(key);
    if (!kept) {
      const entries = this.lists.get(key)!;
      kept = [];
      for (const entry of entries) if (this.passes(entry.check)) kept.push(entry);
      if (kept.length === 0) kept.push(entries[entries.length - 1]!);
      this.kept.set(key, kept);
    }
    return kept;
  }
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
    // The heads have the fill stripped, so a line-start literal is looked for without its own leading fill.
    const headText = literal.atLineStart ? literal.text.replace(LINE_HEAD_FILL, '') : '';
    const atLineStart = headText.length >= MIN_LITERAL_CHARS;
    const wanted = atLineStart ? headText : literal.text;
    const text = caseInsensitive ? wanted.toUpperCase() : wanted;
    const key = `${caseInsensitive}:${atLineStart}:${text}`;
    let index = checkIndex.get(key);
    if (index === undefined) {
      index = checks.push({ text, caseInsensitive, atLineStart }) - 1;
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

  // One prototype holds the lists that are never pruned and a getter per pruned list: the parser
  // reads a list through its getter, which prunes it on first use (many, like the lax Yahoo lists,
  // are never read).
  const prototype: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) prototype[key] = value;
  for (const [key, entries] of lists) {
    Object.defineProperty(prototype, key, {
      get(this: { lists: PrunedLists }) {
        return this.lists.keptRegexes(key, false);
      },
    });
    if (entries[0]!.lineRegex) {
      Object.defineProperty(prototype, `${key}_line`, {
        get(this: { lists: PrunedLists }) {
          return this.lists.keptRegexes(key, true);
        },
      });
    }
  }

  return {
    prune(cleanBody: string): RegexMap {
      const pruned = Object.create(prototype) as { lists: PrunedLists };
      pruned.lists = new PrunedLists(cleanBody, checks, lists);
      return pruned as unknown as RegexMap;
    },
  };
}
