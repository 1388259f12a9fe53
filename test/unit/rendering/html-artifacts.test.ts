/**
 * Renders sample owner emails to test/.artifacts/ (gitignored) so a person can open them in a
 * browser, and checks what every mail client needs of the HTML: no external resources, no
 * scripts or styles sheets, a phone-width layout, and only http(s)/mailto links.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PromptKind } from '../../../functions/core/model.js';
import type { Contact } from '../../../functions/core/model.js';
import { SAMPLE_CONTACTS } from '../../support/sample-contacts.js';
import { listHrefs, renderer, renderInput } from './render-helpers.js';

const ARTIFACTS_DIR = fileURLToPath(new URL('../../.artifacts/', import.meta.url));
const THREE_MONTHS_LATER = new Date('2026-05-27T07:00:00.000Z');

const SAMPLES: [string, PromptKind, Contact, number][] = [
  ['thank-you-rich', 'thank-you', SAMPLE_CONTACTS.richJane, 0],
  ['thank-you-no-reply', 'thank-you', SAMPLE_CONTACTS.noReplyTeam, 0],
  ['thank-you-bare', 'thank-you', SAMPLE_CONTACTS.bare, 0],
  ['thank-you-hostile', 'thank-you', SAMPLE_CONTACTS.hostile, 0],
  ['feedback-follow-up', 'feedback-follow-up', SAMPLE_CONTACTS.richJane, 0],
  ['check-in-share-useful', 'check-in', SAMPLE_CONTACTS.richJane, 0],
  ['check-in-ask-openings', 'check-in', SAMPLE_CONTACTS.reapplyOnly, 1],
  ['check-in-owner-update', 'check-in', SAMPLE_CONTACTS.longNames, 2],
  ['needs-review-interview', 'needs-review', SAMPLE_CONTACTS.interviewInvitation, 0],
  ['needs-review-not-understood', 'needs-review', SAMPLE_CONTACTS.notUnderstood, 0],
  ['thank-you-rich-german', 'thank-you', { ...SAMPLE_CONTACTS.richJane, language: 'de' }, 0],
  ['check-in-ask-openings-french', 'check-in', { ...SAMPLE_CONTACTS.reapplyOnly, language: 'fr' }, 1],
];

describe('sample owner emails as files', () => {
  it.each(SAMPLES)('%s is self-contained, phone-friendly HTML', (file, prompt, contact, checkInsSent) => {
    // Prepare
    const input = renderInput(prompt, contact, { plan: { checkInsSent }, now: prompt === 'check-in' ? THREE_MONTHS_LATER : undefined });

    // Act
    const email = renderer.renderPrompt(input);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(`${ARTIFACTS_DIR}${file}.html`, email.html);
    writeFileSync(`${ARTIFACTS_DIR}${file}.txt`, `Subject: ${email.subject}\n\n${email.text}`);

    // Assess
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(email.html).toContain('max-width:600px');
    expect(email.html).not.toMatch(/<(script|style|link|img|iframe|object|form)\b/i);
    expect(email.html).not.toMatch(/\ssrc=|url\(|@import|@font-face/i);
    expect(email.html.match(/<table\b/g)?.length).toBe(email.html.match(/<\/table>/g)?.length);
    expect(email.html.match(/<a\b/g)?.length).toBe(email.html.match(/<\/a>/g)?.length);
    for (const href of listHrefs(email.html)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  });
});
