import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidTokenError, NotFoundError, TransientError } from '../../../functions/core/errors.js';
import { buildActionUrl, createLinkSigner } from '../../../functions/core/links/link-signer.js';
import type { ActionKind, Plan } from '../../../functions/core/model.js';
import { createInitialPlan } from '../../../functions/core/plan/plan-rules.js';
import { ingestMessage } from '../../../functions/core/use-cases/ingest-message.js';
import { performAction, previewAction } from '../../../functions/core/use-cases/perform-action.js';
import { createHarness, PASSING_VERDICTS, TEST_SIGNING_KEYS, type Harness } from '../../support/engine-harness.js';
import { tokenOf } from '../../support/fake-renderer.js';
import { buildInlineForward, INVITATION_BODY } from '../../support/mime-samples.js';
import { makeContact } from '../../support/sample-contacts.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPageTexts } from '../../../functions/core/pages/page-texts.js';

/** The shipped page words (templates/pages/texts.hbs), which the sentences below come from. */
const texts = createPageTexts(readFileSync(fileURLToPath(new URL('../../../templates/pages/texts.hbs', import.meta.url)), 'utf8'));
const worded = (harness: Harness) => ({ ...harness.deps, texts });

const CONTACT_ID = 'a1a1a1a1a1a1a1a1a1a1';

/** Jane Doe at Acme, thank-you sent on 2 March, first check-in due 2 April. */
function seedTracked(harness: Harness): void {
  const plan: Plan = {
    ...createInitialPlan({ ownerId: 'owner', contactId: CONTACT_ID, firstPrompt: 'thank-you', now: new Date('2026-03-02T10:00:00.000Z') }),
    nextPrompt: 'check-in',
    nextDueAt: '2026-04-02T07:00:00.000Z',
    sentLog: [{ at: '2026-03-02T10:00:00.000Z', prompt: 'thank-you' }],
  };
  harness.repository.seed(makeContact({ contactId: CONTACT_ID }), plan);
}

function tokenFor(harness: Harness, action: ActionKind, options: { ownerId?: string; contactId?: string } = {}): string {
  return tokenOf(
    buildActionUrl({
      signer: harness.deps.signer,
      baseUrl: harness.deps.owner.actionsBaseUrl,
      ownerId: options.ownerId ?? 'owner',
      contactId: options.contactId ?? CONTACT_ID,
      now: harness.clock.now(),
      action,
    }),
  );
}

function actionEntries(harness: Harness) {
  return harness.repository.storedContact('owner', CONTACT_ID).history.filter((entry) => entry.type === 'action');
}

describe('previewAction', () => {
  it('says what a snooze will do, in the owner\'s words and zone, and changes nothing', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-05T16:00:00.000Z' });
    seedTracked(harness);
    const before = harness.repository.storedPlan('owner', CONTACT_ID);
    const token = tokenFor(harness, 'snooze-1w');

    // Act
    const preview = await previewAction(worded(harness), { token });

    // Assess
    expect(preview).toMatchObject({
      action: 'snooze-1w',
      title: 'Snooze Acme - Jane Doe until 12 March?',
      applicable: true,
      alreadyDone: false,
      effect: { status: 'snoozed', snoozedUntil: '2026-03-12T08:00:00.000Z' },
    });
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toEqual(before);
    expect(harness.repository.calls.savePlan).toBeUndefined();
    expect(harness.repository.calls.saveContact).toBeUndefined();
  });

  it('shows the year for a date in another year, and owner-wide pages without a contact', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-11-20T10:00:00.000Z' });
    seedTracked(harness);

    // Act
    const snooze = await previewAction(worded(harness), { token: tokenFor(harness, 'snooze-3m') });
    const overview = await previewAction(worded(harness), { token: tokenFor(harness, 'overview', { contactId: '*' }) });

    // Assess
    expect(snooze.title).toBe('Snooze Acme - Jane Doe until 20 February 2027?');
    expect(overview).toMatchObject({ action: 'overview', view: null });
  });

  it('rejects a token of another owner, a tampered token and an unknown contact', async () => {
    // Prepare
    const harness = createHarness();
    seedTracked(harness);
    const tampered = tokenFor(harness, 'stop').replace(/.$/, (char) => (char === 'A' ? 'B' : 'A'));

    // Act / Assess
    await expect(previewAction(worded(harness), { token: tokenFor(harness, 'stop', { ownerId: 'other' }) })).rejects.toMatchObject({
      reason: 'wrong-owner',
    });
    await expect(previewAction(worded(harness), { token: tampered })).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(
      previewAction(worded(harness), { token: tokenFor(harness, 'stop', { contactId: 'b2b2b2b2b2b2b2b2b2b2' }) }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('performAction', () => {
  it('applies a snooze once: the same link posted twice gives the same state and one history entry', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-05T16:00:00.000Z' });
    seedTracked(harness);
    const token = tokenFor(harness, 'snooze-1m');

    // Act
    const first = await performAction(worded(harness), { token, requestId: 'req-1' });
    const planAfterFirst = harness.repository.storedPlan('owner', CONTACT_ID);
    harness.clock.advance({ seconds: 5 });
    const second = await performAction(worded(harness), { token, requestId: 'req-2' });

    // Assess
    expect(first).toMatchObject({ status: 'applied', title: 'Snoozed Acme - Jane Doe until 5 April' });
    expect(second.status).toBe('already-done');
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toEqual(planAfterFirst);
    expect(planAfterFirst).toMatchObject({ status: 'snoozed', nextDueAt: '2026-04-05T07:00:00.000Z' });
    expect(actionEntries(harness)).toHaveLength(1);
    expect(actionEntries(harness)[0]).toMatchObject({ action: 'snooze-1m', detail: 'snoozed until 5 April' });
  });

  it('keeps one history entry when the page submits twice at the same moment', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-05T16:00:00.000Z' });
    seedTracked(harness);
    const token = tokenFor(harness, 'stop');

    // Act
    const results = await Promise.all([
      performAction(worded(harness), { token, requestId: 'req-1' }),
      performAction(worded(harness), { token, requestId: 'req-2' }),
    ]);

    // Assess
    expect(results.map((result) => result.status).sort()).toEqual(['already-done', 'applied']);
    expect(actionEntries(harness)).toHaveLength(1);
    expect(harness.repository.storedPlan('owner', CONTACT_ID).status).toBe('stopped');
  });

  it('offers an undo link that works, after which the original link may act again', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-05T16:00:00.000Z' });
    seedTracked(harness);
    const snooze = tokenFor(harness, 'snooze-1w');

    // Act
    const snoozed = await performAction(worded(harness), { token: snooze, requestId: 'req-1' });
    const undo = await performAction(worded(harness), { token: tokenOf(snoozed.undo?.url as string), requestId: 'req-2' });
    const planAfterUndo = harness.repository.storedPlan('owner', CONTACT_ID);
    const again = await performAction(worded(harness), { token: snooze, requestId: 'req-3' });

    // Assess
    expect(snoozed.undo).toMatchObject({ action: 'resume' });
    expect(undo).toMatchObject({ status: 'applied', action: 'resume' });
    expect(planAfterUndo).toMatchObject({ status: 'active', snoozedUntil: null, nextPrompt: 'check-in' });
    expect(again.status).toBe('applied');
    expect(actionEntries(harness).map((entry) => entry.action)).toEqual(['snooze-1w', 'resume', 'snooze-1w']);
  });

  it('"I sent it" resets the clock and has no undo link', async () => {
    // Prepare: the owner sent the thank-you three days late
    const harness = createHarness({ start: '2026-03-05T16:00:00.000Z' });
    seedTracked(harness);

    // Act
    const outcome = await performAction(worded(harness), { token: tokenFor(harness, 'sent'), requestId: 'req-1' });

    // Assess
    expect(outcome).toMatchObject({ status: 'applied', undo: null, title: 'Noted: you wrote to Acme - Jane Doe' });
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toMatchObject({
      anchorAt: '2026-03-05T16:00:00.000Z',
      nextPrompt: 'check-in',
      nextDueAt: '2026-04-05T07:00:00.000Z',
      lastAction: 'sent',
    });
    expect(outcome.message).toBe('Next: the check-in, on 5 April.');
  });

  it('says "not applicable" and records nothing for a snooze on a stopped contact', async () => {
    // Prepare
    const harness = createHarness();
    seedTracked(harness);
    await performAction(worded(harness), { token: tokenFor(harness, 'stop'), requestId: 'req-1' });

    // Act
    const outcome = await performAction(worded(harness), { token: tokenFor(harness, 'snooze-1w'), requestId: 'req-2' });

    // Assess
    expect(outcome).toMatchObject({ status: 'not-applicable', undo: null });
    expect(outcome.message).toMatch(/stopped/);
    expect(actionEntries(harness)).toHaveLength(1);
  });

  it('refuses links that open pages, other owners\' links and links signed with an unknown key, changing nothing', async () => {
    // Prepare
    const harness = createHarness();
    seedTracked(harness);
    const before = harness.repository.storedPlan('owner', CONTACT_ID);
    const foreign = createLinkSigner({ keys: { x9: 'x'.repeat(40) }, currentKeyId: 'x9' }).sign({
      ownerId: 'owner',
      contactId: CONTACT_ID,
      action: 'stop',
      exp: Math.floor(harness.clock.now().getTime() / 1000) + 3600,
    });

    // Act / Assess
    await expect(performAction(worded(harness), { token: tokenFor(harness, 'edit'), requestId: 'r' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      performAction(worded(harness), { token: tokenFor(harness, 'stop', { ownerId: 'other' }), requestId: 'r' }),
    ).rejects.toMatchObject({ reason: 'wrong-owner' });
    await expect(performAction(worded(harness), { token: foreign, requestId: 'r' })).rejects.toMatchObject({ reason: 'unknown-key' });
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toEqual(before);
    expect(actionEntries(harness)).toHaveLength(0);
  });

  it('rejects an expired link', async () => {
    // Prepare
    const harness = createHarness();
    seedTracked(harness);
    const token = tokenFor(harness, 'stop');
    harness.clock.advance({ days: 91 });

    // Act
    const attempt = performAction(worded(harness), { token, requestId: 'r' });

    // Assess
    await expect(attempt).rejects.toMatchObject({ reason: 'expired' });
  });

  it('is safe to retry after a crash between the plan write and the history write', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-03-05T16:00:00.000Z' });
    seedTracked(harness);
    const token = tokenFor(harness, 'snooze-1w');
    harness.repository.failNext('saveContact', new TransientError('timeout'));

    // Act
    await expect(performAction(worded(harness), { token, requestId: 'req-1' })).rejects.toThrow(TransientError);
    const afterCrash = harness.repository.storedPlan('owner', CONTACT_ID);
    const retry = await performAction(worded(harness), { token, requestId: 'req-1' });

    // Assess: the check-in was rolled back once, not twice
    expect(afterCrash.status).toBe('snoozed');
    expect(retry.status).toBe('applied');
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toMatchObject({
      status: 'snoozed',
      checkInsSent: 0,
      nextDueAt: '2026-03-12T08:00:00.000Z',
    });
    expect(actionEntries(harness)).toHaveLength(1);
  });

  it('"track anyway" turns a needs-review item into a contact and sends its thank-you at once; undo is ignore', async () => {
    // Prepare
    const harness = createHarness();
    const raw = await buildInlineForward({
      originalFrom: 'Tom Becker <tom.becker@northwind.example>',
      originalSubject: 'Interview invitation: Data Analyst',
      body: INVITATION_BODY,
    });
    const ingested = await ingestMessage(harness.deps, {
      raw,
      rawMailKey: 'inbound/2',
      envelopeFrom: null,
      verdicts: PASSING_VERDICTS,
    });
    const contactId = (ingested as { contactId: string }).contactId;

    // Act
    const outcome = await performAction(worded(harness), { token: tokenFor(harness, 'track', { contactId }), requestId: 'r' });

    // Assess
    expect(outcome).toMatchObject({ status: 'applied', promptSent: true, undo: { action: 'ignore' } });
    expect(harness.renderer.rendered.map((item) => item.prompt)).toEqual(['needs-review', 'thank-you']);
    expect(harness.repository.storedPlan('owner', contactId)).toMatchObject({ status: 'active', lease: null });
    expect(outcome.view.plan.sentLog.at(-1)?.prompt).toBe('thank-you');
  });

  it('ignore sets a needs-review item aside; its undo link tracks it after all', async () => {
    // Prepare
    const harness = createHarness();
    const plan = createInitialPlan({ ownerId: 'owner', contactId: CONTACT_ID, firstPrompt: 'needs-review', now: harness.clock.now() });
    harness.repository.seed(makeContact({ contactId: CONTACT_ID, isRejection: false, kind: 'other' }), { ...plan, nextPrompt: null, nextDueAt: null });

    // Act
    const ignored = await performAction(worded(harness), { token: tokenFor(harness, 'ignore'), requestId: 'r1' });

    // Assess
    expect(ignored).toMatchObject({ status: 'applied', undo: { action: 'track' } });
    expect(harness.repository.storedPlan('owner', CONTACT_ID)).toMatchObject({ status: 'ignored', nextDueAt: null });
    const signer = createLinkSigner({ keys: TEST_SIGNING_KEYS, currentKeyId: 'k2' });
    expect(signer.verify(tokenOf(ignored.undo?.url as string), harness.clock.now()).action).toBe('track');
  });
});
