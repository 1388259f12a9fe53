/**
 * Structured logging with Powertools Logger (JSON lines, Lambda context, sampling, log level
 * from POWERTOOLS_LOG_LEVEL). The core sees only the small Log port. Rule: never log mail
 * bodies, and never full addresses at info level: pass them through `maskAddress`.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '../core/ports.js';

/** The service name every log line carries. */
export const SERVICE_NAME = 'not-today';

let sharedLogger: Logger | undefined;

/** The process's Powertools Logger, built on first use. */
export function getLogger(): Logger {
  sharedLogger ??= new Logger({ serviceName: SERVICE_NAME });
  return sharedLogger;
}

/**
 * The Log port on top of a Powertools Logger: the given one, else the process's logger,
 * looked up at each call (so importing a handler builds no logger).
 */
export function createLog(logger?: Logger): Log {
  const target = (): Logger => logger ?? getLogger();
  return {
    debug: (message, extra) => (extra ? target().debug(message, extra) : target().debug(message)),
    info: (message, extra) => (extra ? target().info(message, extra) : target().info(message)),
    warn: (message, extra) => (extra ? target().warn(message, extra) : target().warn(message)),
    error: (message, extra) => (extra ? target().error(message, extra) : target().error(message)),
  };
}

/** An address fit for logs ("j***@acme.example"): the one masking rule, from the core. */
export { maskAddress } from '../core/trust/inbound-policy.js';
