import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../../functions/core/errors.js';
import { buildActionUrl } from '../../../functions/core/links/link-signer.js';
import type { ActionKind, Plan } from '../../../functions/core/model.js';
import { createInitialPlan } from '../../../functions/core/plan/plan-rules.js';
import {
  editContact,
  listContactViews,
  resendPrompt,
  RESEND_COOLDOWN_MINUTES,
} from '../../../functions/core/use-cases/edit-contact.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';
import { linkIn, tokenOf } from '../../support/fake-renderer.js';
import { makeConfidence, makeContact } from '../../support/sample-contacts.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPageTexts } from '../../../functions/core/pages/page-texts.js';

/** The shipped page words (templates/pages/texts.hbs), which the form's messages come from. */
const texts = createPageTexts(readFileSync(fileURLToPath(new URL('../../../templates/pages/texts.hbs', import.meta.url)), 'utf8'));
const worded = (harness: Harness) => ({ ...harness.deps, texts });

const CONTACT_ID = 'e1e1e1e1e1e1e1e1e1e1';

function seed(harness: Harness, contactId = CONTACT_ID, planOverrides: Partial<Plan> = {}, company = 'Acme'): void {
  const plan: Plan = {
    ...createInitialPlan({ ownerId: 'owner', contactId, firstPrompt: 'thank-you', now: new Date('2026-03-02T10:00:00.000Z') }),
    nextPrompt: 'check-in',
    nextDueAt: '2026-04-02T07:00:00.000Z',
    sentLog: [{ at: '2026-03-02T10:00:00.000Z', prompt: 'thank-you' }],
    ...planOverrides,
  };
  harness.repository.seed(
    makeContact({ contactId, company, confidence: makeConfidence({ role: 0.3 }), role: 'Engineer' }),
    plan,
  );
}

function tokenFor(harness: Harness, action: ActionKind, contactId = CONTACT_ID): string {
  return tokenOf(
    buildActionUrl({
      signer: harness.deps.signer,
      baseUrl: harness.deps.owner.actionsBaseUrl,
      ownerId: 'owner',
      contactId,
      now: harness.clock.now(),
      action,
    }),
  );
}

describe('editContact', () => {
  it('saves the corrected details, marks them certain and records what changed', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-03T12:00:00.000Z' });
    seed(harness);

    // Act
    const result = await editContact(worded(harness), {
      token: tokenFor(harness, 'edit'),
      form: { role: 'Staff Engineer, Payments', notes: 'Met her at the meetup.\r\nLikes Rust.', contactName: 'Jane Doe' },
    });

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changed).toEqual(['role', 'notes']);
    const stored = harness.repository.storedContact('owner', CONTACT_ID);
    expect(stored).toMatchObject({ role: 'Staff Engineer, Payments', notes: 'Met her at the meetup.\nLikes Rust.', contactName: 'Jane Doe' });
    expect(stored.confidence.role).toBe(1);
    expect(stored.history.at(-1)).toMatchObject({ type: 'edited', detail: 'changed role, notes' });
    expect(result.view.contact).toEqual(stored);
  });

  it('stores the draft language picked, keeps it when the form leaves it out, and refuses one not offered', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-03T12:00:00.000Z' });
    seed(harness);
    const token = tokenFor(harness, 'edit');

    // Act
    const picked = await editContact(worded(harness), { token, form: { language: 'de' } });
    const untouched = await editContact(worded(harness), { token, form: { notes: 'Wrote in German.' } });
    const refused = await editContact(worded(harness), { token, form: { language: 'de-AT' } });

    // Assess
    expect(picked).toMatchObject({ ok: true, changed: ['language'] });
    expect(untouched).toMatchObject({ ok: true, changed: ['notes'] });
    expect(refused).toMatchObject({ ok: false, errors: { language: 'Pick one of the languages in the list.' }, values: { language: 'de-AT' } });
    const stored = harness.repository.storedContact('owner', CONTACT_ID);
    expect(stored.language).toBe('de');
    expect(stored.history.filter((entry) => entry.type === 'edited').map((entry) => entry.detail)).toEqual(['changed language', 'changed notes']);
  });

  it('reports every bad field with a clear message and saves nothing', async () => {
    // Prepare
    const harness = createHarness();
    seed(harness);
    const before = harness.repository.storedContact('owner', CONTACT_ID);

    // Act
    const result = await editContact(worded(harness), {
      token: tokenFor(harness, 'edit'),
      form: { company: 'x'.repeat(500), contactEmail: 'not an address', cadence: 'weekly', notes: 'n'.repeat(5000) },
    });

    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['cadence', 'company', 'contactEmail', 'notes']);
    expect(result.errors.contactEmail).toMatch(/address/);
    expect(result.values.contactEmail).toBe('not an address');
    expect(harness.repository.storedContact('owner', CONTACT_ID)).toEqual(before);
  });

  it('keeps header-breaking characters out of single-line fields', async () => {
    // Prepare
    const harness = createHarness();
    seed(harness);

    // Act
    const result = await editContact(worded(harness), {
      token: tokenFor(harness, 'edit'),
      form: { company: 'Acme\r\nBcc: victim@example.com' },
    });

    // Assess
    expect(result.ok).toBe(true);
    expect(harness.repository.storedContact('owner', CONTACT_ID).company).not.toMatch(/[\r\n]/);
  });

  it('reschedules the next check-in when the cadence changes, and stops when asked', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-03T12:00:00.000Z' });
    seed(harness, CONTACT_ID, { feedbackPending: false });

    // Act
    const quarterly = await editContact(worded(harness), { token: tokenFor(harness, 'edit'), form: { cadence: 'quarterly' } });
    const planQuarterly = harness.repository.storedPlan('owner', CONTACT_ID);
    const stopped = await editContact(worded(harness), { token: tokenFor(harness, 'edit'), form: { status: 'stopped' } });

    // Assess: +3 months from the thank-you on 2 March
    expect(quarterly.ok && quarterly.changed).toEqual(['cadence']);
    expect(planQuarterly).toMatchObject({ cadence: 'quarterly', nextDueAt: '2026-06-02T07:00:00.000Z' });
    expect(stopped.ok).toBe(true);
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toMatchObject({ status: 'stopped', nextDueAt: null });
  });

  it('refuses a status the form does not offer, and links that are not edit links', async () => {
    // Prepare
    const harness = createHarness();
    seed(harness);

    // Act
    const snoozed = await editContact(worded(harness), { token: tokenFor(harness, 'edit'), form: { status: 'snoozed' } });
    const wrongLink = editContact(worded(harness), { token: tokenFor(harness, 'stop'), form: {} });

    // Assess
    expect(snoozed.ok).toBe(false);
    expect(!snoozed.ok && snoozed.errors.status).toBeTruthy();
    await expect(wrongLink).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('tracks a needs-review item set to active on the form and sends its thank-you at once', async () => {
    // Prepare
    const harness = createHarness();
    seed(harness, CONTACT_ID, { status: 'needs-review', nextPrompt: null, nextDueAt: null, sentLog: [] });

    // Act
    const result = await editContact(worded(harness), {
      token: tokenFor(harness, 'edit'),
      form: { status: 'active', company: 'Northwind Labs' },
    });

    // Assess
    expect(result.ok && result.changed).toEqual(['company', 'status']);
    expect(harness.renderer.rendered.map((item) => item.prompt)).toEqual(['thank-you']);
    expect(harness.renderer.rendered[0]?.contact.company).toBe('Northwind Labs');
    expect(result.ok && result.view.plan).toMatchObject({ status: 'active', sentLog: [{ prompt: 'thank-you' }], lease: null });
  });

  it('re-applies the edit on a lost race instead of losing it', async () => {
    // Prepare: the first profile write loses to a concurrent writer
    const harness = createHarness();
    seed(harness);
    harness.repository.failNext('saveContact', new ConflictError('version moved'));

    // Act
    const result = await editContact(worded(harness), { token: tokenFor(harness, 'edit'), form: { role: 'Tech Lead' } });

    // Assess
    const stored = harness.repository.storedContact('owner', CONTACT_ID);
    expect(result.ok && result.view.contact).toEqual(stored);
    expect(stored.role).toBe('Tech Lead');
    expect(stored.history.filter((entry) => entry.type === 'edited')).toHaveLength(1);
  });

  it('changes nothing and writes nothing when the form is unchanged', async () => {
    // Prepare
    const harness = createHarness();
    seed(harness);

    // Act
    const result = await editContact(worded(harness), { token: tokenFor(harness, 'edit'), form: { company: 'Acme' } });

    // Assess
    expect(result).toMatchObject({ ok: true, changed: [] });
    expect(harness.repository.calls.saveContact).toBeUndefined();
    expect(harness.repository.calls.savePlan).toBeUndefined();
  });
});

describe('listContactViews', () => {
  it('sorts by next due, nothing scheduled last', async () => {
    // Prepare
    const harness = createHarness();
    seed(harness, 'c00000000000000000c3', { status: 'stopped', nextPrompt: null, nextDueAt: null }, 'Stopped Co');
    seed(harness, 'c00000000000000000c1', { nextDueAt: '2026-06-01T07:00:00.000Z' }, 'Later Co');
    seed(harness, 'c00000000000000000c2', { nextDueAt: '2026-04-01T07:00:00.000Z' }, 'Sooner Co');

    // Act
    const views = await listContactViews(harness.deps, 'owner');

    // Assess
    expect(views.map((view) => view.contact.company)).toEqual(['Sooner Co', 'Later Co', 'Stopped Co']);
  });
});

describe('resendPrompt', () => {
  it('sends a fresh email with new links for the last prompt, leaving the schedule as it is', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-07-01T10:00:00.000Z' });
    seed(harness);
    const before = harness.repository.storedPlan('owner', CONTACT_ID);

    // Act
    const result = await resendPrompt(harness.deps, { ownerId: 'owner', contactId: CONTACT_ID });

    // Assess
    expect(result).toMatchObject({ status: 'sent', prompt: 'thank-you' });
    const after = harness.repository.storedPlan('owner', CONTACT_ID);
    expect(after).toMatchObject({ nextPrompt: before.nextPrompt, nextDueAt: before.nextDueAt, checkInsSent: before.checkInsSent });
    expect(after.sentLog).toHaveLength(2);
    const link = linkIn(harness.mailer.sent[0]?.text ?? '', 'sent') as string;
    expect(harness.deps.signer.verify(tokenOf(link), harness.clock.now()).exp).toBeGreaterThan(
      Math.floor(harness.clock.now().getTime() / 1000) + 89 * 86_400,
    );
  });

  it('sends at most one fresh email per contact every few minutes', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-07-01T10:00:00.000Z' });
    seed(harness);

    // Act
    await resendPrompt(harness.deps, { ownerId: 'owner', contactId: CONTACT_ID });
    const tooSoon = await resendPrompt(harness.deps, { ownerId: 'owner', contactId: CONTACT_ID });
    harness.clock.advance({ minutes: RESEND_COOLDOWN_MINUTES, seconds: 1 });
    const later = await resendPrompt(harness.deps, { ownerId: 'owner', contactId: CONTACT_ID });

    // Assess
    expect(tooSoon).toEqual({ status: 'too-soon', retryAfter: '2026-07-01T10:10:00.000Z' });
    expect(later.status).toBe('sent');
    expect(harness.mailer.sent).toHaveLength(2);
  });
});
