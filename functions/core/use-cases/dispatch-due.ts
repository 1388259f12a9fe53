/**
 * The scheduled sweep (EventBridge every 15 minutes; locally the timer and `not-today tick`):
 * find every plan due by now across the due index's shards and deliver each prompt.
 *
 * One plan's failure never stops the others: each delivery is counted as sent, skipped or
 * failed, and a failed one has its lease released so the next sweep retries it. The sweep
 * throws a TransientError only when deliveries were attempted and every one of them failed
 * (SES down, table throttled...): then the invocation counts as failed, so the Lambda's error
 * metric and alarms see it; partial failures are logged and retried by the next sweep.
 */
import { TransientError } from '../errors.js';
import { deliverPrompt, type DeliveryResult } from './deliver-prompt.js';
import type { DispatchDeps } from './use-case-deps.js';

export { deliverPrompt, CLAIM_LEASE_MINUTES, PROMPT_LINK_ACTIONS, type DeliveryResult, type DeliverOptions } from './deliver-prompt.js';
export type { DispatchDeps, SweepDeps } from './use-case-deps.js';

/** Most plans handled by one sweep; the rest wait for the next (keeps a sweep well inside its timeout). */
export const DEFAULT_DISPATCH_LIMIT = 100;

/** Counts of one sweep. */
export interface DispatchResult {
  /** Plans the due index returned. */
  due: number;
  /** Plans this sweep claimed (the others were held by someone else or had moved). */
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Delivers every prompt due by now, up to `limit`, oldest first.
 * Throws TransientError when every attempted delivery failed (see the module comment).
 */
export async function dispatchDue(deps: DispatchDeps, input: { limit?: number } = {}): Promise<DispatchResult> {
  const now = deps.clock.now();
  const refs = await deps.repository.findDue(now, input.limit ?? DEFAULT_DISPATCH_LIMIT);
  const result: DispatchResult = { due: refs.length, claimed: 0, sent: 0, skipped: 0, failed: 0 };
  let firstError: unknown = null;
  // Loaded only when something is due (see DispatchDeps); a failure to load throws, as before.
  const deliverDeps = refs.length === 0 ? null : 'loadDeliverDeps' in deps ? await deps.loadDeliverDeps() : deps;

  for (const ref of refs) {
    let delivery: DeliveryResult;
    try {
      // The profile is read eventually consistent (half a read unit): the claim guards the send.
      delivery = await deliverPrompt(deliverDeps!, ref, { contactRead: 'eventual' });
    } catch (error) {
      delivery = { status: 'failed', contactId: ref.contactId, prompt: null, error, claimed: false };
    }
    switch (delivery.status) {
      case 'sent':
        result.claimed += 1;
        result.sent += 1;
        deps.log.info('prompt sent', { contactId: delivery.contactId, prompt: delivery.prompt });
        break;
      case 'skipped':
        if (delivery.claimed) result.claimed += 1;
        result.skipped += 1;
        deps.log.debug('prompt skipped', { contactId: delivery.contactId, reason: delivery.reason });
        break;
      case 'failed':
        if (delivery.claimed) result.claimed += 1;
        result.failed += 1;
        firstError ??= delivery.error;
        deps.log.error('prompt failed', {
          contactId: delivery.contactId,
          prompt: delivery.prompt,
          error: describeError(delivery.error),
        });
        break;
    }
  }

  deps.log.info('dispatch finished', { ...result });
  // Skipped plans were not attempted (held elsewhere, or nothing due), so they do not count.
  if (result.failed > 0 && result.sent === 0) {
    throw new TransientError(`all ${result.failed} due prompts failed`, { cause: firstError });
  }
  return result;
}

/** A log-safe description of an error: its name and message, never a mail body. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
