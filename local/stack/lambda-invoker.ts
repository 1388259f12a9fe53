/**
 * Calls a Lambda handler in-process the way the Lambda service would: with a context
 * object, and for asynchronous sources (SES, EventBridge) with Lambda's retries (two more
 * attempts after a failure). Every invocation is tracked so tests can wait for quiet.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** Lambda's async invocation retries after the first failure. */
export const ASYNC_RETRY_ATTEMPTS = 2;
/** Lambda's default timeout; handlers may read getRemainingTimeInMillis. */
const FUNCTION_TIMEOUT_MS = 30_000;
const FUNCTION_MEMORY_MB = '512';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface StackLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface InvokeOutcome {
  ok: boolean;
  result?: unknown;
  error?: string;
  attempts: number;
}

/** A Lambda context for one in-process invocation. */
export function createLambdaContext(functionName: string): Context {
  const startedAt = Date.now();
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: FUNCTION_MEMORY_MB,
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${requestId}`,
    getRemainingTimeInMillis: () => Math.max(0, FUNCTION_TIMEOUT_MS - (Date.now() - startedAt)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** Runs handlers in-process like the Lambda service, and knows which invocations are running. */
export class LambdaInvoker {
  private readonly inFlight = new Set<Promise<unknown>>();
  /**
   * One invocation at a time per function, as in one Lambda execution environment: module
   * state (the logger's request context, cached clients) is never shared by two events.
   */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly log: StackLog,
    private readonly retryDelayMs: number,
  ) {}

  /** Invokes once and returns the handler's result or throws its error (request/response). */
  async invokeSync(name: string, load: () => Promise<LambdaHandler>, event: unknown): Promise<unknown> {
    return this.track(this.runExclusive(name, async () => (await load())(event, createLambdaContext(name))));
  }

  /**
   * Invokes like an asynchronous source: a failure is logged and retried (ASYNC_RETRY_ATTEMPTS
   * more times); the outcome is never thrown, and the event is not lost from view.
   */
  invokeAsync(name: string, load: () => Promise<LambdaHandler>, event: unknown): Promise<InvokeOutcome> {
    const run = (async (): Promise<InvokeOutcome> => {
      let lastError = '';
      for (let attempt = 1; attempt <= ASYNC_RETRY_ATTEMPTS + 1; attempt += 1) {
        try {
          const result = await this.runExclusive(name, async () => (await load())(event, createLambdaContext(name)));
          return { ok: true, result, attempts: attempt };
        } catch (error) {
          lastError = describeError(error);
          const more = attempt <= ASYNC_RETRY_ATTEMPTS;
          this.log.error(`${name} failed (attempt ${attempt}): ${lastError}${more ? '; retrying' : '; giving up'}`);
          if (more) await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
        }
      }
      return { ok: false, error: lastError, attempts: ASYNC_RETRY_ATTEMPTS + 1 };
    })();
    return this.track(run);
  }

  /** Resolves when no invocation is running (including ones started meanwhile). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** Runs `work` after every earlier invocation of the same function has settled. */
  private runExclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(name, settled);
    void settled.then(() => {
      if (this.queues.get(name) === settled) this.queues.delete(name);
    });
    return next;
  }

  private track<T>(run: Promise<T>): Promise<T> {
    this.inFlight.add(run);
    const forget = (): void => {
      this.inFlight.delete(run);
    };
    run.then(forget, forget);
    return run;
  }
}
