/**
 * What each one-click action does to a plan. Pure: (plan, contact, action, now) -> plan.
 *
 * Each transition is guarded by the current status, so applying the same action again gives
 * the same state (the use case also refuses a replayed token; the guards make a retry after
 * a crash between the plan write and the history write harmless).
 *
 * - sent / replied: reset the clock. The anchor becomes now, the unanswered counter 0, the
 *   next check-in is counted from now (the widening step is kept, see plan-rules.ts);
 *   'replied' also ends a pending feedback follow-up. A pending thank-you is dropped (the
 *   owner has written). Active, snoozed and quiet contacts become active; a stopped contact
 *   stays stopped (the fact is recorded, nothing is scheduled).
 * - snooze-1w / -1m / -3m: "not now, ask me again then". The last prompt sent is put back
 *   (its counters rolled back) and comes again at the owner's send hour on that day;
 *   snoozing a snoozed contact only moves the date.
 * - stop: nothing more is sent, until resume.
 * - resume: from stopped, quiet or snoozed: active, the next prompt counted from now (a
 *   thank-you never sent is due at once).
 * - ignore: a needs-review item is set aside for good.
 * - track: a needs-review (or ignored) item becomes a tracked contact; its thank-you is due at once.
 */
import {
  STATE_ACTION_KINDS,
  type ActionKind,
  type Contact,
  type ContactStatus,
  type Plan,
  type PromptKind,
  type StateActionKind,
} from '../model.js';
import { computeNextPrompt, decideFeedbackAsked, type PlanContext } from './plan-rules.js';
import type { CalendarShift } from '../time/zoned-time.js';
import { addOnOwnerCalendar } from './send-time.js';

/** The actions that change a plan (the others open pages). */
export type StateAction = StateActionKind;

const STATE_ACTION_SET: ReadonlySet<string> = new Set(STATE_ACTION_KINDS);

/** How far each snooze reaches, on the owner's calendar. */
export const SNOOZE_OFFSETS: Record<Extract<StateAction, `snooze-${string}`>, CalendarShift> = {
  'snooze-1w': { days: 7 },
  'snooze-1m': { months: 1 },
  'snooze-3m': { months: 3 },
};

/** The statuses each action applies to. */
export const ACTION_APPLIES_TO: Record<StateAction, readonly ContactStatus[]> = {
  sent: ['active', 'snoozed', 'quiet', 'stopped'],
  replied: ['active', 'snoozed', 'quiet', 'stopped'],
  'snooze-1w': ['active', 'snoozed', 'quiet'],
  'snooze-1m': ['active', 'snoozed', 'quiet'],
  'snooze-3m': ['active', 'snoozed', 'quiet'],
  stop: ['active', 'snoozed', 'quiet', 'stopped'],
  resume: ['active', 'snoozed', 'quiet', 'stopped'],
  ignore: ['needs-review', 'ignored'],
  track: ['needs-review', 'ignored', 'active'],
};

/** True when `action` changes plans (as opposed to opening a page). */
export function isStateAction(action: ActionKind): action is StateAction {
  return STATE_ACTION_SET.has(action);
}

/** The result of applying an action: the new plan (same version), or why it does not apply. */
export type PlanActionResult =
  | { applicable: true; plan: Plan }
  | { applicable: false; reason: string };

/** Applies one action to a plan. Pure; the lease is left as it is. */
export function applyPlanAction(
  plan: Plan,
  contact: Pick<Contact, 'signals' | 'noReply' | 'contactEmail'>,
  action: StateAction,
  now: Date,
  context: PlanContext,
): PlanActionResult {
  if (!ACTION_APPLIES_TO[action].includes(plan.status)) {
    return { applicable: false, reason: notApplicableReason(action, plan.status) };
  }
  const nowIso = now.toISOString();
  const stamped: Plan = { ...plan, lastAction: action, lastActionAt: nowIso };

  switch (action) {
    case 'sent':
    case 'replied': {
      const droppingThankYou = plan.nextPrompt === 'thank-you';
      let next: Plan = {
        ...stamped,
        anchorAt: nowIso,
        unansweredCheckIns: 0,
        snoozedUntil: null,
        status: plan.status === 'stopped' ? 'stopped' : 'active',
        nextPrompt: droppingThankYou ? null : plan.nextPrompt,
        feedbackPending:
          action === 'replied' ? false : droppingThankYou ? decideFeedbackAsked(contact) : plan.feedbackPending,
      };
      next = { ...next, ...computeNextPrompt(next, context) };
      return { applicable: true, plan: next };
    }
    case 'snooze-1w':
    case 'snooze-1m':
    case 'snooze-3m': {
      const until = addOnOwnerCalendar(now, SNOOZE_OFFSETS[action], context).toISOString();
      if (plan.status === 'snoozed') {
        return { applicable: true, plan: { ...stamped, snoozedUntil: until, nextDueAt: until } };
      }
      const requeued = requeueLastPrompt(stamped);
      const nextPrompt = requeued.nextPrompt ?? computeNextPrompt({ ...requeued, status: 'active' }, context).nextPrompt;
      return {
        applicable: true,
        plan: { ...requeued, status: 'snoozed', snoozedUntil: until, nextPrompt: nextPrompt ?? 'check-in', nextDueAt: until },
      };
    }
    case 'stop':
      return {
        applicable: true,
        plan: { ...stamped, status: 'stopped', snoozedUntil: null, nextPrompt: null, nextDueAt: null },
      };
    case 'resume': {
      if (plan.status === 'active') return { applicable: true, plan: stamped };
      // A thank-you never sent is still owed (due now); one put back by a snooze was
      // already delivered once, so resuming goes on with the schedule instead.
      const thankYouOwed = plan.nextPrompt === 'thank-you' && !plan.sentLog.some((entry) => entry.prompt === 'thank-you');
      let next: Plan = {
        ...stamped,
        status: 'active',
        snoozedUntil: null,
        anchorAt: nowIso,
        unansweredCheckIns: 0,
        nextPrompt: thankYouOwed ? 'thank-you' : null,
        nextDueAt: thankYouOwed ? nowIso : null,
      };
      next = { ...next, ...computeNextPrompt(next, context) };
      return { applicable: true, plan: next };
    }
    case 'ignore':
      return { applicable: true, plan: { ...stamped, status: 'ignored', nextPrompt: null, nextDueAt: null } };
    case 'track': {
      if (plan.status === 'active') return { applicable: true, plan: stamped };
      return {
        applicable: true,
        plan: {
          ...stamped,
          status: 'active',
          anchorAt: nowIso,
          checkInsSent: 0,
          unansweredCheckIns: 0,
          feedbackPending: false,
          snoozedUntil: null,
          nextPrompt: 'thank-you',
          nextDueAt: nowIso,
        },
      };
    }
  }
}

/**
 * Puts the most recent prompt back as the next one, undoing its effect on the counters, so
 * that it is sent again (and counted once) when the snooze ends. A thank-you not yet sent
 * simply stays next.
 */
function requeueLastPrompt(plan: Plan): Plan {
  if (plan.nextPrompt === 'thank-you') return plan;
  const last: PromptKind | undefined = plan.sentLog.at(-1)?.prompt;
  switch (last) {
    case 'check-in':
      return {
        ...plan,
        nextPrompt: 'check-in',
        checkInsSent: Math.max(0, plan.checkInsSent - 1),
        unansweredCheckIns: Math.max(0, plan.unansweredCheckIns - 1),
      };
    case 'feedback-follow-up':
      return { ...plan, nextPrompt: 'feedback-follow-up', feedbackPending: true };
    case 'thank-you':
      return { ...plan, nextPrompt: 'thank-you' };
    default:
      return { ...plan, nextPrompt: null };
  }
}

function notApplicableReason(action: StateAction, status: ContactStatus): string {
  switch (status) {
    case 'needs-review':
      return 'This item is waiting for review: track it or ignore it first.';
    case 'ignored':
      return 'This item was ignored. Track it to follow it up.';
    case 'stopped':
      return 'Follow-ups for this contact are stopped. Resume them first.';
    default:
      return action === 'ignore'
        ? 'Only items waiting for review can be ignored; use stop for a tracked contact.'
        : `This action does not apply to a contact that is ${status}.`;
  }
}
