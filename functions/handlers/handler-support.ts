/**
 * What the handlers share: how an error is described in a log line (name, code and message,
 * never a mail body or a stack), and how an invalid event is reported.
 */
import { AppError, ConfigError } from '../core/errors.js';
import type { Log } from '../core/ports.js';
import type * as z from '../core/zod-mini.js';

/** Longest error message kept in a log line. */
const MAX_LOGGED_MESSAGE_LENGTH = 500;
/** Most schema problems listed for one invalid event. */
const MAX_LOGGED_ISSUES = 10;

/** Log fields describing an error: its name, its AppError code, and a bounded message. */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (error instanceof ConfigError) return { errorName: error.name, code: error.code, problems: error.problems };
  if (error instanceof Error) {
    return {
      errorName: error.name,
      ...(error instanceof AppError ? { code: error.code } : {}),
      errorMessage: error.message.slice(0, MAX_LOGGED_MESSAGE_LENGTH),
    };
  }
  return { errorName: typeof error, errorMessage: String(error).slice(0, MAX_LOGGED_MESSAGE_LENGTH) };
}

/** The code to report for an error: the AppError's code, else "unexpected". */
export function errorCodeOf(error: unknown): string {
  return error instanceof AppError ? error.code : 'unexpected';
}

/** Logs why an event failed its schema: paths and messages only (no values from the event). */
export function logInvalidEvent(log: Log, handlerName: string, error: z.core.$ZodError): void {
  log.error(`${handlerName}: invalid event acknowledged`, {
    problems: error.issues
      .slice(0, MAX_LOGGED_ISSUES)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  });
}
