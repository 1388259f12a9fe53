import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOutcomePage, buildPreviewPage } from '../../../functions/core/pages/action-pages.js';
import { createPageTexts } from '../../../functions/core/pages/page-texts.js';
import { buildEditPage, prefillEditForm, readEditForm, validateEditForm } from '../../../functions/core/pages/edit-form.js';
import { buildOverviewPage, sortByDueNext } from '../../../functions/core/pages/overview-page.js';
import { makeContact, makePlan, SAMPLE_NOW } from '../../support/sample-contacts.js';

const TIME_ZONE = 'Europe/Berlin';
const texts = createPageTexts(readFileSync(fileURLToPath(new URL('../../../templates/pages/texts.hbs', import.meta.url)), 'utf8'));
const jane = { contact: makeContact(), plan: makePlan({ nextPrompt: 'check-in', nextDueAt: '2026-04-02T07:00:00.000Z' }) };

describe('confirm and result pages', () => {
  const preview = {
    action: 'snooze-1w' as const,
    claims: { ownerId: 'owner', contactId: jane.contact.contactId, action: 'snooze-1w' as const, exp: 2_000_000_000 },
    title: 'Snooze Acme - Jane Doe until 14 March?',
    message: 'Next: the check-in, on 14 March.',
    view: jane,
    applicable: true,
    alreadyDone: false,
    effect: null,
  };
  const onward = { editPath: './edit', overviewPath: './overview' };

  it('asks the question of the preview with a button that posts the token', () => {
    // Prepare
    const token = 'k1.payload.sig';
    // Act
    const page = buildPreviewPage(texts, preview, token, onward);
    // Assess
    expect(page).toMatchObject({ page: 'confirm', question: 'Snooze Acme - Jane Doe until 14 March?', buttonLabel: 'Snooze 1 week', token });
  });

  it('does not offer the button again for a link already used, nor for one that does not apply', () => {
    // Prepare
    const done = { ...preview, alreadyDone: true, message: 'You already did this with this link.' };
    const stopped = { ...preview, applicable: false, message: 'Follow-ups for this contact are stopped. Resume them first.' };
    // Act
    const donePage = buildPreviewPage(texts, done, 'tok', onward);
    const stoppedPage = buildPreviewPage(texts, stopped, 'tok', onward);
    // Assess
    expect(donePage).toMatchObject({ page: 'result', headline: 'Already done', detail: 'You already did this with this link.' });
    expect(stoppedPage).toMatchObject({ page: 'message', tone: 'warn', message: 'Follow-ups for this contact are stopped. Resume them first.' });
  });

  it('says what happened and offers the undo as a POST of its own token', () => {
    // Prepare
    const outcome = {
      status: 'applied' as const,
      action: 'snooze-1w' as const,
      title: 'Snoozed Acme - Jane Doe until 14 March',
      message: 'Next: the check-in, on 14 March.',
      view: jane,
      undo: { action: 'resume' as const, url: 'http://127.0.0.1:3000/a/k1.undo.sig', label: 'Undo: resume follow-ups now' },
      promptSent: false,
    };
    // Act
    const page = buildOutcomePage(texts, outcome, { path: './k1.undo.sig', token: 'k1.undo.sig' }, onward);
    const notApplicable = buildOutcomePage(texts, { ...outcome, status: 'not-applicable', undo: null }, null, onward);
    // Assess
    expect(page).toMatchObject({
      page: 'result',
      headline: 'Snoozed Acme - Jane Doe until 14 March.',
      undo: { path: './k1.undo.sig', token: 'k1.undo.sig', label: 'Undo: resume follow-ups now' },
      editPath: './edit',
    });
    expect(notApplicable).toMatchObject({ page: 'message', eyebrow: 'Nothing changed' });
  });
});

describe('fix-details form', () => {
  it('accepts a valid form and cleans single-line values', () => {
    // Prepare
    const raw = readEditForm({ company: '  Acme\r\nInc ', contactName: 'Jane', contactEmail: 'Jane@Acme.example', role: '', notes: ' met at a meetup ', cadence: 'quarterly', status: 'active', language: 'de' });
    // Act
    const result = validateEditForm(texts, raw, 'active');
    // Assess
    expect(result).toEqual({
      ok: true,
      values: { company: 'Acme Inc', contactName: 'Jane', contactEmail: 'jane@acme.example', role: null, notes: 'met at a meetup', cadence: 'quarterly', status: 'active', language: 'de' },
    });
  });

  it('gives a clear message per bad field and keeps every value', () => {
    // Prepare
    const raw = readEditForm({ company: 'x'.repeat(121), contactName: 'Jane', contactEmail: 'not an address', cadence: 'weekly', status: 'snoozed', language: 'English' });
    // Act
    const result = validateEditForm(texts, raw, 'active');
    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.company).toMatch(/too long/);
    expect(result.errors.contactEmail).toMatch(/address like/);
    expect(result.errors.cadence).toMatch(/cadences/);
    expect(result.errors.status).toMatch(/statuses/);
    expect(result.errors.language).toBe('Pick one of the languages in the list.');
    expect(result.errors.contactName).toBeUndefined();
    expect(result.raw.contactEmail).toBe('not an address');
    const page = buildEditPage({ texts, view: jane, token: 't', raw: result.raw, errors: result.errors, saved: true, draft: null, overviewPath: null });
    expect(page.saved).toBe(false);
    expect(page.hasErrors).toBe(true);
    expect(page.textFields.find((field) => field.name === 'contactEmail')).toMatchObject({ value: 'not an address', error: expect.stringMatching(/address/) });
    expect(page.selectFields.find((field) => field.name === 'language')).toMatchObject({ label: 'Draft language', error: 'Pick one of the languages in the list.' });
  });

  it('offers the current status even when the owner could not pick it', () => {
    // Prepare
    const view = { contact: makeContact(), plan: makePlan({ status: 'quiet' }) };
    // Act
    const page = buildEditPage({ texts, view, token: 't', raw: prefillEditForm(view), errors: {}, saved: false, draft: null, overviewPath: null });
    const kept = validateEditForm(texts, prefillEditForm(view), 'quiet');
    // Assess
    const status = page.selectFields.find((field) => field.name === 'status');
    expect(status?.options.map((option) => option.value)).toEqual(['quiet', 'active', 'stopped', 'ignored']);
    expect(status?.options.find((option) => option.selected)?.value).toBe('quiet');
    expect(kept.ok).toBe(true);
  });

  it('offers the draft languages by their own names, prefilled with the contact\'s (English when it has none)', () => {
    // Prepare
    const german = { contact: makeContact({ language: 'de' }), plan: makePlan() };
    const { language: _none, ...old } = makeContact();
    const unset = { contact: old, plan: makePlan() };
    // Act
    const germanPage = buildEditPage({ texts, view: german, token: 't', raw: prefillEditForm(german), errors: {}, saved: false, draft: null, overviewPath: null });
    const unsetRaw = prefillEditForm(unset);
    // Assess
    const language = germanPage.selectFields.find((field) => field.name === 'language');
    expect(language?.options.map((option) => [option.value, option.label, option.selected])).toEqual([
      ['en', 'English', false],
      ['de', 'Deutsch', true],
      ['fr', 'Français', false],
    ]);
    expect(unsetRaw.language).toBe('en');
    expect(validateEditForm(texts, prefillEditForm(german), 'active')).toMatchObject({ ok: true, values: { language: 'de' } });
  });
});

describe('overview', () => {
  it('sorts by what is due next, unscheduled last, with one edit link each', () => {
    // Prepare
    const later = { contact: makeContact({ contactId: 'later', company: 'Later Co' }), plan: makePlan({ contactId: 'later', nextDueAt: '2026-09-01T07:00:00.000Z' }) };
    const none = { contact: makeContact({ contactId: 'none', company: 'Aardvark' }), plan: makePlan({ contactId: 'none', status: 'stopped', nextPrompt: null, nextDueAt: null, lastAction: 'stop', lastActionAt: '2026-03-01T10:00:00.000Z' }) };
    const soon = { contact: makeContact({ contactId: 'soon', company: 'Soon Ltd' }), plan: makePlan({ contactId: 'soon', nextPrompt: 'check-in', nextDueAt: '2026-03-10T08:00:00.000Z' }) };
    // Act
    const page = buildOverviewPage({ texts, views: [none, later, soon], now: SAMPLE_NOW, timeZone: TIME_ZONE, editPathFor: (view) => `./edit-${view.contact.contactId}`, calendarUrl: null, inboundAddress: 'in@example.test' });
    // Assess
    expect(sortByDueNext([none, later, soon]).map((view) => view.contact.contactId)).toEqual(['soon', 'later', 'none']);
    expect(page.rows.map((row) => row.company)).toEqual(['Soon Ltd', 'Later Co', 'Aardvark']);
    expect(page.rows[0]).toMatchObject({ nextPrompt: 'Check-in · 10 March', statusLabel: 'Active', editPath: './edit-soon' });
    expect(page.rows[2]).toMatchObject({ lastAction: 'Stopped · 1 March', nextPrompt: '—', statusKey: 'stopped' });
    expect(page.summary).toBe('3 contacts, 2 with a prompt scheduled. What is due next comes first.');
  });
});
