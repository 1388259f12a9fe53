import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildMessagePage, MESSAGE_PAGES } from '../../../functions/core/pages/action-pages.js';
import { createPageTexts, PAGE_TEXT_NAMES } from '../../../functions/core/pages/page-texts.js';
import { createPageRenderer, PAGE_TEMPLATE_NAMES, type PageTemplateSources } from '../../../functions/core/pages/page-renderer.js';
import { TemplateError } from '../../../functions/core/rendering/template-files.js';

const pagesDir = fileURLToPath(new URL('../../../templates/pages/', import.meta.url));
const shippedTexts = readFileSync(`${pagesDir}texts.hbs`, 'utf8');

describe('page texts (templates/pages/texts.hbs)', () => {
  it('defines every text the pages use, each non-empty', () => {
    // Prepare
    const texts = createPageTexts(shippedTexts);
    // Act
    const empty = PAGE_TEXT_NAMES.filter((name) => texts.say(name, { who: 'Acme', question: 'Q', title: 'T' }).trim() === '');
    // Assess
    expect(empty).toEqual([]);
  });

  it('reads a text spread over lines as one line and fills in values as plain text', () => {
    // Prepare
    const texts = createPageTexts(shippedTexts);
    // Act
    const explanation = texts.say('expired-explanation', { who: 'A & <b>B</b>' });
    const nobody = texts.say('resend-heading', { who: '' });
    // Assess
    expect(explanation).toBe(
      'Links in Not Today emails work for a limited time, so an old email cannot act for long. Ask for a fresh email about A & <b>B</b> and use the links in it.',
    );
    expect(nobody).toBe('Send a fresh email?');
  });

  it('names the missing texts and a text defined twice', () => {
    // Prepare
    const withoutForbidden = shippedTexts.replace(/\{\{#\*inline "forbidden-title"\}\}.*?\{\{\/inline\}\}/, '');
    const twice = `${shippedTexts}\n{{#*inline "busy-title"}}Again{{/inline}}`;
    // Act
    const missing = () => createPageTexts(withoutForbidden);
    const doubled = () => createPageTexts(twice);
    // Assess
    expect(missing).toThrow(TemplateError);
    expect(missing).toThrow(/forbidden-title/);
    expect(doubled).toThrow(/"busy-title" twice/);
  });

  it('names at start a text that cannot render (unknown helper or partial)', () => {
    // Prepare
    const broken = shippedTexts.replace('{{#*inline "busy-message"}}', '{{#*inline "busy-message"}}{{> nowhere}}');
    // Act
    const create = () => createPageTexts(broken);
    // Assess
    expect(create).toThrow(TemplateError);
    expect(create).toThrow(/"busy-message" cannot be rendered/);
  });

  it('compiled lazily, still names a missing text at creation and renders the same words', () => {
    // Prepare
    const withoutBusy = shippedTexts.replace(/\{\{#\*inline "busy-title"\}\}.*?\{\{\/inline\}\}/, '');
    // Act
    const lazy = createPageTexts(shippedTexts, { compile: 'lazy' });
    const missing = () => createPageTexts(withoutBusy, { compile: 'lazy' });
    // Assess
    expect(missing).toThrow(/lacks the text\(s\): busy-title/);
    expect(lazy.say('question-snooze', { who: 'Acme - Jane Doe', until: '14 March' })).toBe('Snooze Acme - Jane Doe until 14 March?');
  });

  it('keeps a value from a text HTML-escaped on the rendered page, once', () => {
    // Prepare
    const sources = { styles: readFileSync(`${pagesDir}styles.css`, 'utf8'), texts: shippedTexts } as PageTemplateSources;
    for (const name of PAGE_TEMPLATE_NAMES) sources[name] = readFileSync(`${pagesDir}${name}.hbs`, 'utf8');
    const renderer = createPageRenderer(sources);
    const heading = renderer.texts.say('not-applicable-heading', { question: 'Snooze <img src=x onerror=alert(1)>' });
    // Act
    const html = renderer.renderPage({ page: 'message', title: 't', eyebrow: 'e', tone: 'warn', heading, message: 'm', overviewPath: null });
    // Assess
    expect(html).toContain('<h1>Snooze &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;: not now</h1>');
    expect(html).not.toContain('<img');
  });

  it('words every message page from the file, with its status', () => {
    // Prepare
    const texts = createPageTexts(shippedTexts);
    // Act
    const pages = Object.keys(MESSAGE_PAGES).map((name) => buildMessagePage(texts, name as keyof typeof MESSAGE_PAGES));
    // Assess
    expect(pages.map((page) => page.status)).toEqual([403, 410, 404, 404, 400, 405, 503, 500]);
    expect(pages[0]?.view).toMatchObject({ title: 'Link not valid', heading: 'This link is not valid', tone: 'danger' });
  });
});

describe('loading the page templates at cold start', () => {
  it('names texts.hbs when it is missing', async () => {
    // Prepare
    const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadPageTemplates } = await import('../../../functions/runtime/actions-deps.js');
    const root = mkdtempSync(join(tmpdir(), 'nt-pages-'));
    cpSync(pagesDir, join(root, 'pages'), { recursive: true });
    rmSync(join(root, 'pages', 'texts.hbs'));
    try {
      // Act
      const load = () => loadPageTemplates(root);
      // Assess
      expect(load).toThrow(TemplateError);
      expect(load).toThrow(/page template missing: .*pages[/\\]texts\.hbs/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
