/**
 * Delivering one prompt: the single code path through which every owner email about a
 * contact goes out (the thank-you right after ingest, scheduled check-ins, "track anyway").
 *
 * claim (conditional: still at the same due key, no live lease) -> load the contact ->
 * build the signed links -> render -> send -> advance the plan (conditional on its version).
 *
 * Crash safety: a claimed plan stays in the due index at its due time, so when the process
 * dies between claim and advance, the plan is found again once the lease expires and the
 * prompt is sent then: at most one duplicate prompt, never a lost one. When the send itself
 * fails, the lease is released at once so the next sweep retries without waiting.
 */
import { ConflictError } from '../errors.js';
import { buildActionLinks } from '../links/link-signer.js';
import type { ActionKind, Contact, Plan, PromptKind } from '../model.js';
import { advanceAfterPrompt, planContextOf } from '../plan/plan-rules.js';
import type { DueRef } from '../ports.js';
import type { DeliverDeps } from './use-case-deps.js';

/** How long a claim holds a plan before another dispatcher may take it over. */
export const CLAIM_LEASE_MINUTES = 10;
/** Attempts at a conditional plan write that loses races (each re-reads the plan). */
export const MAX_PLAN_WRITE_ATTEMPTS = 3;

const MILLISECONDS_PER_MINUTE = 60_000;

/** The signed links each kind of prompt carries. */
export const PROMPT_LINK_ACTIONS: Record<PromptKind, readonly ActionKind[]> = {
  'thank-you': ['sent', 'replied', 'snooze-1w', 'snooze-1m', 'snooze-3m', 'stop', 'edit', 'overview', 'calendar'],
  'feedback-follow-up': ['sent', 'replied', 'snooze-1w', 'snooze-1m', 'snooze-3m', 'stop', 'edit', 'overview', 'calendar'],
  'check-in': ['sent', 'replied', 'snooze-1w', 'snooze-1m', 'snooze-3m', 'stop', 'edit', 'overview', 'calendar'],
  'needs-review': ['track', 'ignore', 'edit', 'overview'],
};

/** What happened to one due plan. */
export type DeliveryResult =
  | { status: 'sent'; contactId: string; prompt: PromptKind; messageId: string }
  | {
      status: 'skipped';
      contactId: string;
      /** not-claimed: another dispatcher holds it or it moved; not-due: nothing due any more. */
      reason: 'not-claimed' | 'not-due' | 'no-contact';
      claimed: boolean;
    }
  | { status: 'failed'; contactId: string; prompt: PromptKind | null; error: unknown; claimed: boolean };

/** How deliverPrompt gets the contact profile it renders. */
export interface DeliverOptions {
  /**
   * The profile the caller already holds (ingest, right after creating or reading it back
   * strongly): used as is when its id matches the claimed plan, so no read is made.
   */
  contact?: Contact;
  /**
   * How to read the profile when `contact` is not given. 'strong' (the default) for callers
   * that may have just written it (actions); 'eventual' for the dispatcher: the claim on the
   * plan is what guards correctness, and a profile edited in the last second renders a
   * second late at worst. An eventual read that finds nothing is retried strongly before
   * the plan is treated as having no contact.
   */
  contactRead?: 'strong' | 'eventual';
}

/**
 * Claims and delivers the prompt `ref` points at. Never throws for one plan's trouble: the
 * result says whether it was sent, skipped or failed (the dispatcher counts them).
 */
export async function deliverPrompt(deps: DeliverDeps, ref: DueRef, options: DeliverOptions = {}): Promise<DeliveryResult> {
  const now = deps.clock.now();
  const claimId = deps.ids.newId();
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MINUTES * MILLISECONDS_PER_MINUTE);

  let claimed: Plan | null;
  try {
    claimed = await deps.repository.claimDue(ref, now, leaseUntil, claimId);
  } catch (error) {
    return { status: 'failed', contactId: ref.contactId, prompt: null, error, claimed: false };
  }
  if (!claimed) return { status: 'skipped', contactId: ref.contactId, reason: 'not-claimed', claimed: false };

  const prompt = claimed.nextPrompt;
  if (!prompt || !claimed.nextDueAt || new Date(claimed.nextDueAt).getTime() > now.getTime()) {
    await releaseLease(deps, claimed, claimId);
    return { status: 'skipped', contactId: ref.contactId, reason: 'not-due', claimed: true };
  }

  let messageId: string;
  try {
    const contact = await readContact(deps, claimed, options);
    if (!contact) {
      // A plan without its profile cannot be rendered; take it out of the due index so it
      // does not come back every sweep. Logged as an error: it should never happen.
      deps.log.error('plan without contact: unscheduled', { contactId: claimed.contactId });
      await writePlan(deps, claimed, claimId, (fresh) => ({ ...fresh, lease: null, nextPrompt: null, nextDueAt: null }));
      return { status: 'skipped', contactId: ref.contactId, reason: 'no-contact', claimed: true };
    }
    const links = buildActionLinks({
      signer: deps.signer,
      baseUrl: deps.owner.actionsBaseUrl,
      ownerId: claimed.ownerId,
      contactId: claimed.contactId,
      now,
      actions: PROMPT_LINK_ACTIONS[prompt],
    });
    const email = deps.renderer.renderPrompt({ prompt, contact, plan: claimed, links, owner: deps.owner, now });
    ({ messageId } = await deps.mailer.sendToOwner(email));

    try {
      const context = planContextOf(deps.owner);
      const advanced = await writePlan(deps, claimed, claimId, (fresh) =>
        // Advance only the prompt we sent; if an action moved the schedule meanwhile, keep
        // the owner's choice and just let go of the lease.
        fresh.nextPrompt === claimed.nextPrompt && fresh.nextDueAt === claimed.nextDueAt
          ? advanceAfterPrompt(fresh, { prompt, contact, sentAt: now }, context)
          : { ...fresh, lease: null },
      );
      if (!advanced) deps.log.warn('prompt sent; another dispatcher holds the plan now', { contactId: claimed.contactId, prompt });
    } catch (error) {
      // The email is out but the plan did not move: it is sent again once the lease expires
      // (the one duplicate the design allows). Reported as sent: it was.
      deps.log.error('prompt sent but the plan could not be advanced', {
        contactId: claimed.contactId,
        prompt,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  } catch (error) {
    await releaseLease(deps, claimed, claimId);
    return { status: 'failed', contactId: ref.contactId, prompt, error, claimed: true };
  }
  return { status: 'sent', contactId: ref.contactId, prompt, messageId };
}

/** The profile to render: the caller's, else read as `options.contactRead` says (see DeliverOptions). */
async function readContact(deps: DeliverDeps, claimed: Plan, options: DeliverOptions): Promise<Contact | null> {
  if (options.contact && options.contact.ownerId === claimed.ownerId && options.contact.contactId === claimed.contactId) {
    return options.contact;
  }
  if (options.contactRead === 'eventual') {
    const contact = await deps.repository.getContact(claimed.ownerId, claimed.contactId, { consistency: 'eventual' });
    if (contact) return contact;
  }
  return deps.repository.getContact(claimed.ownerId, claimed.contactId);
}

/**
 * Writes `change(plan)` with a version check, re-reading and re-applying on a lost race as
 * long as the plan is still ours (our lease) or unleased. Returns the stored plan, or null
 * when someone else took it over.
 */
async function writePlan(
  deps: DeliverDeps,
  claimed: Plan,
  claimId: string,
  change: (plan: Plan) => Plan,
): Promise<Plan | null> {
  let current: Plan | null = claimed;
  for (let attempt = 1; attempt <= MAX_PLAN_WRITE_ATTEMPTS; attempt += 1) {
    if (!current) return null;
    if (current.lease && current.lease.claimId !== claimId) return null;
    const next = { ...change(current), version: current.version + 1 };
    try {
      await deps.repository.savePlan(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === MAX_PLAN_WRITE_ATTEMPTS) throw error;
      current = await deps.repository.getPlan(claimed.ownerId, claimed.contactId);
    }
  }
  return null;
}

/** Lets go of our lease so the next sweep may retry at once. Best effort: it expires anyway. */
async function releaseLease(deps: DeliverDeps, claimed: Plan, claimId: string): Promise<void> {
  try {
    await writePlan(deps, claimed, claimId, (fresh) => ({ ...fresh, lease: null }));
  } catch (error) {
    deps.log.warn('could not release a lease; it will expire', {
      contactId: claimed.contactId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}
