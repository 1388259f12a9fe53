import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AUTO_SUBMIT_SCRIPT,
  createPageRenderer,
  PAGE_TEMPLATE_NAMES,
  type PageTemplateSources,
} from '../../../functions/core/pages/page-renderer.js';
import { buildEditPage, prefillEditForm } from '../../../functions/core/pages/edit-form.js';
import { buildOverviewPage } from '../../../functions/core/pages/overview-page.js';
import { describeWho } from '../../../functions/core/pages/page-formatting.js';
import type { PageView } from '../../../functions/core/pages/page-views.js';
import { makeContact, makePlan, SAMPLE_NOW } from '../../support/sample-contacts.js';

const templatesDir = fileURLToPath(new URL('../../../templates/pages/', import.meta.url));

function readSources(): PageTemplateSources {
  const sources = {
    styles: readFileSync(`${templatesDir}styles.css`, 'utf8'),
    texts: readFileSync(`${templatesDir}texts.hbs`, 'utf8'),
  } as PageTemplateSources;
  for (const name of PAGE_TEMPLATE_NAMES) sources[name] = readFileSync(`${templatesDir}${name}.hbs`, 'utf8');
  return sources;
}

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostileView = {
  contact: makeContact({ contactName: HOSTILE, company: `"><script>alert(2)</script>`, role: "x' onmouseover='alert(3)" }),
  plan: makePlan({ nextPrompt: 'check-in', nextDueAt: '2026-04-02T08:00:00.000Z' }),
};

/** One view of every page, each carrying hostile text. */
function everyPage(): PageView[] {
  const { texts } = createPageRenderer(readSources());
  const who = describeWho(hostileView.contact);
  return [
    { page: 'confirm', title: `Snooze ${HOSTILE}?`, question: `Snooze ${HOSTILE}?`, explanation: HOSTILE, buttonLabel: 'Snooze', who, token: 'k1.abc.def' },
    { page: 'result', title: 'Done', headline: `Snoozed ${HOSTILE}.`, detail: HOSTILE, undo: { path: './k1.u.v', token: 'k1.u.v', label: 'Undo' }, editPath: './k1.e.f', overviewPath: './k1.o.p' },
    buildEditPage({
      texts,
      view: hostileView,
      token: 'k1.edit.sig',
      raw: prefillEditForm(hostileView),
      errors: { contactEmail: 'Enter an address' },
      saved: false,
      draft: { label: 'Next check-in', subject: HOSTILE, text: `Hi ${HOSTILE},\nthanks` },
      overviewPath: './k1.o.p',
    }),
    buildOverviewPage({ texts, views: [hostileView], now: SAMPLE_NOW, timeZone: 'Europe/Berlin', editPathFor: () => './k1.e.f', calendarUrl: 'http://127.0.0.1:3000/calendar/k1.c.d.ics', inboundAddress: 'in@example.test' }),
    { page: "expired", title: "Expired", eyebrow: "Link expired", heading: HOSTILE, explanation: HOSTILE, token: "k1.old.sig" },
    { page: 'message', title: 'Forbidden', eyebrow: 'Link not valid', tone: 'danger', heading: HOSTILE, message: HOSTILE, overviewPath: null },
  ];
}

/** The text of every element of a kind, e.g. every <script>...</script>. */
function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1] ?? '');
}

describe('page renderer', () => {
  it('escapes hostile values on every page: no tag, no attribute breakout', () => {
    // Prepare
    const renderer = createPageRenderer(readSources());
    // Act
    const pages = everyPage().map((view) => renderer.renderPage(view));
    // Assess
    for (const html of pages) {
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<script>alert');
      expect(html).not.toMatch(/' onmouseover='/);
      expect(html).toMatch(/<!doctype html>/i);
    }
    expect(pages[0]).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('allows exactly the inline script and style that the pages embed, by sha256', () => {
    // Prepare
    const renderer = createPageRenderer(readSources());
    const csp = renderer.securityHeaders['content-security-policy'] ?? '';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    // Act
    const confirmHtml = renderer.renderPage(everyPage()[0] as PageView);
    const resultHtml = renderer.renderPage(everyPage()[1] as PageView);
    // Assess
    const scripts = inlineBlocks(confirmHtml, 'script');
    expect(scripts).toEqual([AUTO_SUBMIT_SCRIPT]);
    expect(csp).toContain(`script-src ${sha(AUTO_SUBMIT_SCRIPT)}`);
    const styles = inlineBlocks(confirmHtml, 'style');
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`style-src ${sha(styles[0] as string)}`);
    expect(inlineBlocks(resultHtml, 'script')).toEqual([]);
    expect(confirmHtml).not.toMatch(/\sstyle=/);
    expect(confirmHtml).not.toMatch(/\son[a-z]+=/);
  });

  it('sends a strict policy with every response', () => {
    // Prepare
    const renderer = createPageRenderer(readSources());
    // Act
    const headers = renderer.securityHeaders;
    // Assess
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of ["default-src 'none'", "img-src 'none'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('posts the confirm form to the same URL with the token in the body', () => {
    // Prepare
    const renderer = createPageRenderer(readSources());
    // Act
    const html = renderer.renderPage(everyPage()[0] as PageView);
    // Assess
    expect(html).toMatch(/<form id="confirm-form" method="post"/);
    expect(html).not.toMatch(/<form id="confirm-form"[^>]*action=/);
    expect(html).toContain('<input type="hidden" name="token" value="k1.abc.def">');
    expect(html).toMatch(/<button type="submit" class="button">Snooze<\/button>/);
  });

  it('refuses a styles file that could close the style element', () => {
    // Prepare
    const sources = { ...readSources(), styles: 'body{}</style><script>alert(1)</script>' };
    // Act
    const build = () => createPageRenderer(sources);
    // Assess
    expect(build).toThrow(/styles\.css/);
  });
});
