/**
 * One-click actions from the links in owner emails.
 *
 * A link is opened with GET (and fetched by mail scanners and previewers): that calls
 * {@link previewAction}, which never changes anything and says what WOULD happen. The page
 * then POSTs the token: {@link performAction} applies it.
 *
 * Idempotency: the history entry of an action records a digest of its token. When the most
 * recent action on the contact came from the same token, the POST is a replay (double click,
 * auto-submit plus button, a retry) and changes nothing: same state, one history entry. A
 * token may act again after something else happened in between (snooze, undo, snooze again).
 * The plan write comes first and every transition is guarded by status (plan-actions.ts), so
 * a crash between the plan write and the history write is harmless on retry.
 *
 * Undo: the result carries a signed link for the inverse action where one exists:
 *   snooze -> resume, stop -> resume, resume (from stopped) -> stop, ignore -> track,
 *   track -> ignore. "I sent it" / "they replied" have no undo: they only record a fact and
 *   move the clock; a wrong click is corrected with snooze or stop (the result page says when
 *   the next prompt comes).
 */
import { createHash } from 'node:crypto';
import { ConflictError, InvalidInputError } from '../errors.js';
import { buildActionUrl, verifyForOwner, OWNER_WIDE_CONTACT_ID } from '../links/link-signer.js';
import type { ActionKind, Contact, ContactStatus, ContactView, Plan, PromptKind } from '../model.js';
import { applyPlanAction, isStateAction, type StateAction } from '../plan/plan-actions.js';
import { planContextOf } from '../plan/plan-rules.js';
import type { LinkClaims } from '../ports.js';
import { appendHistory, displayName, loadContactView } from './contact-views.js';
import { formatDay } from '../pages/page-formatting.js';
import { deliverPrompt, MAX_PLAN_WRITE_ATTEMPTS } from './deliver-prompt.js';
import type { PageTextName, PageTexts } from '../pages/page-texts.js';
import type { ActionDeps } from './use-case-deps.js';

/**
 * The actions' ports plus the pages' words (templates/pages/texts.hbs): the sentences a
 * preview or an outcome carries ("Snooze Acme - Jane Doe until 14 March?") are worded from
 * that file; this module picks which one and computes its values.
 */
export type WordedActionDeps = ActionDeps & { texts: PageTexts };

/** Characters of the token digest kept in history (96 bits). */
export const TOKEN_DIGEST_LENGTH = 24;
/** Prefix that marks a history requestId as a token digest. */
const TOKEN_DIGEST_PREFIX = 'tok:';

/** The state a plan would have (or has) after an action, for pages. */
export interface ActionEffect {
  status: ContactStatus;
  nextPrompt: PromptKind | null;
  nextDueAt: string | null;
  snoozedUntil: string | null;
}

/** What the GET page shows. Text fields hold untrusted names: escape them when rendering. */
export interface ActionPreview {
  action: ActionKind;
  claims: LinkClaims;
  /** The question the page asks, e.g. "Snooze Acme - Jane Doe until 14 March?". */
  title: string;
  /** One sentence on what the button does, or why it cannot. */
  message: string;
  /** The contact and plan as they are now; null for owner-wide links (overview, calendar). */
  view: ContactView | null;
  /** Whether the action can be applied in the contact's current state. */
  applicable: boolean;
  /** True when this very link was the last action applied: submitting changes nothing. */
  alreadyDone: boolean;
  /** The state after the action (state actions only, when applicable). */
  effect: ActionEffect | null;
}

/** The undo link of a result page. */
export interface UndoLink {
  action: ActionKind;
  url: string;
  label: string;
}

/** What the POST did. */
export interface ActionOutcome {
  status: 'applied' | 'already-done' | 'not-applicable';
  action: StateAction;
  /** What happened, e.g. "Snoozed Acme - Jane Doe until 14 March". */
  title: string;
  message: string;
  view: ContactView;
  undo: UndoLink | null;
  /** For 'track': whether the thank-you went out during this request. */
  promptSent: boolean;
}

/**
 * Verifies a link for this owner (InvalidTokenError with a reason otherwise, including
 * 'wrong-owner' and 'expired'). The pages' one entry to token checking.
 */
export function readLink(deps: Pick<ActionDeps, 'signer' | 'clock' | 'owner'>, token: string): LinkClaims {
  return verifyForOwner(deps.signer, token, deps.clock.now(), deps.owner.ownerId);
}

/** Says what a link would do, without changing anything (GET / HEAD). */
export async function previewAction(deps: WordedActionDeps, input: { token: string }): Promise<ActionPreview> {
  const claims = readLink(deps, input.token);
  const now = deps.clock.now();
  if (claims.contactId === OWNER_WIDE_CONTACT_ID) {
    return {
      action: claims.action,
      claims,
      title: deps.texts.say(claims.action === 'calendar' ? 'owner-wide-calendar' : 'owner-wide-overview'),
      message: '',
      view: null,
      applicable: true,
      alreadyDone: false,
      effect: null,
    };
  }
  const view = await loadContactView(deps.repository, claims.ownerId, claims.contactId);
  const name = displayName(view.contact);
  if (!isStateAction(claims.action)) {
    return {
      action: claims.action,
      claims,
      title: deps.texts.say(claims.action === 'resend' ? 'resend-question' : 'edit-question', { who: name }),
      message: '',
      view,
      applicable: true,
      alreadyDone: false,
      effect: null,
    };
  }
  const alreadyDone = isReplay(view.contact, input.token);
  const applied = applyPlanAction(view.plan, view.contact, claims.action, now, planContextOf(deps.owner));
  const effect = applied.applicable ? effectOf(applied.plan) : null;
  return {
    action: claims.action,
    claims,
    title: describeQuestion(deps.texts, claims.action, name, effect, now, deps.owner.timeZone),
    message: alreadyDone
      ? deps.texts.say('already-done-message')
      : applied.applicable
        ? describeEffect(deps.texts, effect as ActionEffect, now, deps.owner.timeZone)
        : applied.reason,
    view,
    applicable: applied.applicable,
    alreadyDone,
    effect,
  };
}

/**
 * Applies a link's action (POST). Idempotent (see the module comment). Throws
 * InvalidTokenError for a bad link, InvalidInputError for a link that opens a page rather
 * than acting, NotFoundError for an unknown contact.
 */
export async function performAction(
  deps: WordedActionDeps,
  input: { token: string; requestId: string },
): Promise<ActionOutcome> {
  const claims = readLink(deps, input.token);
  const action = claims.action;
  if (!isStateAction(action)) throw new InvalidInputError(`the "${action}" link opens a page; it does not act`);
  if (claims.contactId === OWNER_WIDE_CONTACT_ID) throw new InvalidInputError('this link is not for one contact');
  const digest = tokenDigest(input.token);
  const context = planContextOf(deps.owner);

  let before: ContactView | null = null;
  let after: Plan | null = null;
  for (let attempt = 1; attempt <= MAX_PLAN_WRITE_ATTEMPTS && !after; attempt += 1) {
    const view = await loadContactView(deps.repository, claims.ownerId, claims.contactId);
    const now = deps.clock.now();
    if (isReplay(view.contact, input.token)) {
      deps.log.info('action replayed', { contactId: claims.contactId, action, requestId: input.requestId });
      return outcome(deps, 'already-done', action, view, view.plan.status, false);
    }
    const applied = applyPlanAction(view.plan, view.contact, action, now, context);
    if (!applied.applicable) {
      deps.log.info('action not applicable', { contactId: claims.contactId, action, status: view.plan.status });
      return { ...outcome(deps, 'not-applicable', action, view, view.plan.status, false), message: applied.reason };
    }
    const next = { ...applied.plan, version: view.plan.version + 1 };
    try {
      await deps.repository.savePlan(next);
      before = view;
      after = next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === MAX_PLAN_WRITE_ATTEMPTS) throw error;
    }
  }
  if (!before || !after) throw new ConflictError('the contact kept changing; try again');

  const contact = await recordAction(deps, before.contact, {
    at: deps.clock.now().toISOString(),
    type: 'action',
    action,
    detail: describeHistory(action, after, deps.clock.now(), deps.owner.timeZone),
    requestId: digest,
  });

  let promptSent = false;
  if (action === 'track' && before.plan.status !== 'active') {
    const ref = deps.repository.dueRefOf(after);
    if (ref) {
      const delivery = await deliverPrompt(deps, ref);
      promptSent = delivery.status === 'sent';
      if (promptSent) after = (await deps.repository.getPlan(after.ownerId, after.contactId)) ?? after;
    }
  }
  deps.log.info('action applied', { contactId: claims.contactId, action, requestId: input.requestId, promptSent });
  return outcome(deps, 'applied', action, { contact, plan: after }, before.plan.status, promptSent);
}

/** The history requestId of a token: a digest, so history never holds a usable link. */
export function tokenDigest(token: string): string {
  return `${TOKEN_DIGEST_PREFIX}${createHash('sha256').update(token).digest('hex').slice(0, TOKEN_DIGEST_LENGTH)}`;
}

/** True when the most recent action on the contact came from this token. */
function isReplay(contact: Contact, token: string): boolean {
  const digest = tokenDigest(token);
  for (let index = contact.history.length - 1; index >= 0; index -= 1) {
    const entry = contact.history[index];
    if (entry?.type === 'action') return entry.requestId === digest;
  }
  return false;
}

/** Appends the history entry once (re-reading on a lost race; skipping when already there). */
async function recordAction(deps: ActionDeps, contact: Contact, entry: Contact['history'][number]): Promise<Contact> {
  let current: Contact | null = contact;
  for (let attempt = 1; attempt <= MAX_PLAN_WRITE_ATTEMPTS; attempt += 1) {
    if (!current) break;
    const last = [...current.history].reverse().find((item) => item.type === 'action');
    if (last?.requestId === entry.requestId) return current;
    const next: Contact = {
      ...current,
      history: appendHistory(current, entry),
      updatedAt: entry.at,
      version: current.version + 1,
    };
    try {
      await deps.repository.saveContact(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === MAX_PLAN_WRITE_ATTEMPTS) throw error;
      current = await deps.repository.getContact(contact.ownerId, contact.contactId);
    }
  }
  throw new ConflictError('could not record the action; try again');
}

function outcome(
  deps: WordedActionDeps,
  status: ActionOutcome['status'],
  action: StateAction,
  view: ContactView,
  statusBefore: ContactStatus,
  promptSent: boolean,
): ActionOutcome {
  const now = deps.clock.now();
  const name = displayName(view.contact);
  const effect = effectOf(view.plan);
  const title =
    status === 'not-applicable'
      ? deps.texts.say('nothing-changed-title', { who: name })
      : describeDone(deps.texts, action, name, effect, now, deps.owner.timeZone);
  const next = describeEffect(deps.texts, effect, now, deps.owner.timeZone);
  return {
    status,
    action,
    title,
    message: status === 'already-done' ? deps.texts.say('already-done-effect', { effect: next }) : next,
    view,
    undo: status === 'not-applicable' ? null : buildUndo(deps, action, view, status === 'applied' ? statusBefore : null),
    promptSent,
  };
}

/** The inverse action's link, where there is one (see the module comment). */
function buildUndo(
  deps: WordedActionDeps,
  action: StateAction,
  view: ContactView,
  statusBefore: ContactStatus | null,
): UndoLink | null {
  const inverse = inverseOf(action, statusBefore);
  if (!inverse) return null;
  const url = buildActionUrl({
    signer: deps.signer,
    baseUrl: deps.owner.actionsBaseUrl,
    ownerId: view.contact.ownerId,
    contactId: view.contact.contactId,
    now: deps.clock.now(),
    action: inverse.action,
  });
  return { action: inverse.action, label: deps.texts.say(inverse.label), url };
}

/** The undo of an action; `statusBefore` is null for a replay (then resume has no undo). */
export function inverseOf(
  action: StateAction,
  statusBefore: ContactStatus | null,
): { action: StateAction; label: PageTextName } | null {
  switch (action) {
    case 'snooze-1w':
    case 'snooze-1m':
    case 'snooze-3m':
      return { action: 'resume', label: 'undo-snooze' };
    case 'stop':
      return { action: 'resume', label: 'undo-stop' };
    case 'resume':
      return statusBefore === 'stopped' ? { action: 'stop', label: 'undo-resume' } : null;
    case 'ignore':
      return { action: 'track', label: 'undo-ignore' };
    case 'track':
      return { action: 'ignore', label: 'undo-track' };
    case 'sent':
    case 'replied':
      return null;
  }
}

function effectOf(plan: Plan): ActionEffect {
  return { status: plan.status, nextPrompt: plan.nextPrompt, nextDueAt: plan.nextDueAt, snoozedUntil: plan.snoozedUntil };
}

/** The sentence texts of each state action (templates/pages/texts.hbs). */
const QUESTION_TEXTS: Record<StateAction, PageTextName> = {
  sent: 'question-sent',
  replied: 'question-replied',
  'snooze-1w': 'question-snooze',
  'snooze-1m': 'question-snooze',
  'snooze-3m': 'question-snooze',
  stop: 'question-stop',
  resume: 'question-resume',
  ignore: 'question-ignore',
  track: 'question-track',
};
const DONE_TEXTS: Record<StateAction, PageTextName> = {
  sent: 'done-sent',
  replied: 'done-replied',
  'snooze-1w': 'done-snooze',
  'snooze-1m': 'done-snooze',
  'snooze-3m': 'done-snooze',
  stop: 'done-stop',
  resume: 'done-resume',
  ignore: 'done-ignore',
  track: 'done-track',
};

/** The values of an action's sentences: the name, and the snooze's end in the owner's time zone. */
function sentenceValues(name: string, effect: ActionEffect | null, now: Date, timeZone: string) {
  return { who: name, until: effect?.snoozedUntil ? formatDay(effect.snoozedUntil, now, timeZone) : '' };
}

function describeQuestion(
  texts: PageTexts,
  action: StateAction,
  name: string,
  effect: ActionEffect | null,
  now: Date,
  timeZone: string,
): string {
  return texts.say(QUESTION_TEXTS[action], sentenceValues(name, effect, now, timeZone));
}

function describeDone(texts: PageTexts, action: StateAction, name: string, effect: ActionEffect, now: Date, timeZone: string): string {
  return texts.say(DONE_TEXTS[action], sentenceValues(name, effect, now, timeZone));
}

/** The text of what comes after an action when nothing is scheduled, by status. */
const UNSCHEDULED_TEXTS: Partial<Record<ContactStatus, PageTextName>> = {
  stopped: 'effect-stopped',
  quiet: 'effect-quiet',
  ignored: 'effect-ignored',
  'needs-review': 'effect-needs-review',
};

/** One sentence on what comes next. */
export function describeEffect(texts: PageTexts, effect: ActionEffect, now: Date, timeZone: string): string {
  if (effect.nextPrompt && effect.nextDueAt) {
    return texts.say('effect-next', {
      prompt: texts.say(`next-${effect.nextPrompt}`),
      now: effect.nextDueAt <= now.toISOString(),
      day: formatDay(effect.nextDueAt, now, timeZone),
    });
  }
  return texts.say(UNSCHEDULED_TEXTS[effect.status] ?? 'effect-none');
}

function describeHistory(action: StateAction, plan: Plan, now: Date, timeZone: string): string {
  switch (action) {
    case 'sent':
      return 'marked as written';
    case 'replied':
      return 'marked as replied';
    case 'snooze-1w':
    case 'snooze-1m':
    case 'snooze-3m':
      return plan.snoozedUntil ? `snoozed until ${formatDay(plan.snoozedUntil, now, timeZone)}` : 'snoozed';
    case 'stop':
      return 'stopped';
    case 'resume':
      return 'resumed';
    case 'ignore':
      return 'ignored';
    case 'track':
      return 'tracked';
  }
}
