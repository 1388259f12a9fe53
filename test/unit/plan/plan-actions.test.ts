import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../functions/core/model.js';
import { applyPlanAction, type StateAction } from '../../../functions/core/plan/plan-actions.js';
import { advanceAfterPrompt, createInitialPlan, DEFAULT_CADENCE, type PlanContext } from '../../../functions/core/plan/plan-rules.js';
import { makeSignals } from '../../support/sample-contacts.js';

const berlin: PlanContext = { timeZone: 'Europe/Berlin', sendHour: 9, cadence: DEFAULT_CADENCE };
const T0 = new Date('2026-03-02T10:00:00.000Z');
const contact = { signals: makeSignals({ reasons: ['a stronger background in payments'] }), noReply: false, contactEmail: 'jane@acme.example' };

function apply(plan: Plan, action: StateAction, at: string | Date): Plan {
  const result = applyPlanAction(plan, contact, action, new Date(at), berlin);
  if (!result.applicable) throw new Error(`not applicable: ${result.reason}`);
  return result.plan;
}

/** Thank-you sent at T0, then the first check-in sent on 2 April. */
function afterFirstCheckIn(): Plan {
  let plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });
  plan = advanceAfterPrompt(plan, { prompt: 'thank-you', contact, sentAt: T0 }, berlin);
  return advanceAfterPrompt(plan, { prompt: 'check-in', contact, sentAt: new Date(plan.nextDueAt as string) }, berlin);
}

describe('snooze', () => {
  it('puts the last check-in back and sends it again at 09:00 local when the snooze ends', () => {
    // Prepare
    const plan = afterFirstCheckIn();

    // Act: snooze 1 month on Friday 3 April, 18:00 Berlin
    const snoozed = apply(plan, 'snooze-1m', '2026-04-03T16:00:00.000Z');
    const resent = advanceAfterPrompt(snoozed, { prompt: 'check-in', contact, sentAt: new Date(snoozed.nextDueAt as string) }, berlin);

    // Assess: due 3 May 09:00 CEST; counted once when sent again
    expect(snoozed).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2026-05-03T07:00:00.000Z',
      nextPrompt: 'check-in',
      nextDueAt: '2026-05-03T07:00:00.000Z',
      checkInsSent: 0,
      unansweredCheckIns: 0,
      lastAction: 'snooze-1m',
    });
    expect(resent).toMatchObject({ status: 'active', snoozedUntil: null, checkInsSent: 1, unansweredCheckIns: 1 });
    expect(resent.nextDueAt).toBe('2026-07-03T07:00:00.000Z');
  });

  it('snoozing a snoozed contact only moves the date (no double roll-back)', () => {
    // Prepare
    const once = apply(afterFirstCheckIn(), 'snooze-3m', '2026-04-03T16:00:00.000Z');

    // Act
    const twice = apply(once, 'snooze-1w', '2026-04-04T16:00:00.000Z');

    // Assess
    expect(twice).toMatchObject({ checkInsSent: 0, unansweredCheckIns: 0, nextPrompt: 'check-in', snoozedUntil: '2026-04-11T07:00:00.000Z' });
    expect(twice.nextDueAt).toBe('2026-04-11T07:00:00.000Z');
  });

  it('applied twice with the same time gives the same state', () => {
    // Prepare
    const plan = afterFirstCheckIn();
    const at = '2026-04-03T16:00:00.000Z';

    // Act
    const once = apply(plan, 'snooze-1w', at);
    const twice = apply(once, 'snooze-1w', at);

    // Assess
    expect(twice).toEqual(once);
  });

  it('re-sends a thank-you that was snoozed before it was sent', () => {
    // Prepare: a freshly tracked contact whose thank-you is still due
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });

    // Act
    const snoozed = apply(plan, 'snooze-1w', T0);

    // Assess
    expect(snoozed).toMatchObject({ nextPrompt: 'thank-you', nextDueAt: '2026-03-09T08:00:00.000Z', status: 'snoozed' });
  });

  it('does not apply to stopped, needs-review or ignored items', () => {
    // Prepare
    const base = afterFirstCheckIn();

    // Act
    const results = (['stopped', 'needs-review', 'ignored'] as const).map((status) =>
      applyPlanAction({ ...base, status }, contact, 'snooze-1w', T0, berlin),
    );

    // Assess
    for (const result of results) expect(result.applicable).toBe(false);
  });
});

describe('sent / replied', () => {
  it('reactivates a quiet contact and counts the next check-in from now', () => {
    // Prepare: quiet after two unanswered check-ins
    let plan = afterFirstCheckIn();
    plan = advanceAfterPrompt(plan, { prompt: 'check-in', contact, sentAt: new Date(plan.nextDueAt as string) }, berlin);
    expect(plan.status).toBe('quiet');

    // Act
    const replied = apply(plan, 'replied', '2026-06-10T12:00:00.000Z');

    // Assess: step 3 of the list (6 - 3 = 3 months) from 10 June
    expect(replied).toMatchObject({ status: 'active', unansweredCheckIns: 0, nextPrompt: 'check-in', nextDueAt: '2026-09-10T07:00:00.000Z' });
  });

  it('drops a thank-you not sent yet: the owner has written already', () => {
    // Prepare
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });

    // Act
    const sent = apply(plan, 'sent', '2026-03-02T11:00:00.000Z');

    // Assess
    expect(sent).toMatchObject({ nextPrompt: 'check-in', nextDueAt: '2026-04-02T07:00:00.000Z', status: 'active' });
  });

  it('records the fact on a stopped contact but schedules nothing', () => {
    // Prepare
    const stopped = apply(afterFirstCheckIn(), 'stop', '2026-04-03T10:00:00.000Z');

    // Act
    const sent = apply(stopped, 'sent', '2026-04-04T10:00:00.000Z');

    // Assess
    expect(sent).toMatchObject({ status: 'stopped', nextPrompt: null, nextDueAt: null, lastAction: 'sent' });
  });

  it('does not apply to a needs-review item', () => {
    // Prepare
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c2', firstPrompt: 'needs-review', now: T0 });

    // Act
    const result = applyPlanAction(plan, contact, 'sent', T0, berlin);

    // Assess
    expect(result.applicable).toBe(false);
  });
});

describe('stop / resume', () => {
  it('stop takes the contact out of the schedule; resume reschedules from now', () => {
    // Prepare
    const plan = afterFirstCheckIn();

    // Act
    const stopped = apply(plan, 'stop', '2026-04-03T10:00:00.000Z');
    const resumed = apply(stopped, 'resume', '2026-08-20T10:00:00.000Z');

    // Assess
    expect(stopped).toMatchObject({ status: 'stopped', nextPrompt: null, nextDueAt: null });
    expect(resumed).toMatchObject({ status: 'active', anchorAt: '2026-08-20T10:00:00.000Z', nextPrompt: 'check-in' });
    expect(resumed.nextDueAt).toBe('2026-10-20T07:00:00.000Z');
  });

  it('resume of a snoozed contact brings the prompt back from now instead of the snooze date', () => {
    // Prepare
    const snoozed = apply(afterFirstCheckIn(), 'snooze-3m', '2026-04-03T10:00:00.000Z');

    // Act
    const resumed = apply(snoozed, 'resume', '2026-04-03T10:05:00.000Z');

    // Assess
    expect(resumed).toMatchObject({ status: 'active', snoozedUntil: null, nextPrompt: 'check-in', nextDueAt: '2026-05-03T07:00:00.000Z' });
  });

  it('does not touch the lease of a dispatcher holding the plan', () => {
    // Prepare
    const plan: Plan = { ...afterFirstCheckIn(), lease: { until: '2026-04-03T10:10:00.000Z', claimId: 'claim-9' } };

    // Act
    const stopped = apply(plan, 'stop', '2026-04-03T10:00:00.000Z');

    // Assess
    expect(stopped.lease).toEqual({ until: '2026-04-03T10:10:00.000Z', claimId: 'claim-9' });
  });
});

describe('track / ignore', () => {
  it('track turns a needs-review item into a contact with its thank-you due now', () => {
    // Prepare
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c2', firstPrompt: 'needs-review', now: T0 });
    const reviewed = advanceAfterPrompt(plan, { prompt: 'needs-review', contact, sentAt: T0 }, berlin);

    // Act
    const tracked = apply(reviewed, 'track', '2026-03-03T08:00:00.000Z');

    // Assess
    expect(tracked).toMatchObject({ status: 'active', nextPrompt: 'thank-you', nextDueAt: '2026-03-03T08:00:00.000Z' });
  });

  it('ignore sets a needs-review item aside for good; it does not apply to a tracked contact', () => {
    // Prepare
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c2', firstPrompt: 'needs-review', now: T0 });

    // Act
    const ignored = apply(plan, 'ignore', T0);
    const onTracked = applyPlanAction(afterFirstCheckIn(), contact, 'ignore', T0, berlin);

    // Assess
    expect(ignored).toMatchObject({ status: 'ignored', nextPrompt: null, nextDueAt: null });
    expect(onTracked.applicable).toBe(false);
  });
});
