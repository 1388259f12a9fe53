/**
 * Turns an inbound HTML body into plain text that a forward parser and the field extraction
 * can read. Inbound HTML is hostile: it is capped in size and nesting before conversion, and
 * it is never rendered. Outlook and Gmail write their forward headers in HTML (bold labels,
 * `<br>`, tables, mailto links); the rules here keep those as "From: Name <address>" lines.
 *
 * htmlparser2 reads the HTML into a tree (entities decoded); a small walker lays the tree out as
 * lines. The layout is the one html-to-text 10 gives with the options this project used before
 * (no word wrap; blocks for div/p/table/tr/headings/hr; cells inline; " - " list items; images,
 * head and title skipped; mailto links keep their address): the same text, made without
 * html-to-text's selector matching and general-purpose builders, which cost several times the
 * parsing. test/unit/understanding/html-to-plain-text.test.ts checks the two give the same text.
 */
import { DomHandler, Parser } from 'htmlparser2';

/** HTML longer than this (characters) is cut before conversion: no real mail body is near it. */
export const MAX_HTML_CHARS = 1_000_000;
/** Elements nested deeper than this are not read. Real mail (Outlook tables in tables) stays far below. */
export const MAX_HTML_DEPTH = 256;
/**
 * The parse stops when the tree it builds gets deeper than this, and the HTML is not read. The
 * tree can be far deeper than the tags counted by measureHtmlDepth (HTML ignores the "/>" of
 * `<div/>`, and closes a <p> or <li> only in some places), and htmlparser2 looks through its
 * whole stack of open elements at every tag: without this cap, 900 KB of `<div/>` took
 * seconds. Above MAX_HTML_DEPTH, so that text is still read down to that depth as html-to-text
 * read it.
 */
export const MAX_HTML_PARSE_DEPTH = 4 * MAX_HTML_DEPTH;
/** At most this many children of one element are read. */
export const MAX_HTML_CHILD_NODES = 20_000;

/** A node of htmlparser2's tree (domhandler), as far as the layout reads it. */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
  parent?: HtmlNode | null;
}

const MAILTO_PREFIX = /^mailto:/i;

/** The plain text of an element's subtree (text nodes only), bounded by depth. */
function readNodeText(node: HtmlNode, depth = 0): string {
  if (node.type === 'text') return node.data ?? '';
  if (depth > MAX_HTML_DEPTH || !node.children) return '';
  return node.children.map((child) => readNodeText(child, depth + 1)).join('');
}

/** Decodes the address part of a mailto: link (without query), or null when it is not one. */
function readMailtoAddress(href: string | undefined): string | null {
  if (!href || !MAILTO_PREFIX.test(href)) return null;
  const target = href.replace(MAILTO_PREFIX, '').split('?')[0] ?? '';
  try {
    return decodeURIComponent(target).trim() || null;
  } catch {
    return target.trim() || null;
  }
}

// ---------------------------------------------------------------------------------------------
// Lines and blocks (html-to-text's InlineTextBuilder and BlockTextBuilder, without word wrap)
// ---------------------------------------------------------------------------------------------

/** HTML whitespace: runs of it between words become one space. */
const WORD = /[^ \t\r\n\f\u200b]+/g;
const LEADING_WHITESPACE = /^[ \t\r\n\f\u200b]/;
const TRAILING_WHITESPACE = /[ \t\r\n\f\u200b]$/;
const ONLY_WHITESPACE = /^[ \t\r\n\f\u200b]*$/;

/** The words of a block's current text, as lines. */
class InlineLines {
  private readonly lines: string[] = [];
  private line = '';
  /** The last text added ended in whitespace: the next word starts a new word, not glued to the last. */
  stashedSpace = false;

  pushWord(word: string): void {
    this.line = this.line ? `${this.line} ${word}` : word;
  }

  /** Glues a word to the last word of the line. */
  concatWord(word: string): void {
    this.line += word;
  }

  /** Ends the line, and adds `count - 1` empty lines. */
  startNewLine(count = 1): void {
    this.lines.push(this.line);
    for (let index = 1; index < count; index++) this.lines.push('');
    this.line = '';
  }

  isEmpty(): boolean {
    return this.lines.length === 0 && this.line === '';
  }

  clear(): void {
    this.lines.length = 0;
    this.line = '';
  }

  toString(): string {
    return this.lines.length === 0 ? this.line : `${this.lines.join('\n')}\n${this.line}`;
  }
}

/** An open block, list or list item: its text so far and the line breaks owed around it. */
interface Block {
  next: Block | null;
  leadingLineBreaks: number;
  inline: InlineLines;
  /** Text of closed child blocks (and all text inside <pre>). */
  rawText: string;
  /** Line breaks owed before whatever comes next in this block. */
  stashedLineBreaks: number;
  isPre: boolean;
  /** For a list: the longest item prefix, and the line breaks between items. */
  maxPrefixLength: number;
  interRowLineBreaks: number;
  /** For a list item: its prefix (" - ", " 3. "). */
  prefix: string;
}

function openStackItem(next: Block | null, leadingLineBreaks: number): Block {
  return {
    next,
    leadingLineBreaks,
    inline: new InlineLines(),
    rawText: '',
    stashedLineBreaks: 0,
    isPre: next?.isPre ?? false,
    maxPrefixLength: 0,
    interRowLineBreaks: 0,
    prefix: '',
  };
}

function readBlockText(block: Block): string {
  return block.inline.isEmpty() ? block.rawText : block.rawText + block.inline.toString();
}

/** Appends a closed child's text to a block, with the line breaks owed between them. */
function appendText(block: Block, text: string, leadingLineBreaks: number, trailingLineBreaks: number): void {
  const parentText = readBlockText(block);
  const lineBreaks = Math.max(block.stashedLineBreaks, leadingLineBreaks);
  block.inline.clear();
  if (parentText) {
    block.rawText = parentText + '\n'.repeat(lineBreaks) + text;
  } else {
    block.rawText = text;
    block.leadingLineBreaks = lineBreaks;
  }
  block.stashedLineBreaks = trailingLineBreaks;
}

/** Lays text out as blocks and lines. */
class TextLayout {
  private current: Block = openStackItem(null, 1);
  private readonly root = this.current;

  /** Adds text: whitespace runs become one space, and owed line breaks come first. */
  addInline(text: string): void {
    const block = this.current;
    if (block.isPre) {
      block.rawText += text;
      return;
    }
    if (text.length === 0 || (block.stashedLineBreaks && ONLY_WHITESPACE.test(text))) return;
    if (block.stashedLineBreaks) block.inline.startNewLine(block.stashedLineBreaks);
    const inline = block.inline;
    const previouslyStashedSpace = inline.stashedSpace;
    WORD.lastIndex = 0;
    let match = WORD.exec(text);
    const anyWord = match !== null;
    if (match) {
      if (previouslyStashedSpace || LEADING_WHITESPACE.test(text)) inline.pushWord(match[0]);
      else inline.concatWord(match[0]);
      while ((match = WORD.exec(text)) !== null) inline.pushWord(match[0]);
    }
    inline.stashedSpace = (previouslyStashedSpace && !anyWord) || TRAILING_WHITESPACE.test(text);
    block.stashedLineBreaks = 0;
  }

  addLineBreak(): void {
    if (this.current.isPre) this.current.rawText += '\n';
    else this.current.inline.startNewLine();
  }

  openBlock(leadingLineBreaks: number, isPre = false): void {
    this.current = openStackItem(this.current, leadingLineBreaks);
    if (isPre) this.current.isPre = true;
  }

  closeBlock(trailingLineBreaks: number, transform?: (text: string) => string): void {
    const block = this.current;
    this.current = block.next!;
    const text = transform ? transform(readBlockText(block)) : readBlockText(block);
    appendText(this.current, text, block.leadingLineBreaks, Math.max(block.stashedLineBreaks, trailingLineBreaks));
  }

  openList(leadingLineBreaks: number, maxPrefixLength: number): void {
    this.current = openStackItem(this.current, leadingLineBreaks);
    this.current.maxPrefixLength = maxPrefixLength;
    this.current.interRowLineBreaks = LIST_ROW_LINE_BREAKS;
  }

  openListItem(prefix: string): void {
    const list = this.current;
    this.current = openStackItem(list, list.interRowLineBreaks);
    this.current.prefix = prefix;
  }

  /** Closes an item: its prefix on the first line, its other lines indented to match. */
  closeListItem(): void {
    const item = this.current;
    const list = item.next!;
    this.current = list;
    const prefixLength = Math.max(item.prefix.length, list.maxPrefixLength);
    const text = item.prefix.padEnd(prefixLength) + readBlockText(item).replace(/\n/g, `\n${' '.repeat(prefixLength)}`);
    appendText(list, text, item.leadingLineBreaks, Math.max(item.stashedLineBreaks, list.interRowLineBreaks));
  }

  closeList(trailingLineBreaks: number): void {
    const list = this.current;
    this.current = list.next!;
    const text = readBlockText(list);
    if (text) appendText(this.current, text, list.leadingLineBreaks, trailingLineBreaks);
  }

  toString(): string {
    return readBlockText(this.root);
  }
}

// ---------------------------------------------------------------------------------------------
// What each element becomes
// ---------------------------------------------------------------------------------------------

/** Line breaks between list items, and around a list inside a list item. */
const LIST_ROW_LINE_BREAKS = 1;
/** Line breaks around a top-level list. */
const LIST_LINE_BREAKS = 2;
const UNORDERED_ITEM_PREFIX = ' - ';

/** Elements laid out as blocks: line breaks owed before and after them. */
interface BlockBreaks {
  leading: number;
  trailing: number;
}
const SECTION_BREAKS: BlockBreaks = { leading: 1, trailing: 1 };
const MAJOR_HEADING_BREAKS: BlockBreaks = { leading: 3, trailing: 2 };
const SEPARATED_BREAKS: BlockBreaks = { leading: 2, trailing: 2 };
const BLOCKS: ReadonlyMap<string, BlockBreaks> = new Map<string, BlockBreaks>([
  ...['div', 'p', 'article', 'aside', 'footer', 'form', 'header', 'main', 'nav', 'section'].map((name): [string, BlockBreaks] => [name, SECTION_BREAKS]),
  ...['h1', 'h2', 'h3'].map((name): [string, BlockBreaks] => [name, MAJOR_HEADING_BREAKS]),
  ...['h4', 'h5', 'h6', 'hr', 'table', 'tr'].map((name): [string, BlockBreaks] => [name, SEPARATED_BREAKS]),
]);
/** Quoted and preformatted blocks. */
const QUOTE_LINE_BREAKS = 2;
const QUOTE_PREFIX = '> ';
const PRE_LINE_BREAKS = 2;
/** Elements whose content is not text of the message. */
const SKIPPED = new Set(['img', 'head', 'title']);
/** Where the text is taken from when the document has one (else the whole document). */
const BASE_ELEMENT = 'body';

const ROMAN_ONES = ['I', 'X', 'C', 'M'];
const ROMAN_FIVES = ['V', 'L', 'D'];
const ROMAN_FIVE = 5;
const ROMAN_FOUR = 4;
const DECIMAL = 10;
const ALPHABET_LENGTH = 26;

/** 1 -> a, 26 -> z, 27 -> aa (as html-to-text numbers `type="a"` lists). */
function toLetterSequence(value: number, firstLetter: string): string {
  const digits: number[] = [];
  let rest = value;
  do {
    rest -= 1;
    digits.push(rest % ALPHABET_LENGTH);
    rest = (rest / ALPHABET_LENGTH) >> 0;
  } while (rest > 0);
  const base = firstLetter.charCodeAt(0);
  return digits.reverse().map((digit) => String.fromCharCode(base + digit)).join('');
}

/** 4 -> IV (as html-to-text numbers `type="I"` lists). */
function toRoman(value: number): string {
  return [...String(value)]
    .map((digit) => +digit)
    .reverse()
    .map((digit, place) => (digit % ROMAN_FIVE < ROMAN_FOUR
      ? (digit < ROMAN_FIVE ? '' : ROMAN_FIVES[place]) + ROMAN_ONES[place]!.repeat(digit % ROMAN_FIVE)
      : ROMAN_ONES[place]! + (digit < ROMAN_FIVE ? ROMAN_FIVES[place] : ROMAN_ONES[place + 1])))
    .reverse()
    .join('');
}

/** Roman numerals are written for 1-3999 only (there is no digit for 5,000); other numbers in decimal. */
const MAX_ROMAN = 3_999;

/** The label of list item `index` for an `<ol type>`; letters and roman numerals only where they exist. */
function formatListIndex(index: number, type: string | undefined): string {
  if (index < 1 || (index > MAX_ROMAN && (type === 'i' || type === 'I'))) return index.toString(DECIMAL);
  switch (type) {
    case 'a': return toLetterSequence(index, 'a');
    case 'A': return toLetterSequence(index, 'A');
    case 'i': return toRoman(index).toLowerCase();
    case 'I': return toRoman(index);
    default: return index.toString(DECIMAL);
  }
}

const WHITESPACE_TEXT = /^\s*$/;

/** Walks the tree into a layout, `depthLeft` more levels deep at most. */
class TreeWalker {
  constructor(private readonly layout: TextLayout) {}

  walk(nodes: readonly HtmlNode[] | undefined, depthLeft: number): void {
    if (!nodes || depthLeft < 0) return;
    const count = Math.min(nodes.length, MAX_HTML_CHILD_NODES);
    for (let index = 0; index < count; index++) {
      const node = nodes[index]!;
      if (node.type === 'text') this.layout.addInline(node.data ?? '');
      else if (node.type === 'tag') this.formatElement(node, depthLeft - 1);
    }
  }

  private formatElement(element: HtmlNode, childDepth: number): void {
    const name = element.name ?? '';
    const block = BLOCKS.get(name);
    if (block) {
      this.layout.openBlock(block.leading);
      this.walk(element.children, childDepth);
      this.layout.closeBlock(block.trailing);
      return;
    }
    switch (name) {
      case 'br':
        this.layout.addLineBreak();
        return;
      case 'td':
      case 'th':
        // A table cell: its content followed by a space, so "From:" and its value stay on one line.
        this.walk(element.children, childDepth);
        this.layout.addInline(' ');
        return;
      case 'a':
        this.formatAnchor(element, childDepth);
        return;
      case 'ul':
        this.formatList(element, childDepth, () => UNORDERED_ITEM_PREFIX);
        return;
      case 'ol': {
        // Inbound HTML: a start that is not a whole number ("1e20", "x") counts from 1.
        const start = Number(element.attribs?.start || '1');
        let next = Number.isSafeInteger(start) ? start : 1;
        const type = element.attribs?.type;
        this.formatList(element, childDepth, () => ` ${formatListIndex(next++, type)}. `);
        return;
      }
      case 'blockquote':
        this.layout.openBlock(QUOTE_LINE_BREAKS);
        this.walk(element.children, childDepth);
        this.layout.closeBlock(QUOTE_LINE_BREAKS, quoteLines);
        return;
      case 'pre':
        this.layout.openBlock(PRE_LINE_BREAKS, true);
        this.walk(element.children, childDepth);
        this.layout.closeBlock(PRE_LINE_BREAKS);
        return;
      default:
        if (!SKIPPED.has(name)) this.walk(element.children, childDepth);
    }
  }

  /**
   * Anchors: the link text only, except a mailto link whose text does not show the address
   * ("<a href=mailto:jane@acme.com>Jane Doe</a>"): then "Jane Doe <jane@acme.com>", so the
   * address survives the conversion. Web link targets are dropped (tracking noise).
   */
  private formatAnchor(element: HtmlNode, childDepth: number): void {
    this.walk(element.children, childDepth);
    const address = readMailtoAddress(element.attribs?.href);
    if (address && !readNodeText(element).toLowerCase().includes(address.toLowerCase())) {
      this.layout.addInline(` <${address}>`);
    }
  }

  /** A list: one item per element child (and per text child that is not whitespace), prefixed. */
  private formatList(element: HtmlNode, childDepth: number, nextPrefix: () => string): void {
    const nested = element.parent?.name === 'li';
    let maxPrefixLength = 0;
    const items = (element.children ?? [])
      .filter((child) => child.type !== 'text' || !WHITESPACE_TEXT.test(child.data ?? ''))
      .map((child) => {
        if (child.name !== 'li') return { node: child, prefix: '' };
        const prefix = nested ? nextPrefix().trimStart() : nextPrefix();
        maxPrefixLength = Math.max(maxPrefixLength, prefix.length);
        return { node: child, prefix };
      });
    if (items.length === 0) return;
    this.layout.openList(nested ? LIST_ROW_LINE_BREAKS : LIST_LINE_BREAKS, maxPrefixLength);
    for (const { node, prefix } of items) {
      this.layout.openListItem(prefix);
      this.walk([node], childDepth);
      this.layout.closeListItem();
    }
    this.layout.closeList(nested ? LIST_ROW_LINE_BREAKS : LIST_LINE_BREAKS);
  }
}

/** Trims line breaks around a quoted block and prefixes its lines with "> ". */
function quoteLines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end).split('\n').map((line) => QUOTE_PREFIX + line).join('\n');
}

/** The <body> elements of the document (not looking inside one), within the depth and child limits. */
function findBaseElements(nodes: readonly HtmlNode[], depthLeft: number, found: HtmlNode[]): void {
  if (depthLeft < 0) return;
  const count = Math.min(nodes.length, MAX_HTML_CHILD_NODES);
  for (let index = 0; index < count; index++) {
    const node = nodes[index]!;
    if (node.type !== 'tag') continue;
    if (node.name === BASE_ELEMENT) found.push(node);
    else if (node.children) findBaseElements(node.children, depthLeft - 1, found);
  }
}

/** Builds htmlparser2's tree (entities decoded), pausing the parse for good once the tree gets deeper than MAX_HTML_PARSE_DEPTH. */
class DepthLimitedHandler extends DomHandler {
  deepest = 0;
  private htmlParser: Parser | null = null;

  attach(parser: Parser): void {
    this.htmlParser = parser;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // The stack holds the document itself below the open elements.
    const depth = this.tagStack.length - 1;
    if (depth <= this.deepest) return;
    this.deepest = depth;
    if (depth > MAX_HTML_PARSE_DEPTH) this.htmlParser?.pause();
  }
}

/** The parsed document and the depth of its tree; `tooDeep` when the parse stopped at MAX_HTML_PARSE_DEPTH. */
function parseWithinDepth(html: string): { children: HtmlNode[]; deepest: number; tooDeep: boolean } {
  const handler = new DepthLimitedHandler();
  const parser = new Parser(handler, { decodeEntities: true });
  handler.attach(parser);
  parser.end(html);
  return { children: handler.root.children as unknown as HtmlNode[], deepest: handler.deepest, tooDeep: handler.deepest > MAX_HTML_PARSE_DEPTH };
}

/** Lays out parsed HTML as text: the body (or the whole document when it has none). */
function layOutHtml(children: readonly HtmlNode[]): string {
  const bases: HtmlNode[] = [];
  findBaseElements(children, MAX_HTML_DEPTH, bases);
  const layout = new TextLayout();
  new TreeWalker(layout).walk(bases.length > 0 ? bases : children, MAX_HTML_DEPTH);
  return layout.toString();
}

/** What the conversion found, so the caller can say why an HTML body gave no text. */
export interface HtmlConversion {
  text: string;
  /** The HTML was over {@link MAX_HTML_CHARS} and was cut. */
  truncated: boolean;
  /** The deepest element nesting seen. */
  maxDepth: number;
  /**
   * A tag bomb, not converted at all: counted tags nest deeper than {@link MAX_HTML_DEPTH}, or the
   * parsed tree deeper than {@link MAX_HTML_PARSE_DEPTH}.
   */
  tooDeep: boolean;
}

const TAG_PATTERN = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
/** Elements that never nest (void) or that HTML closes implicitly, often left open in mail: not counted. */
const UNCOUNTED_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
]);

/** Measures tag nesting with one linear scan (no DOM), so a nested-tag bomb is seen before parsing. */
export function measureHtmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TAG_PATTERN.exec(html)) !== null) {
    const name = match[2]!;
    // Tag names are mostly written in lower case already: look them up as written first.
    if (match[3] || UNCOUNTED_ELEMENTS.has(name) || UNCOUNTED_ELEMENTS.has(name.toLowerCase())) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** Converts a hostile HTML body to plain text within the size and nesting limits. */
export function convertHtmlToText(html: string): HtmlConversion {
  const truncated = html.length > MAX_HTML_CHARS;
  const bounded = truncated ? html.slice(0, MAX_HTML_CHARS) : html;
  const countedDepth = measureHtmlDepth(bounded);
  if (countedDepth > MAX_HTML_DEPTH) return { text: '', truncated, maxDepth: countedDepth, tooDeep: true };
  const document = parseWithinDepth(bounded);
  const maxDepth = Math.max(countedDepth, document.deepest);
  if (document.tooDeep) return { text: '', truncated, maxDepth, tooDeep: true };
  const text = layOutHtml(document.children)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, truncated, maxDepth, tooDeep: false };
}
