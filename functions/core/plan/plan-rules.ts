/**
 * The follow-up plan: which prompt the owner gets next about a contact, and when.
 * Pure functions over the Plan item; no I/O, time comes in as arguments.
 *
 * The cadence (defaults from DESIGN.md, per owner via CadenceSettings, per contact via Cadence):
 * - thank-you at once (the first prompt, due when the contact is created);
 * - a feedback follow-up `feedbackFollowUpDays` after the thank-you, when feedback was asked
 *   (see {@link decideFeedbackAsked}) and no "they replied" was marked;
 * - check-ins `checkInMonths` after the anchor (default +1, +3, +6, +12 months), then every
 *   `thenEveryMonths`; a contact's own cadence (monthly / quarterly / half-yearly) replaces
 *   the list; 'never' schedules nothing after the thank-you;
 * - after `quietAfterUnanswered` check-ins in a row with no "I sent it"/"they replied", the
 *   contact goes quiet (no more prompts) until the owner resumes it.
 *
 * The anchor is "the time the next check-in is counted from". It moves to the due time of
 * each check-in as it is sent, and to "now" when the owner says "I sent it" or "they
 * replied". The widening step (checkInsSent) is kept across such a reset: an owner who
 * promptly answers every check-in gets exactly +1, +3, +6, +12 months, merely shifted by
 * their delay, instead of a restart at +1 month each time (which would become a monthly
 * nag for the most engaged owners).
 */
import { InvalidInputError } from '../errors.js';
import { PLAN_SENT_LOG_CAP, type Cadence, type Contact, type Plan, type PromptKind } from '../model.js';
import type { OwnerSettings } from '../ports.js';
import { DEFAULT_CADENCE, type CadenceSettings } from './cadence.js';
import { addOnOwnerCalendar, type SendTimeSettings } from './send-time.js';

export { DEFAULT_CADENCE, type CadenceSettings } from './cadence.js';

/** Everything the plan rules need to know about the owner. */
export interface PlanContext extends SendTimeSettings {
  cadence: CadenceSettings;
}

/** Months between check-ins for a contact's own cadence. */
export const CONTACT_CADENCE_MONTHS: Record<Exclude<Cadence, 'default' | 'never'>, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
};

/** Bounds of the cadence spec, so a typo cannot schedule a prompt a century away. */
export const CADENCE_LIMITS = {
  maxFeedbackDays: 365,
  maxMonths: 120,
  maxCheckIns: 24,
  maxQuietAfter: 50,
} as const;

const DAYS_PER_WEEK = 7;
/**
 * The fewest days between two prompts about one contact. On schedule they are weeks apart;
 * after the dispatcher was down, or the local clock jumped, a late prompt could otherwise be
 * followed by the next one the same day.
 */
export const MIN_DAYS_BETWEEN_PROMPTS = 7;

/** The plan context of an owner's settings. */
export function planContextOf(owner: Pick<OwnerSettings, 'timeZone' | 'sendHour' | 'cadence'>): PlanContext {
  return { timeZone: owner.timeZone, sendHour: owner.sendHour, cadence: owner.cadence };
}

/**
 * Parses the owner's cadence setting (env CADENCE), e.g.
 * `feedback=14d;checkins=1mo,3mo,6mo,12mo;then=6mo;quietAfter=2`.
 *
 * - `feedback`: days (`14d`) or weeks (`2w`) after the thank-you; `off` disables it.
 * - `checkins`: months after the anchor, strictly increasing (`1mo,3mo,6mo,12mo`).
 * - `then`: months between check-ins once the list is used up (`6mo`).
 * - `quietAfter`: unanswered check-ins in a row before a contact goes quiet; `off` never.
 * Parts may be left out (they keep their default); an empty or missing spec is the default.
 * Throws InvalidInputError naming the bad part.
 */
export function parseCadenceSpec(spec: string | undefined): CadenceSettings {
  const settings: { -readonly [K in keyof CadenceSettings]: CadenceSettings[K] } = { ...DEFAULT_CADENCE };
  if (spec === undefined || spec.trim() === '') return settings;
  const seen = new Set<string>();
  for (const rawPart of spec.split(';')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals <= 0) throw new InvalidInputError(`cadence: "${part}" is not of the form name=value`);
    const name = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim().toLowerCase();
    const key = name.toLowerCase();
    if (seen.has(key)) throw new InvalidInputError(`cadence: "${name}" is given twice`);
    seen.add(key);
    switch (key) {
      case 'feedback':
        settings.feedbackFollowUpDays = parseFeedbackDays(value, part);
        break;
      case 'checkins':
        settings.checkInMonths = parseMonthList(value, part);
        break;
      case 'then':
        settings.thenEveryMonths = parseMonths(value, part);
        break;
      case 'quietafter':
        settings.quietAfterUnanswered = parseQuietAfter(value, part);
        break;
      default:
        throw new InvalidInputError(`cadence: unknown setting "${name}" (use feedback, checkins, then, quietAfter)`);
    }
  }
  return settings;
}

function parseFeedbackDays(value: string, part: string): number {
  if (value === 'off') return 0;
  const match = /^(\d{1,4})(d|w)$/.exec(value);
  if (!match) throw new InvalidInputError(`cadence: "${part}" must be days like 14d, weeks like 2w, or off`);
  const days = Number(match[1]) * (match[2] === 'w' ? DAYS_PER_WEEK : 1);
  if (days < 1 || days > CADENCE_LIMITS.maxFeedbackDays) {
    throw new InvalidInputError(`cadence: "${part}" must be between 1 and ${CADENCE_LIMITS.maxFeedbackDays} days`);
  }
  return days;
}

function parseMonths(value: string, part: string): number {
  const match = /^(\d{1,4})mo$/.exec(value);
  if (!match) throw new InvalidInputError(`cadence: "${part}" must be months like 6mo`);
  const months = Number(match[1]);
  if (months < 1 || months > CADENCE_LIMITS.maxMonths) {
    throw new InvalidInputError(`cadence: "${part}" must be between 1mo and ${CADENCE_LIMITS.maxMonths}mo`);
  }
  return months;
}

function parseMonthList(value: string, part: string): number[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.length === 0 || items.some((item) => item === '')) {
    throw new InvalidInputError(`cadence: "${part}" must list months like 1mo,3mo,6mo`);
  }
  if (items.length > CADENCE_LIMITS.maxCheckIns) {
    throw new InvalidInputError(`cadence: "${part}" lists more than ${CADENCE_LIMITS.maxCheckIns} check-ins`);
  }
  const months = items.map((item) => parseMonths(item, `${part.split('=')[0]?.trim()}=${item}`));
  for (let index = 1; index < months.length; index += 1) {
    if ((months[index] as number) <= (months[index - 1] as number)) {
      throw new InvalidInputError(`cadence: "${part}" must be strictly increasing`);
    }
  }
  return months;
}

function parseQuietAfter(value: string, part: string): number {
  if (value === 'off') return 0;
  if (!/^\d{1,3}$/.test(value)) throw new InvalidInputError(`cadence: "${part}" must be a whole number or off`);
  const count = Number(value);
  if (count < 1 || count > CADENCE_LIMITS.maxQuietAfter) {
    throw new InvalidInputError(`cadence: "${part}" must be between 1 and ${CADENCE_LIMITS.maxQuietAfter}, or off`);
  }
  return count;
}

/**
 * The plan of a new contact: its first prompt (the thank-you, or the needs-review email) due
 * at once. `version` 1; nothing sent yet.
 */
export function createInitialPlan(input: {
  ownerId: string;
  contactId: string;
  firstPrompt: 'thank-you' | 'needs-review';
  now: Date;
}): Plan {
  const nowIso = input.now.toISOString();
  return {
    ownerId: input.ownerId,
    contactId: input.contactId,
    status: input.firstPrompt === 'thank-you' ? 'active' : 'needs-review',
    cadence: 'default',
    nextPrompt: input.firstPrompt,
    nextDueAt: nowIso,
    checkInsSent: 0,
    unansweredCheckIns: 0,
    feedbackPending: false,
    anchorAt: nowIso,
    snoozedUntil: null,
    lease: null,
    sentLog: [],
    lastActionAt: null,
    lastAction: null,
    version: 1,
  };
}

/**
 * Whether the thank-you note counts as having asked for feedback (so a follow-up is due if
 * no reply is marked). The drafted note asks for feedback, except when it would make no
 * sense: the rejection already gave a specific reason, or there is nobody to write to
 * (a no-reply sender with no other address).
 */
export function decideFeedbackAsked(contact: Pick<Contact, 'signals' | 'noReply' | 'contactEmail'>): boolean {
  if (contact.signals.reasons.length > 0) return false;
  if (contact.noReply && !contact.contactEmail) return false;
  return true;
}

/**
 * Months from the anchor to the next check-in, given how many were sent; null when the
 * contact's cadence is 'never'.
 */
export function checkInGapMonths(checkInsSent: number, cadence: Cadence, settings: CadenceSettings): number | null {
  if (cadence === 'never') return null;
  if (cadence !== 'default') return CONTACT_CADENCE_MONTHS[cadence];
  const list = settings.checkInMonths;
  if (checkInsSent < list.length) {
    const current = list[checkInsSent] as number;
    return checkInsSent === 0 ? current : current - (list[checkInsSent - 1] as number);
  }
  return settings.thenEveryMonths;
}

/**
 * What comes next for an active (or snoozed) plan, from its anchor and counters: the
 * earlier of the pending feedback follow-up and the next check-in. A thank-you still
 * waiting to be sent stays next. Stopped, quiet, ignored and needs-review plans get nothing.
 * A snoozed plan never comes due before its snooze ends.
 */
export function computeNextPrompt(
  plan: Plan,
  context: PlanContext,
): { nextPrompt: PromptKind | null; nextDueAt: string | null } {
  if (plan.status !== 'active' && plan.status !== 'snoozed') return { nextPrompt: null, nextDueAt: null };
  if (plan.nextPrompt === 'thank-you') {
    return { nextPrompt: 'thank-you', nextDueAt: applySnooze(plan, plan.nextDueAt ?? plan.anchorAt) };
  }
  const anchor = new Date(plan.anchorAt);
  const candidates: { prompt: PromptKind; at: Date }[] = [];
  if (plan.feedbackPending && plan.cadence !== 'never' && context.cadence.feedbackFollowUpDays > 0) {
    candidates.push({
      prompt: 'feedback-follow-up',
      at: addOnOwnerCalendar(anchor, { days: context.cadence.feedbackFollowUpDays }, context),
    });
  }
  const gap = checkInGapMonths(plan.checkInsSent, plan.cadence, context.cadence);
  if (gap !== null) candidates.push({ prompt: 'check-in', at: addOnOwnerCalendar(anchor, { months: gap }, context) });
  // Stable sort: on a tie the feedback follow-up (pushed first) goes first.
  candidates.sort((left, right) => left.at.getTime() - right.at.getTime());
  const next = candidates[0];
  if (!next) return { nextPrompt: null, nextDueAt: null };
  return { nextPrompt: next.prompt, nextDueAt: applySnooze(plan, next.at.toISOString()) };
}

function applySnooze(plan: Plan, dueAt: string): string {
  if (plan.status === 'snoozed' && plan.snoozedUntil && plan.snoozedUntil > dueAt) return plan.snoozedUntil;
  return dueAt;
}

/** Appends to the plan's sent log, keeping only the newest PLAN_SENT_LOG_CAP entries. */
export function appendSentLog(log: Plan['sentLog'], entry: Plan['sentLog'][number]): Plan['sentLog'] {
  return [...log, entry].slice(-PLAN_SENT_LOG_CAP);
}

/**
 * The plan after `prompt` was sent to the owner: counters, anchor and status move on,
 * the next prompt is computed, the lease is cleared. Same version (the caller's save bumps it).
 *
 * - thank-you: the anchor becomes its due time; feedback is pending per decideFeedbackAsked.
 * - feedback-follow-up: asked once; feedbackPending false; the anchor stays.
 * - check-in: one more sent and one more unanswered; the anchor becomes its due time; a
 *   feedback follow-up still pending is dropped (the check-in replaces it); reaching
 *   quietAfterUnanswered makes the contact quiet (nothing more is scheduled).
 * - needs-review: nothing more until "track anyway" or "ignore".
 * A snoozed plan becomes active again.
 */
export function advanceAfterPrompt(
  plan: Plan,
  input: { prompt: PromptKind; contact: Pick<Contact, 'signals' | 'noReply' | 'contactEmail'>; sentAt: Date },
  context: PlanContext,
): Plan {
  const sentAtIso = input.sentAt.toISOString();
  const dueAt = plan.nextDueAt ?? sentAtIso;
  let next: Plan = {
    ...plan,
    lease: null,
    sentLog: appendSentLog(plan.sentLog, { at: sentAtIso, prompt: input.prompt }),
    nextPrompt: null,
    nextDueAt: null,
  };
  if (next.status === 'snoozed') next = { ...next, status: 'active', snoozedUntil: null };

  switch (input.prompt) {
    case 'needs-review':
      return next;
    case 'thank-you':
      next = { ...next, anchorAt: dueAt, feedbackPending: decideFeedbackAsked(input.contact) };
      break;
    case 'feedback-follow-up':
      next = { ...next, feedbackPending: false };
      break;
    case 'check-in': {
      const unanswered = next.unansweredCheckIns + 1;
      // A check-in that goes out before a pending feedback follow-up replaces it (only
      // possible when the feedback delay is longer than the first check-in's): two prompts
      // about one contact within days would be noise, and the anchor has moved on anyway.
      next = {
        ...next,
        checkInsSent: next.checkInsSent + 1,
        unansweredCheckIns: unanswered,
        anchorAt: dueAt,
        feedbackPending: false,
      };
      const quietAfter = context.cadence.quietAfterUnanswered;
      if (quietAfter > 0 && unanswered >= quietAfter && next.status === 'active') {
        return { ...next, status: 'quiet' };
      }
      break;
    }
  }
  if (next.status !== 'active') return next;
  return { ...next, ...spaceFromLastPrompt(computeNextPrompt(next, context), input.sentAt, context) };
}

/** Moves a next prompt that would come within MIN_DAYS_BETWEEN_PROMPTS of the one just sent. */
function spaceFromLastPrompt(
  next: { nextPrompt: PromptKind | null; nextDueAt: string | null },
  sentAt: Date,
  context: PlanContext,
): { nextPrompt: PromptKind | null; nextDueAt: string | null } {
  if (!next.nextDueAt) return next;
  const earliest = addOnOwnerCalendar(sentAt, { days: MIN_DAYS_BETWEEN_PROMPTS }, context);
  return new Date(next.nextDueAt) < earliest ? { ...next, nextDueAt: earliest.toISOString() } : next;
}
