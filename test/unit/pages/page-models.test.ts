import { describe, expect, it } from 'vitest';
import { buildConfirmPage, buildResultPage } from '../../../functions/core/pages/action-pages.js';
import { buildEditPage, prefillEditForm, readEditForm, validateEditForm } from '../../../functions/core/pages/edit-form.js';
import { buildOverviewPage, sortByDueNext } from '../../../functions/core/pages/overview-page.js';
import { makeContact, makePlan, SAMPLE_NOW } from '../../support/sample-contacts.js';

const TIME_ZONE = 'Europe/Berlin';
const jane = { contact: makeContact(), plan: makePlan({ nextPrompt: 'check-in', nextDueAt: '2026-04-02T07:00:00.000Z' }) };

describe('confirm and result wording', () => {
  it('says what a snooze will do, with the date in the owner time zone', () => {
    // Prepare
    const planAfter = makePlan({ status: 'snoozed', snoozedUntil: '2026-03-14T08:00:00.000Z', nextDueAt: '2026-03-14T08:00:00.000Z' });
    // Act
    const page = buildConfirmPage({ action: 'snooze-1w', view: jane, planAfter, token: 'tok', now: SAMPLE_NOW, timeZone: TIME_ZONE });
    // Assess
    expect(page.question).toBe('Snooze Acme – Jane Doe until 14 March?');
    expect(page.buttonLabel).toBe('Snooze until 14 March');
    expect(page.token).toBe('tok');
  });

  it('says when a double submit changed nothing', () => {
    // Prepare
    const view = { contact: makeContact(), plan: makePlan({ status: 'stopped', nextDueAt: null, nextPrompt: null }) };
    // Act
    const first = buildResultPage({ action: 'stop', view, changed: true, undo: null, editPath: null, overviewPath: null, now: SAMPLE_NOW, timeZone: TIME_ZONE });
    const again = buildResultPage({ action: 'stop', view, changed: false, undo: null, editPath: null, overviewPath: null, now: SAMPLE_NOW, timeZone: TIME_ZONE });
    // Assess
    expect(first.headline).toBe('Stopped prompts about Acme – Jane Doe.');
    expect(first.detail).not.toContain('already');
    expect(again.detail).toContain('already done');
  });
});

describe('fix-details form', () => {
  it('accepts a valid form and cleans single-line values', () => {
    // Prepare
    const raw = readEditForm({ company: '  Acme\r\nInc ', contactName: 'Jane', contactEmail: 'Jane@Acme.example', role: '', notes: ' met at a meetup ', cadence: 'quarterly', status: 'active' });
    // Act
    const result = validateEditForm(raw, 'active');
    // Assess
    expect(result).toEqual({
      ok: true,
      values: { company: 'Acme Inc', contactName: 'Jane', contactEmail: 'jane@acme.example', role: null, notes: 'met at a meetup', cadence: 'quarterly', status: 'active' },
    });
  });

  it('gives a clear message per bad field and keeps every value', () => {
    // Prepare
    const raw = readEditForm({ company: 'x'.repeat(121), contactName: 'Jane', contactEmail: 'not an address', cadence: 'weekly', status: 'snoozed' });
    // Act
    const result = validateEditForm(raw, 'active');
    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.company).toMatch(/too long/);
    expect(result.errors.contactEmail).toMatch(/address like/);
    expect(result.errors.cadence).toMatch(/cadences/);
    expect(result.errors.status).toMatch(/statuses/);
    expect(result.errors.contactName).toBeUndefined();
    expect(result.raw.contactEmail).toBe('not an address');
    const page = buildEditPage({ view: jane, token: 't', raw: result.raw, errors: result.errors, saved: true, draft: null, overviewPath: null });
    expect(page.saved).toBe(false);
    expect(page.hasErrors).toBe(true);
    expect(page.textFields.find((field) => field.name === 'contactEmail')).toMatchObject({ value: 'not an address', error: expect.stringMatching(/address/) });
  });

  it('offers the current status even when the owner could not pick it', () => {
    // Prepare
    const view = { contact: makeContact(), plan: makePlan({ status: 'quiet' }) };
    // Act
    const page = buildEditPage({ view, token: 't', raw: prefillEditForm(view), errors: {}, saved: false, draft: null, overviewPath: null });
    const kept = validateEditForm(prefillEditForm(view), 'quiet');
    // Assess
    const status = page.selectFields.find((field) => field.name === 'status');
    expect(status?.options.map((option) => option.value)).toEqual(['quiet', 'active', 'stopped', 'ignored']);
    expect(status?.options.find((option) => option.selected)?.value).toBe('quiet');
    expect(kept.ok).toBe(true);
  });
});

describe('overview', () => {
  it('sorts by what is due next, unscheduled last, with one edit link each', () => {
    // Prepare
    const later = { contact: makeContact({ contactId: 'later', company: 'Later Co' }), plan: makePlan({ contactId: 'later', nextDueAt: '2026-09-01T07:00:00.000Z' }) };
    const none = { contact: makeContact({ contactId: 'none', company: 'Aardvark' }), plan: makePlan({ contactId: 'none', status: 'stopped', nextPrompt: null, nextDueAt: null, lastAction: 'stop', lastActionAt: '2026-03-01T10:00:00.000Z' }) };
    const soon = { contact: makeContact({ contactId: 'soon', company: 'Soon Ltd' }), plan: makePlan({ contactId: 'soon', nextPrompt: 'check-in', nextDueAt: '2026-03-10T08:00:00.000Z' }) };
    // Act
    const page = buildOverviewPage({ views: [none, later, soon], now: SAMPLE_NOW, timeZone: TIME_ZONE, editPathFor: (view) => `./edit-${view.contact.contactId}`, calendarUrl: null, inboundAddress: 'in@example.test' });
    // Assess
    expect(sortByDueNext([none, later, soon]).map((view) => view.contact.contactId)).toEqual(['soon', 'later', 'none']);
    expect(page.rows.map((row) => row.company)).toEqual(['Soon Ltd', 'Later Co', 'Aardvark']);
    expect(page.rows[0]).toMatchObject({ nextPrompt: 'Check-in · 10 March', statusLabel: 'Active', editPath: './edit-soon' });
    expect(page.rows[2]).toMatchObject({ lastAction: 'Stopped · 1 March', nextPrompt: '—', statusKey: 'stopped' });
    expect(page.summary).toBe('3 contacts, 2 with a prompt scheduled. What is due next comes first.');
  });
});
