import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../functions/core/errors.js';
import type { Contact, Plan } from '../../../functions/core/model.js';
import { createInitialPlan } from '../../../functions/core/plan/plan-rules.js';
import { CLAIM_LEASE_MINUTES, deliverPrompt, dispatchDue } from '../../../functions/core/use-cases/dispatch-due.js';
import { ingestMessage } from '../../../functions/core/use-cases/ingest-message.js';
import { createHarness, PASSING_VERDICTS, type Harness } from '../../support/engine-harness.js';
import { buildInlineForward } from '../../support/mime-samples.js';
import { makeContact } from '../../support/sample-contacts.js';

/** Ingests the sample rejection (Monday 2 March 2026, 10:00 UTC) and returns its contact id. */
async function ingestSample(harness: Harness): Promise<string> {
  const raw = await buildInlineForward();
  const result = await ingestMessage(harness.deps, {
    raw,
    rawMailKey: 'inbound/1',
    envelopeFrom: 'alex.morgan@example.net',
    verdicts: PASSING_VERDICTS,
  });
  if (result.outcome !== 'tracked') throw new Error(`not tracked: ${result.outcome}`);
  return result.contactId;
}

/** Seeds a contact whose check-in is due at `dueAt`. */
function seedDue(harness: Harness, contactId: string, dueAt: string): void {
  const contact: Contact = makeContact({ contactId });
  const plan: Plan = {
    ...createInitialPlan({ ownerId: 'owner', contactId, firstPrompt: 'thank-you', now: new Date('2026-01-01T10:00:00.000Z') }),
    nextPrompt: 'check-in',
    nextDueAt: dueAt,
    sentLog: [{ at: '2026-01-01T10:00:00.000Z', prompt: 'thank-you' }],
  };
  harness.repository.seed(contact, plan);
}

describe('dispatchDue', () => {
  it('sends the feedback follow-up after 2 weeks and the first check-in after a month, at 09:00 Berlin, not a minute before', async () => {
    // Prepare: the sample rejection gives no reason, so the thank-you asked for feedback
    const harness = createHarness();
    const contactId = await ingestSample(harness);
    const firstDue = harness.repository.storedPlan('owner', contactId).nextDueAt;

    // Act
    harness.clock.set('2026-03-16T07:59:00.000Z');
    const early = await dispatchDue(harness.deps);
    harness.clock.set('2026-03-16T08:00:00.000Z');
    const feedback = await dispatchDue(harness.deps);
    const again = await dispatchDue(harness.deps);
    const secondDue = harness.repository.storedPlan('owner', contactId).nextDueAt;
    harness.clock.set('2026-04-02T07:00:00.000Z');
    const checkIn = await dispatchDue(harness.deps);

    // Assess: 16 March is winter time (UTC+1), 2 April summer time (UTC+2)
    expect(firstDue).toBe('2026-03-16T08:00:00.000Z');
    expect(early).toEqual({ due: 0, claimed: 0, sent: 0, skipped: 0, failed: 0 });
    expect(feedback).toEqual({ due: 1, claimed: 1, sent: 1, skipped: 0, failed: 0 });
    expect(again.sent).toBe(0);
    expect(secondDue).toBe('2026-04-02T07:00:00.000Z');
    expect(checkIn.sent).toBe(1);
    expect(harness.renderer.rendered.map((item) => item.prompt)).toEqual(['thank-you', 'feedback-follow-up', 'check-in']);
    expect(harness.repository.storedPlan('owner', contactId)).toMatchObject({
      checkInsSent: 1,
      unansweredCheckIns: 1,
      feedbackPending: false,
      nextPrompt: 'check-in',
      nextDueAt: '2026-06-02T07:00:00.000Z',
      lease: null,
    });
  });

  it('keeps going when one delivery fails, and the failed one goes out on the next sweep', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'aaaaaaaaaaaaaaaaaaa1', '2026-05-01T07:00:00.000Z');
    seedDue(harness, 'aaaaaaaaaaaaaaaaaaa2', '2026-05-01T08:00:00.000Z');
    seedDue(harness, 'aaaaaaaaaaaaaaaaaaa3', '2026-05-01T09:00:00.000Z');
    harness.mailer.failNext(new TransientError('SES throttled'));

    // Act
    const first = await dispatchDue(harness.deps);
    const second = await dispatchDue(harness.deps);

    // Assess
    expect(first).toEqual({ due: 3, claimed: 3, sent: 2, skipped: 0, failed: 1 });
    expect(second).toEqual({ due: 1, claimed: 1, sent: 1, skipped: 0, failed: 0 });
    expect(harness.mailer.sent).toHaveLength(3);
    expect(harness.log.entries.some((entry) => entry.level === 'error' && entry.message === 'prompt failed')).toBe(true);
  });

  it('throws a TransientError when every due delivery failed, after trying each', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'bbbbbbbbbbbbbbbbbbb1', '2026-05-01T07:00:00.000Z');
    seedDue(harness, 'bbbbbbbbbbbbbbbbbbb2', '2026-05-01T08:00:00.000Z');
    harness.mailer.failNext(new Error('connection reset'), 2);

    // Act
    const sweep = dispatchDue(harness.deps);

    // Assess
    await expect(sweep).rejects.toThrow(TransientError);
    await expect(sweep).rejects.toThrow('all 2 due prompts failed');
    expect(harness.repository.storedPlan('owner', 'bbbbbbbbbbbbbbbbbbb1').lease).toBeNull();
    expect(harness.repository.storedPlan('owner', 'bbbbbbbbbbbbbbbbbbb2').lease).toBeNull();
  });

  it('handles the oldest due prompts first when more are due than one sweep takes', async () => {
    // Prepare: ids chosen to land in three different shards of the due index (1, 0 and 2; see dueShardOf)
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'iiiiiiiiiiiiiiiiiii2', '2026-05-01T09:00:00.000Z');
    seedDue(harness, 'jjjjjjjjjjjjjjjjjjj2', '2026-04-30T07:00:00.000Z');
    seedDue(harness, 'iiiiiiiiiiiiiiiiiii3', '2026-05-01T07:00:00.000Z');

    // Act
    const first = await dispatchDue(harness.deps, { limit: 2 });
    const second = await dispatchDue(harness.deps, { limit: 2 });

    // Assess
    expect(first).toMatchObject({ due: 2, sent: 2 });
    expect(second).toMatchObject({ due: 1, sent: 1 });
    expect(harness.renderer.rendered.map((item) => item.contact.contactId)).toEqual([
      'jjjjjjjjjjjjjjjjjjj2',
      'iiiiiiiiiiiiiiiiiii3',
      'iiiiiiiiiiiiiiiiiii2',
    ]);
  });

  it('returns zero counts when nothing is due', async () => {
    // Prepare
    const harness = createHarness();

    // Act
    const result = await dispatchDue(harness.deps);

    // Assess
    expect(result).toEqual({ due: 0, claimed: 0, sent: 0, skipped: 0, failed: 0 });
  });

  it('delivers a plan claimed by a dispatcher that crashed, once its lease expires, exactly once', async () => {
    // Prepare: a dispatcher claims the due plan and dies before sending
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'ccccccccccccccccccc1', '2026-05-01T07:00:00.000Z');
    const [ref] = await harness.repository.findDue(harness.clock.now(), 10);
    if (!ref) throw new Error('not due');
    const leaseUntil = new Date(harness.clock.now().getTime() + CLAIM_LEASE_MINUTES * 60_000);
    await harness.repository.claimDue(ref, harness.clock.now(), leaseUntil, 'crashed-dispatcher');

    // Act
    const whileLeased = await dispatchDue(harness.deps);
    harness.clock.advance({ minutes: CLAIM_LEASE_MINUTES, seconds: 1 });
    const afterLease = await dispatchDue(harness.deps);
    const later = await dispatchDue(harness.deps);

    // Assess
    expect(whileLeased).toEqual({ due: 1, claimed: 0, sent: 0, skipped: 1, failed: 0 });
    expect(afterLease).toEqual({ due: 1, claimed: 1, sent: 1, skipped: 0, failed: 0 });
    expect(later.due).toBe(0);
    expect(harness.mailer.sent).toHaveLength(1);
  });

  it('lets only one of two concurrent dispatchers send a prompt', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'ddddddddddddddddddd1', '2026-05-01T07:00:00.000Z');

    // Act
    const [one, two] = await Promise.all([dispatchDue(harness.deps), dispatchDue(harness.deps)]);

    // Assess
    expect(one.sent + two.sent).toBe(1);
    expect(harness.mailer.sent).toHaveLength(1);
  });

  it('touches only the plan on the hot path: the contact is read, never written', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'eeeeeeeeeeeeeeeeeee1', '2026-05-01T07:00:00.000Z');

    // Act
    await dispatchDue(harness.deps);

    // Assess
    expect(harness.repository.calls).toMatchObject({ findDue: 1, claimDue: 1, getContact: 1, savePlan: 1 });
    expect(harness.repository.calls.saveContact).toBeUndefined();
  });

  it('keeps the owner\'s choice when an action changed the plan between claim and send', async () => {
    // Prepare: claim, then the owner stops the contact while the email is being sent
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'fffffffffffffffffff1', '2026-05-01T07:00:00.000Z');
    const [ref] = await harness.repository.findDue(harness.clock.now(), 10);
    const original = harness.mailer.sendToOwner.bind(harness.mailer);
    harness.mailer.sendToOwner = async (email) => {
      const plan = harness.repository.storedPlan('owner', 'fffffffffffffffffff1');
      await harness.repository.savePlan({ ...plan, status: 'stopped', nextPrompt: null, nextDueAt: null, version: plan.version + 1 });
      return original(email);
    };

    // Act
    const result = await deliverPrompt(harness.deps, ref as NonNullable<typeof ref>);

    // Assess
    expect(result.status).toBe('sent');
    expect(harness.repository.storedPlan('owner', 'fffffffffffffffffff1')).toMatchObject({
      status: 'stopped',
      nextDueAt: null,
      lease: null,
    });
  });

  it('counts a prompt as sent when only the advance failed, and sends it again once the lease expires', async () => {
    // Prepare: the table fails the write after the email went out
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    seedDue(harness, 'hhhhhhhhhhhhhhhhhhh1', '2026-05-01T07:00:00.000Z');
    harness.repository.failNext('savePlan', new TransientError('throttled'));

    // Act
    const first = await dispatchDue(harness.deps);
    const whileLeased = await dispatchDue(harness.deps);
    harness.clock.advance({ minutes: CLAIM_LEASE_MINUTES, seconds: 1 });
    const afterLease = await dispatchDue(harness.deps);

    // Assess: one duplicate at most, never a lost prompt
    expect(first).toMatchObject({ sent: 1, failed: 0 });
    expect(whileLeased.sent).toBe(0);
    expect(afterLease.sent).toBe(1);
    expect(harness.mailer.sent).toHaveLength(2);
    expect(harness.repository.storedPlan('owner', 'hhhhhhhhhhhhhhhhhhh1')).toMatchObject({ checkInsSent: 1, lease: null });
  });

  it('takes a plan whose contact is missing out of the due index instead of failing every sweep', async () => {
    // Prepare
    const harness = createHarness({ start: '2026-05-01T10:00:00.000Z' });
    const plan: Plan = {
      ...createInitialPlan({ ownerId: 'owner', contactId: 'ggggggggggggggggggg1', firstPrompt: 'thank-you', now: new Date('2026-05-01T07:00:00.000Z') }),
    };
    await harness.repository.createPlan(plan);

    // Act
    const result = await dispatchDue(harness.deps);

    // Assess
    expect(result).toMatchObject({ due: 1, skipped: 1, sent: 0 });
    expect(harness.repository.storedPlan('owner', 'ggggggggggggggggggg1')).toMatchObject({ nextDueAt: null, lease: null });
    expect(harness.mailer.sent).toHaveLength(0);
  });
});
