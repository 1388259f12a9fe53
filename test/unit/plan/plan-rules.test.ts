import { describe, expect, it } from 'vitest';
import type { Plan, PromptKind } from '../../../functions/core/model.js';
import { PLAN_SENT_LOG_CAP } from '../../../functions/core/model.js';
import {
  advanceAfterPrompt,
  checkInGapMonths,
  computeNextPrompt,
  createInitialPlan,
  decideFeedbackAsked,
  DEFAULT_CADENCE,
  type PlanContext,
} from '../../../functions/core/plan/plan-rules.js';
import { applyPlanAction } from '../../../functions/core/plan/plan-actions.js';
import { makeSignals } from '../../support/sample-contacts.js';

const berlin: PlanContext = { timeZone: 'Europe/Berlin', sendHour: 9, cadence: DEFAULT_CADENCE };
/** Monday 2 March 2026, 11:00 in Berlin. */
const T0 = new Date('2026-03-02T10:00:00.000Z');
const askable = { signals: makeSignals(), noReply: false, contactEmail: 'jane.doe@acme.example' };
const withReason = { ...askable, signals: makeSignals({ reasons: ['more experience with payments'] }) };

/** Sends whatever is next, at its due time, and returns the advanced plan. */
function sendNext(plan: Plan, context: PlanContext = berlin, contact = askable): Plan {
  if (!plan.nextPrompt || !plan.nextDueAt) throw new Error('nothing due');
  return advanceAfterPrompt(plan, { prompt: plan.nextPrompt, contact, sentAt: new Date(plan.nextDueAt) }, context);
}

function thankYouSent(context: PlanContext = berlin, contact = askable): Plan {
  const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });
  return sendNext(plan, context, contact);
}

function schedule(plan: Plan, count: number, context: PlanContext = berlin): { prompt: PromptKind | null; at: string | null }[] {
  const seen: { prompt: PromptKind | null; at: string | null }[] = [];
  let current = plan;
  for (let index = 0; index < count && current.nextPrompt; index += 1) {
    seen.push({ prompt: current.nextPrompt, at: current.nextDueAt });
    current = sendNext(current, context);
  }
  return seen;
}

/** The size DynamoDB bills for an item (names + values; 3 bytes + 1 per element for maps and lists). */
function dynamoItemSize(item: Record<string, unknown>): number {
  const valueSize = (value: unknown): number => {
    if (value === null || typeof value === 'boolean') return 1;
    if (typeof value === 'string') return Buffer.byteLength(value);
    if (typeof value === 'number') return Math.ceil(String(value).replace(/^-|\./g, '').length / 2) + 1;
    if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
    return 3 + Object.entries(value as object).reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueSize(element), 0);
  };
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);
}

describe('spacing after a late prompt', () => {
  it('never schedules the next prompt within a week of one just sent late (dispatcher down, clock jumped)', () => {
    // Prepare: the thank-you asked for feedback; the follow-up (due 16 March) goes out a month late.
    const plan = thankYouSent();
    const lateSentAt = new Date('2026-04-02T01:00:00.000Z');

    // Act
    const afterLateFollowUp = advanceAfterPrompt(plan, { prompt: 'feedback-follow-up', contact: askable, sentAt: lateSentAt }, berlin);

    // Assess: the first check-in was due 2 April at 09:00 Berlin, the same day; it moves to a week later.
    expect(plan.nextPrompt).toBe('feedback-follow-up');
    expect(afterLateFollowUp.nextPrompt).toBe('check-in');
    expect(afterLateFollowUp.nextDueAt).toBe('2026-04-09T07:00:00.000Z');
  });

  it('leaves prompts sent on time where the cadence puts them', () => {
    // Prepare
    const plan = thankYouSent();

    // Act
    const onTime = sendNext(plan);

    // Assess: the check-in stays at +1 month from the thank-you, 09:00 Berlin.
    expect(onTime.nextPrompt).toBe('check-in');
    expect(onTime.nextDueAt).toBe('2026-04-02T07:00:00.000Z');
  });
});

describe('createInitialPlan', () => {
  it('makes the thank-you (or the needs-review email) due at once', () => {
    // Prepare / Act
    const tracked = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });
    const review = createInitialPlan({ ownerId: 'owner', contactId: 'c2', firstPrompt: 'needs-review', now: T0 });

    // Assess
    expect(tracked).toMatchObject({ status: 'active', nextPrompt: 'thank-you', nextDueAt: T0.toISOString(), version: 1 });
    expect(review).toMatchObject({ status: 'needs-review', nextPrompt: 'needs-review', nextDueAt: T0.toISOString() });
  });
});

describe('the default cadence', () => {
  it('follows the thank-you with the feedback follow-up at +14 days, then check-ins at +1 month and +3 months at 09:00 Berlin', () => {
    // Prepare
    const plan = thankYouSent();

    // Act
    const upcoming = schedule(plan, 3);

    // Assess: 16 March is still winter time (08:00 UTC); April and June are summer time (07:00 UTC)
    expect(upcoming).toEqual([
      { prompt: 'feedback-follow-up', at: '2026-03-16T08:00:00.000Z' },
      { prompt: 'check-in', at: '2026-04-02T07:00:00.000Z' },
      { prompt: 'check-in', at: '2026-06-02T07:00:00.000Z' },
    ]);
    expect(plan.feedbackPending).toBe(true);
  });

  it('goes quiet after two unanswered check-ins and schedules nothing more', () => {
    // Prepare
    let plan = thankYouSent(berlin, withReason);

    // Act
    plan = sendNext(plan); // check-in 1
    const afterFirst = plan;
    plan = sendNext(plan); // check-in 2

    // Assess
    expect(afterFirst).toMatchObject({ status: 'active', unansweredCheckIns: 1, nextPrompt: 'check-in' });
    expect(plan).toMatchObject({ status: 'quiet', unansweredCheckIns: 2, checkInsSent: 2, nextPrompt: null, nextDueAt: null });
  });

  it('widens to +1, +3, +6, +12 months and then every 6 months when the owner answers each check-in', () => {
    // Prepare
    let plan = thankYouSent(berlin, withReason);
    const dues: string[] = [];

    // Act: each check-in is answered ("I sent it") on the day it arrives, at 09:00 local
    for (let index = 0; index < 6; index += 1) {
      dues.push(plan.nextDueAt as string);
      const sentAt = new Date(plan.nextDueAt as string);
      plan = advanceAfterPrompt(plan, { prompt: 'check-in', contact: withReason, sentAt }, berlin);
      const answered = applyPlanAction(plan, withReason, 'sent', sentAt, berlin);
      if (!answered.applicable) throw new Error('not applicable');
      plan = answered.plan;
    }

    // Assess: months after 2 March 2026: 1, 3, 6, 12, 18, 24; never quiet
    expect(dues).toEqual([
      '2026-04-02T07:00:00.000Z',
      '2026-06-02T07:00:00.000Z',
      '2026-09-02T07:00:00.000Z',
      '2027-03-02T08:00:00.000Z',
      '2027-09-02T07:00:00.000Z',
      '2028-03-02T08:00:00.000Z',
    ]);
    expect(plan.status).toBe('active');
    expect(plan.checkInsSent).toBe(6);
  });

  it('"I sent it" resets the clock: the next check-in is counted from the click, the unanswered counter is 0', () => {
    // Prepare: first check-in sent on 2 April, owner answers on 5 April
    let plan = sendNext(thankYouSent(berlin, withReason));
    const clickedAt = new Date('2026-04-05T16:30:00.000Z');

    // Act
    const result = applyPlanAction(plan, withReason, 'sent', clickedAt, berlin);

    // Assess: +2 months (3 - 1) from 5 April, at 09:00 CEST
    if (!result.applicable) throw new Error('not applicable');
    plan = result.plan;
    expect(plan).toMatchObject({ anchorAt: clickedAt.toISOString(), unansweredCheckIns: 0, checkInsSent: 1 });
    expect(plan.nextDueAt).toBe('2026-06-05T07:00:00.000Z');
  });

  it('counts from the anchor across month ends (check-in due on the last day of February)', () => {
    // Prepare: thank-you on 31 January 2027, no feedback pending
    const start = new Date('2027-01-31T12:00:00.000Z');
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: start });

    // Act
    const afterThankYou = advanceAfterPrompt(plan, { prompt: 'thank-you', contact: withReason, sentAt: start }, berlin);

    // Assess
    expect(afterThankYou.nextDueAt).toBe('2027-02-28T08:00:00.000Z');
  });

  it('never goes quiet when quietAfter is off', () => {
    // Prepare
    const context: PlanContext = { ...berlin, cadence: { ...DEFAULT_CADENCE, quietAfterUnanswered: 0 } };
    let plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });
    plan = sendNext(plan, context, withReason);

    // Act
    for (let index = 0; index < 5; index += 1) plan = sendNext(plan, context, withReason);

    // Assess: 5 check-ins unanswered, still active, and next one 6 months after the 5th
    expect(plan).toMatchObject({ status: 'active', unansweredCheckIns: 5, checkInsSent: 5, nextPrompt: 'check-in' });
    expect(plan.nextDueAt).toBe('2028-03-02T08:00:00.000Z');
  });

  it('follows an owner cadence from the spec (feedback off, check-ins at 2 and 5 months, then yearly)', () => {
    // Prepare
    const context: PlanContext = {
      ...berlin,
      cadence: { feedbackFollowUpDays: 0, checkInMonths: [2, 5], thenEveryMonths: 12, quietAfterUnanswered: 0 },
    };
    const plan = thankYouSent(context, askable);

    // Act
    const upcoming = schedule(plan, 3, context);

    // Assess
    expect(upcoming.map((item) => item.prompt)).toEqual(['check-in', 'check-in', 'check-in']);
    expect(upcoming.map((item) => item.at)).toEqual([
      '2026-05-02T07:00:00.000Z',
      '2026-08-02T07:00:00.000Z',
      '2027-08-02T07:00:00.000Z',
    ]);
  });
});

describe('feedback follow-up', () => {
  it('is asked unless the rejection gave a reason or there is no one to write to', () => {
    // Prepare / Act / Assess
    expect(decideFeedbackAsked(askable)).toBe(true);
    expect(decideFeedbackAsked(withReason)).toBe(false);
    expect(decideFeedbackAsked({ signals: makeSignals(), noReply: true, contactEmail: null })).toBe(false);
    expect(decideFeedbackAsked({ signals: makeSignals(), noReply: true, contactEmail: 'hr@acme.example' })).toBe(true);
  });

  it('is dropped when the owner marks "they replied"', () => {
    // Prepare
    const plan = thankYouSent();
    const repliedAt = new Date('2026-03-05T09:30:00.000Z');

    // Act
    const result = applyPlanAction(plan, askable, 'replied', repliedAt, berlin);

    // Assess: no follow-up; the first check-in is a month after the reply
    if (!result.applicable) throw new Error('not applicable');
    expect(result.plan).toMatchObject({ feedbackPending: false, nextPrompt: 'check-in', nextDueAt: '2026-04-05T07:00:00.000Z' });
  });

  it('is replaced by the first check-in when the owner set a feedback delay longer than a month', () => {
    // Prepare
    const context: PlanContext = { ...berlin, cadence: { ...DEFAULT_CADENCE, feedbackFollowUpDays: 45 } };

    // Act
    const upcoming = schedule(thankYouSent(context), 2, context);

    // Assess: no follow-up on 16 April, two weeks after the check-in
    expect(upcoming).toEqual([
      { prompt: 'check-in', at: '2026-04-02T07:00:00.000Z' },
      { prompt: 'check-in', at: '2026-06-02T07:00:00.000Z' },
    ]);
  });
});

describe('per-contact cadence', () => {
  it.each([
    ['monthly', ['2026-04-02T07:00:00.000Z', '2026-05-02T07:00:00.000Z', '2026-06-02T07:00:00.000Z']],
    ['quarterly', ['2026-06-02T07:00:00.000Z', '2026-09-02T07:00:00.000Z', '2026-12-02T08:00:00.000Z']],
    ['half-yearly', ['2026-09-02T07:00:00.000Z', '2027-03-02T08:00:00.000Z', '2027-09-02T07:00:00.000Z']],
  ] as const)('%s replaces the default list', (cadence, expected) => {
    // Prepare: never quiet, so three check-ins in a row can be seen
    const context: PlanContext = { ...berlin, cadence: { ...DEFAULT_CADENCE, quietAfterUnanswered: 0 } };
    let plan = createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 });
    plan = { ...plan, cadence };

    // Act
    plan = advanceAfterPrompt(plan, { prompt: 'thank-you', contact: withReason, sentAt: T0 }, context);
    const upcoming = schedule(plan, 3, context);

    // Assess
    expect(upcoming.map((item) => item.at)).toEqual(expected);
  });

  it('"never" schedules nothing after the thank-you, not even the feedback follow-up', () => {
    // Prepare
    const plan = { ...createInitialPlan({ ownerId: 'owner', contactId: 'c1', firstPrompt: 'thank-you', now: T0 }), cadence: 'never' as const };

    // Act
    const after = advanceAfterPrompt(plan, { prompt: 'thank-you', contact: askable, sentAt: T0 }, berlin);

    // Assess
    expect(after).toMatchObject({ status: 'active', nextPrompt: null, nextDueAt: null });
    expect(checkInGapMonths(0, 'never', DEFAULT_CADENCE)).toBeNull();
  });
});

describe('computeNextPrompt', () => {
  it('never makes a snoozed plan due before its snooze ends', () => {
    // Prepare: first check-in would be 2 April; snoozed until 20 April
    const plan: Plan = { ...thankYouSent(berlin, withReason), status: 'snoozed', snoozedUntil: '2026-04-20T07:00:00.000Z' };

    // Act
    const next = computeNextPrompt(plan, berlin);

    // Assess
    expect(next).toEqual({ nextPrompt: 'check-in', nextDueAt: '2026-04-20T07:00:00.000Z' });
  });

  it('schedules nothing for stopped, quiet, ignored and needs-review plans', () => {
    // Prepare
    const base = thankYouSent();

    // Act
    const results = (['stopped', 'quiet', 'ignored', 'needs-review'] as const).map((status) =>
      computeNextPrompt({ ...base, status }, berlin),
    );

    // Assess
    for (const result of results) expect(result).toEqual({ nextPrompt: null, nextDueAt: null });
  });
});

describe('advanceAfterPrompt', () => {
  it('leaves a needs-review item waiting, with nothing scheduled', () => {
    // Prepare
    const plan = createInitialPlan({ ownerId: 'owner', contactId: 'c2', firstPrompt: 'needs-review', now: T0 });

    // Act
    const after = sendNext(plan);

    // Assess
    expect(after).toMatchObject({ status: 'needs-review', nextPrompt: null, nextDueAt: null, sentLog: [{ prompt: 'needs-review' }] });
  });

  it('clears the lease, reactivates a snoozed plan and keeps the plan item small', () => {
    // Prepare: an owner who never goes quiet, 30 check-ins sent
    const context: PlanContext = { ...berlin, cadence: { ...DEFAULT_CADENCE, quietAfterUnanswered: 0 } };
    let plan: Plan = { ...thankYouSent(context), lease: { until: '2026-03-16T08:10:00.000Z', claimId: 'claim-1' } };
    plan = { ...plan, status: 'snoozed', snoozedUntil: plan.nextDueAt };

    // Act
    plan = sendNext(plan, context);
    const afterFirst = plan;
    for (let index = 0; index < 30; index += 1) plan = sendNext(plan, context);

    // Assess
    expect(afterFirst).toMatchObject({ status: 'active', snoozedUntil: null, lease: null });
    expect(plan.sentLog).toHaveLength(PLAN_SENT_LOG_CAP);
    expect(plan.sentLog.at(-1)?.prompt).toBe('check-in');
    // The worst case as stored: full log, a lease, a snooze, the longest prompt names, and
    // the table's key attributes, sized by DynamoDB's rules: one write unit (1 KB).
    const worst: Record<string, unknown> = {
      ...plan,
      contactId: 'f'.repeat(20),
      lease: { until: '2026-03-16T08:10:00.000Z', claimId: '3f2b8c1e-9a4d-4e7b-8c6a-1d2e3f4a5b6c' },
      snoozedUntil: '2026-03-16T08:10:00.000Z',
      lastAction: 'snooze-3m',
      lastActionAt: '2026-03-16T08:10:00.000Z',
      sentLog: plan.sentLog.map((entry) => ({ ...entry, prompt: 'feedback-follow-up' })),
      pk: 'USER#owner',
      sk: `PLAN#${'f'.repeat(20)}`,
      gsi1pk: 'DUE#3',
      gsi1sk: `2026-03-16T08:00:00.000Z#owner#${'f'.repeat(20)}`,
      entity: 'plan',
    };
    expect(dynamoItemSize(worst)).toBeLessThan(1024);
  });
});
