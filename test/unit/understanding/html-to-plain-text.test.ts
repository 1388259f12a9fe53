import { compile, type HtmlToTextFormatter, type HtmlToTextNode } from 'html-to-text';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertHtmlToText,
  MAX_HTML_CHARS,
  MAX_HTML_CHILD_NODES,
  MAX_HTML_DEPTH,
} from '../../../functions/core/understanding/html-to-plain-text.js';
import { parseMime } from '../../../functions/core/understanding/parse-mime.js';

// The converter html-to-plain-text.ts replaced: html-to-text 10 with the options the project used.
// Its text is the reference the new layout must reproduce exactly.

function readReferenceNodeText(node: HtmlToTextNode, depth = 0): string {
  if (node.type === 'text') return node.data ?? '';
  if (depth > MAX_HTML_DEPTH || !node.children) return '';
  return node.children.map((child) => readReferenceNodeText(child, depth + 1)).join('');
}

function readReferenceMailto(href: string | undefined): string | null {
  if (!href || !/^mailto:/i.test(href)) return null;
  const target = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  try {
    return decodeURIComponent(target).trim() || null;
  } catch {
    return target.trim() || null;
  }
}

const referenceAnchor: HtmlToTextFormatter = (elem, walk, builder) => {
  walk(elem.children, builder);
  const address = readReferenceMailto(elem.attribs?.href);
  if (address && !readReferenceNodeText(elem).toLowerCase().includes(address.toLowerCase())) {
    builder.addInline(` <${address}>`, { noWordTransform: true });
  }
};

const referenceCell: HtmlToTextFormatter = (elem, walk, builder) => {
  walk(elem.children, builder);
  builder.addInline(' ');
};

const referenceConvert = compile({
  wordwrap: false,
  limits: { maxDepth: MAX_HTML_DEPTH, maxChildNodes: MAX_HTML_CHILD_NODES, maxInputLength: MAX_HTML_CHARS, ellipsis: '' },
  formatters: { mailtoAwareAnchor: referenceAnchor, inlineCell: referenceCell },
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

/** The reference text, with the clean-up convertHtmlToText applies after the layout. */
function convertLikeBefore(html: string): string {
  return referenceConvert(html)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A small seeded generator, so a failing document can be found again. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const ELEMENTS = [
  'div', 'p', 'span', 'b', 'strong', 'font', 'a', 'br', 'hr', 'table', 'tbody', 'tr', 'td', 'th', 'ul', 'ol', 'li',
  'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'head', 'title', 'style', 'script', 'body', 'html',
  'center', 'section', 'article', 'header', 'footer', 'nav', 'main', 'aside', 'form', 'wbr', 'i', 'u', 'o:p', 'meta',
];
const WORDS = [
  'From:', 'Sent:', 'To:', 'Subject:', 'Jane', 'Doe', 'jane@acme.example', '&lt;jane@acme.example&gt;', 'Thank', 'you',
  '&nbsp;', '&amp;', '&#8203;', 'move', 'forward', 'with', 'other', 'candidates.', '--', '>', 'Fwd:', '1.',
];
const SPACES = [' ', '  ', '\n', '\r\n', '\t', '\f', '\u200b', '\u00a0', ' \n ', ''];

/** A random, often malformed, HTML document built from the elements and words mail uses. */
function generateDocument(random: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const parts: string[] = [];
  const open: string[] = [];
  const steps = 5 + Math.floor(random() * 60);
  for (let step = 0; step < steps; step++) {
    const roll = random();
    if (roll < 0.35) {
      parts.push(pick(SPACES), pick(WORDS), pick(SPACES));
    } else if (roll < 0.7) {
      const name = pick(ELEMENTS);
      const attributes =
        name === 'a' ? pick([' href="mailto:jane@acme.example"', ' href="mailto:Jane%20Doe%20%3Cj@a.example%3E?subject=x"', ' href="https://x.example/t"', ' href="MAILTO:bob@b.example"', ''])
          : name === 'ol' ? pick([' start="3"', ' type="a"', ' type="I"', ' type="i" start="4"', ' type="A" start="27"', ''])
            : '';
      parts.push(`<${name}${attributes}>`);
      open.push(name);
    } else if (roll < 0.92 && open.length > 0) {
      parts.push(`</${open.pop()}>`);
    } else if (roll < 0.96) {
      parts.push(pick(['<!-- note -->', '<br/>', '<!DOCTYPE html>', '<![CDATA[x]]>', '<img src="cid:x" alt="logo">']));
    } else {
      parts.push(pick(SPACES));
    }
  }
  if (random() < 0.5) while (open.length > 0) parts.push(`</${open.pop()}>`);
  return parts.join('');
}

async function readFixtureHtml(): Promise<string[]> {
  const roots = [join(import.meta.dirname, '../../fixtures/eml'), join(import.meta.dirname, '../../../local/samples')];
  const bodies: string[] = [];
  for (const root of roots) {
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.eml'))
      .map((entry) => join(entry.parentPath, entry.name));
    for (const file of files) {
      const message = await parseMime(await readFile(file)).catch(() => null);
      if (message?.html) bodies.push(message.html);
    }
  }
  return bodies;
}

describe('convertHtmlToText', () => {
  it('keeps Outlook forward headers as lines, with mailto addresses and cells on one line', () => {
    // Prepare
    const html =
      '<html><head><title>t</title><style>p{}</style></head><body><div>Note</div><hr>' +
      '<b>From:</b> <a href="mailto:jane@acme.example">Jane Doe</a><br><b>Sent:</b> Monday<br>' +
      '<table><tr><td>To:</td><td>me@example.com</td></tr></table><p>Hello&nbsp;there,</p><ul><li>one</li><li>two</li></ul></body></html>';

    // Act
    const { text } = convertHtmlToText(html);

    // Assess
    expect(text).toBe('Note\n\nFrom: Jane Doe <jane@acme.example>\nSent: Monday\n\nTo: me@example.com\n\nHello there,\n - one\n - two');
    expect(text).toBe(convertLikeBefore(html));
  });

  it('gives the text html-to-text gave on every HTML body of the fixtures', async () => {
    // Prepare
    const bodies = await readFixtureHtml();
    const readsBefore = (html: string) => {
      try {
        convertLikeBefore(html);
        return true;
      } catch {
        return false;
      }
    };
    // html-to-text threw on two fixtures: bad/html-prototype-tag-names.eml (<constructor>, <__proto__>)
    // and bad/html-list-numbering-out-of-range.eml (<ol type="I" start="10000">)
    const unreadableBefore = bodies.filter((html) => !readsBefore(html));
    const readableBefore = bodies.filter(readsBefore);

    // Act
    const differences = readableBefore.filter((html) => convertHtmlToText(html).text !== convertLikeBefore(html));

    // Assess
    expect(readableBefore.length).toBeGreaterThan(20);
    expect(unreadableBefore).toHaveLength(2);
    expect(unreadableBefore.filter((html) => html.includes('<constructor>'))).toHaveLength(1);
    expect(unreadableBefore.filter((html) => html.includes('start="10000"'))).toHaveLength(1);
    expect(differences).toEqual([]);
  });

  it('gives the text html-to-text gave on 3,000 random, often malformed documents', () => {
    // Prepare
    const random = createRandom(20261122);
    const documents = Array.from({ length: 3000 }, () => generateDocument(random));

    // Act
    const differences = documents.filter((html) => convertHtmlToText(html).text !== convertLikeBefore(html));

    // Assess
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it('gives the text html-to-text gave at the depth and child limits', () => {
    // Prepare
    const deepLists = `${'<ul><li>'.repeat(200)}x${'</li></ul>'.repeat(200)}`;
    const deepCells = `<div>${'<span><td>'.repeat(255)}a<a href="mailto:z@z.example">z</a>${'</td></span>'.repeat(255)}</div>`;
    const wide = `<div>${'<span>w</span>'.repeat(MAX_HTML_CHILD_NODES + 5)}</div>`;
    const documents = [deepLists, deepCells, wide];

    // Act
    const results = documents.map((html) => ({ got: convertHtmlToText(html).text, expected: convertLikeBefore(html) }));

    // Assess
    for (const { got, expected } of results) expect(got).toBe(expected);
  });

  it('numbers ordered lists in decimal where roman numerals or letters do not exist', () => {
    // Prepare
    const html = '<ol type="I" start="3999"><li>a</li><li>b</li></ol><ol type="i" start="1e20"><li>c</li></ol><ol type="a" start="-1"><li>d</li></ol>';

    // Act
    const { text } = convertHtmlToText(html);

    // Assess
    // (labels are padded to the widest one of their list, as html-to-text does)
    expect(text).toBe('MMMCMXCIX. a\n 4000.      b\n\n i. c\n\n -1. d');
  });

  it('reads a document with a <constructor> element (html-to-text threw on it)', () => {
    // Prepare
    const html = '<div>Hello <constructor>there</constructor></div>';

    // Act
    const { text } = convertHtmlToText(html);

    // Assess
    expect(text).toBe('Hello there');
  });
});
