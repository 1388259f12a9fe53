/**
 * Turns an inbound HTML body into plain text that a forward parser and the field extraction
 * can read. Inbound HTML is hostile: it is capped in size and nesting before conversion, and
 * it is never rendered. Outlook and Gmail write their forward headers in HTML (bold labels,
 * `<br>`, tables, mailto links); the options here keep those as "From: Name <address>" lines.
 */
import { compile, type HtmlToTextFormatter, type HtmlToTextNode } from 'html-to-text';

/** HTML longer than this (characters) is cut before conversion: no real mail body is near it. */
export const MAX_HTML_CHARS = 1_000_000;
/** Elements nested deeper than this are not read. Real mail (Outlook tables in tables) stays far below. */
export const MAX_HTML_DEPTH = 256;
/** At most this many children of one element are read. */
export const MAX_HTML_CHILD_NODES = 20_000;

const MAILTO_PREFIX = /^mailto:/i;

/** The plain text of an element's subtree (text nodes only), bounded by depth. */
function readNodeText(node: HtmlToTextNode, depth = 0): string {
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

/**
 * Anchors: the link text only, except a mailto link whose text does not show the address
 * ("<a href=mailto:jane@acme.com>Jane Doe</a>"): then "Jane Doe <jane@acme.com>", so the
 * address survives the conversion. Web link targets are dropped (tracking noise).
 */
const formatAnchor: HtmlToTextFormatter = (elem, walk, builder) => {
  walk(elem.children, builder);
  const address = readMailtoAddress(elem.attribs?.href);
  if (address && !readNodeText(elem).toLowerCase().includes(address.toLowerCase())) {
    builder.addInline(` <${address}>`, { noWordTransform: true });
  }
};

/** A table cell: its content followed by a space, so "From:" and its value stay on one line. */
const formatCell: HtmlToTextFormatter = (elem, walk, builder) => {
  walk(elem.children, builder);
  builder.addInline(' ');
};

const convertHtml = compile({
  wordwrap: false,
  limits: { maxDepth: MAX_HTML_DEPTH, maxChildNodes: MAX_HTML_CHILD_NODES, maxInputLength: MAX_HTML_CHARS, ellipsis: '' },
  formatters: { mailtoAwareAnchor: formatAnchor, inlineCell: formatCell },
  selectors: [
    { selector: 'a', format: 'mailtoAwareAnchor' },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'hr', format: 'block' },
    { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'inlineCell' },
    { selector: 'th', format: 'inlineCell' },
    { selector: 'ul', options: { itemPrefix: ' - ' } },
  ],
});

/** What the conversion found, so the caller can say why an HTML body gave no text. */
export interface HtmlConversion {
  text: string;
  /** The HTML was over {@link MAX_HTML_CHARS} and was cut. */
  truncated: boolean;
  /** The deepest element nesting seen. */
  maxDepth: number;
  /** Nesting went over {@link MAX_HTML_DEPTH}: the HTML was not converted at all (a tag bomb). */
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
  for (const match of html.matchAll(TAG_PATTERN)) {
    const [, closing, name = '', selfClosing] = match;
    if (UNCOUNTED_ELEMENTS.has(name.toLowerCase()) || selfClosing) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** Converts a hostile HTML body to plain text within the size and nesting limits. */
export function convertHtmlToText(html: string): HtmlConversion {
  const truncated = html.length > MAX_HTML_CHARS;
  const bounded = truncated ? html.slice(0, MAX_HTML_CHARS) : html;
  const maxDepth = measureHtmlDepth(bounded);
  if (maxDepth > MAX_HTML_DEPTH) return { text: '', truncated, maxDepth, tooDeep: true };
  const text = convertHtml(bounded)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, truncated, maxDepth, tooDeep: false };
}
