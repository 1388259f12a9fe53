/**
 * The timer that plays the EventBridge scheduled rule: every `intervalMs` it invokes the
 * dispatch handler with a "Scheduled Event" stamped with the local clock's time. Runs never
 * overlap; `runNow()` (used by `not-today tick`) queues behind a running sweep.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { Clock } from '../../functions/core/ports.js';
import type { LambdaHandler, LambdaInvoker, StackLog } from './lambda-invoker.js';

export const DISPATCH_FUNCTION_NAME = 'not-today-dispatch';
const LOCAL_RULE_ARN = 'arn:aws:events:us-east-1:000000000000:rule/not-today-dispatch';

/** A scheduled event as EventBridge sends it, at `now`. */
export function buildScheduledEvent(now: Date): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'us-east-1',
    resources: [LOCAL_RULE_ARN],
    detail: {},
  };
}

/** The local EventBridge rule: a timer, plus sweeps on demand. */
export class DispatchScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly invoker: LambdaInvoker,
    private readonly loadDispatchHandler: () => Promise<LambdaHandler>,
    private readonly log: StackLog,
  ) {}

  /**
   * Starts the timer; 0 or less leaves it off (sweeps only through runNow). `sweep` replaces
   * the plain runNow when the caller wants to report on each sweep.
   */
  start(intervalMs: number, sweep: () => Promise<unknown> = () => this.runNow()): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      void sweep().catch((error: unknown) => {
        this.log.error(`scheduled dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, intervalMs);
  }

  /** One sweep now, after any running one; resolves with the handler's result or throws its error. */
  runNow(): Promise<unknown> {
    const sweep = (): Promise<unknown> =>
      this.invoker.invokeSync(DISPATCH_FUNCTION_NAME, this.loadDispatchHandler, buildScheduledEvent(this.clock.now()));
    const next = this.running.then(sweep, sweep);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Stops the timer and waits for a running sweep. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
