/**
 * Errors of the local stack and the CLI around it. They subclass AppError like every
 * deliberate error of the project, so the CLI can print `message` without a stack trace.
 */
import { AppError } from '../../functions/core/errors.js';

/** A port the stack wants is taken; names the flag and the environment variable that move it. */
export class PortInUseError extends AppError {
  override readonly name: string = 'PortInUseError';
  readonly code = 'port-in-use';
  readonly permanent = true;
  constructor(
    readonly service: string,
    readonly port: number,
    readonly flag: string,
    readonly envVar: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${service}: port ${port} on 127.0.0.1 is already in use. ` +
        `Stop what uses it, or choose another port with ${flag} <port> or ${envVar}=<port>.`,
      options,
    );
  }
}

/** The CLI could not reach a running local stack. */
export class StackNotRunningError extends AppError {
  override readonly name: string = 'StackNotRunningError';
  readonly code = 'stack-not-running';
  readonly permanent = true;
  constructor(where: string, options?: { cause?: unknown }) {
    super(`The local stack is not running (nothing answers at ${where}): start it with npm start.`, options);
  }
}

/** A command-line value (a duration, a port, a path) that cannot be used. */
export class UsageError extends AppError {
  override readonly name: string = 'UsageError';
  readonly code = 'usage';
  readonly permanent = true;
}
