/**
 * dispatch: the EventBridge scheduled rule (every 15 minutes; locally the stack's timer and
 * `not-today tick`). Validates the event, runs one sweep of the dispatchDue use case (find due
 * plans, claim, render, send, advance; the use case logs the counts). The sweep's "now" is the runtime
 * clock, not the event's time, so the local stack can move time.
 *
 * Error policy: an invalid event or a permanent error is logged and acknowledged; a transient
 * or unknown error (dispatchDue throws TransientError when every delivery failed) is rethrown so
 * the invocation counts as failed (retries, error alarm). Plans never get lost either way: a
 * plan not sent stays in the due index and the next sweep takes it.
 */
import type { Context } from 'aws-lambda';
import { isPermanentError } from '../core/errors.js';
import type { Log } from '../core/ports.js';
import type { DispatchResult } from '../core/use-cases/dispatch-due.js';
import { loadDispatchHandlerDeps, type DispatchHandlerDeps } from '../runtime/dispatch-deps.js';
import { createLog, getLogger } from '../runtime/logger.js';
import { describeErrorForLog, errorCodeOf, logInvalidEvent } from './handler-support.js';
import { scheduledEventSchema } from './scheduled-event.js';

/** What one sweep did, or why it did not run. */
export type DispatchOutcome =
  | ({ outcome: 'swept' } & DispatchResult)
  | { outcome: 'invalid-event' }
  | { outcome: 'failed-permanently'; code: string };

export interface DispatchHandlerOptions {
  /** The wiring, built once per cold start (tests pass fakes). */
  loadDeps: () => Promise<DispatchHandlerDeps>;
  log: Log;
}

/** Makes the dispatch handler around its dependencies (see the module comment). */
export function createDispatchHandler(options: DispatchHandlerOptions): (event: unknown) => Promise<DispatchOutcome> {
  const { log } = options;
  return async (event) => {
    const parsed = scheduledEventSchema().safeParse(event);
    if (!parsed.success) {
      logInvalidEvent(log, 'dispatch', parsed.error);
      return { outcome: 'invalid-event' };
    }

    let deps: DispatchHandlerDeps;
    try {
      deps = await options.loadDeps();
    } catch (error) {
      log.error('dispatch: cannot start; the invocation fails', describeErrorForLog(error));
      throw error;
    }

    try {
      // The use case logs the sweep's counts; the handler logs only failures.
      const result = await deps.dispatch();
      return { outcome: 'swept', ...result };
    } catch (error) {
      if (isPermanentError(error)) {
        log.warn('dispatch: permanent error acknowledged', { ...describeErrorForLog(error), eventId: parsed.data.id });
        return { outcome: 'failed-permanently', code: errorCodeOf(error) };
      }
      log.error('dispatch: failed; rethrown', { ...describeErrorForLog(error), eventId: parsed.data.id });
      throw error;
    }
  };
}

const handleDispatch = createDispatchHandler({ loadDeps: loadDispatchHandlerDeps, log: createLog() });

/** The Lambda entry point: the process-wide wiring, built on the first event of a cold start. */
export async function handler(event: unknown, context?: Context): Promise<DispatchOutcome> {
  if (context) getLogger().addContext(context);
  return handleDispatch(event);
}
