/**
 * The one error family of the project. Every error we throw on purpose is an AppError,
 * so a handler can decide by `permanent` whether to acknowledge (log and drop) or rethrow
 * (so Lambda retries and the DLQ apply), and so a user-facing message never needs a stack.
 */
export abstract class AppError extends Error {
  /** A stable machine-readable code, safe to log and to show. */
  abstract readonly code: string;
  /** True when retrying the same input can never succeed. */
  abstract readonly permanent: boolean;

  /**
   * The class name, written out in every subclass (`override readonly name = '...'`): the
   * deployed bundles are minified without keeping class names, so `new.target.name` would log
   * a mangled one. test/unit/errors/error-names.test.ts checks every subclass on a minified build.
   */
  abstract override readonly name: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input that can never be processed as given: bad MIME, a bad form value, a bad event. */
export class InvalidInputError extends AppError {
  override readonly name: string = 'InvalidInputError';
  readonly code: string = 'invalid-input';
  readonly permanent = true;
}

/** An inbound message larger than the configured limit. */
export class MailTooLargeError extends InvalidInputError {
  override readonly name: string = 'MailTooLargeError';
  override readonly code = 'mail-too-large';
  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`message is ${sizeBytes} bytes, over the limit of ${limitBytes} bytes`);
  }
}

/** Something asked for does not exist (a contact, a raw mail object). */
export class NotFoundError extends AppError {
  override readonly name: string = 'NotFoundError';
  readonly code = 'not-found';
  readonly permanent = true;
}

/** A conditional write lost a race; the caller may re-read and retry. */
export class ConflictError extends AppError {
  override readonly name: string = 'ConflictError';
  readonly code = 'conflict';
  readonly permanent = false;
}

/** A signed link that is tampered, expired, for another owner or signed with an unknown key. */
export class InvalidTokenError extends AppError {
  override readonly name: string = 'InvalidTokenError';
  readonly code: string = 'invalid-token';
  readonly permanent = true;
  constructor(
    message: string,
    readonly reason: 'malformed' | 'bad-signature' | 'unknown-key' | 'expired' | 'wrong-owner',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A dependency failed in a way that may pass on retry (throttling, timeouts, 5xx). */
export class TransientError extends AppError {
  override readonly name: string = 'TransientError';
  readonly code = 'transient';
  readonly permanent = false;
}

/** Configuration is missing or invalid; lists every problem by name. */
export class ConfigError extends AppError {
  override readonly name: string = 'ConfigError';
  readonly code = 'config';
  readonly permanent = true;
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** True when an error is known to be permanent; unknown errors count as transient. */
export function isPermanentError(error: unknown): boolean {
  return error instanceof AppError && error.permanent;
}
