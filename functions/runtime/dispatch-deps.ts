/**
 * The dispatch function's wiring and the one use case it runs. Imports no email-understanding
 * code and no S3 client (see container.ts).
 *
 * Most sweeps find nothing due, so a cold start builds only the table, the clock and the log,
 * and checks that the template files exist; the delivery ports (the templates and Handlebars,
 * the signing keys from SSM Parameter Store, the SES mailer) are built the first time a sweep
 * finds something due.
 */
import { TransientError } from '../core/errors.js';
import { dispatchDue, type DispatchResult } from '../core/use-cases/dispatch-due.js';
import { buildDeliverDeps, buildRepository, memoizeAsync, ownerSettingsOf } from './container.js';
import { runtimeClock } from './clock.js';
import { loadConfig, type Config } from './config.js';
import { checkTemplateFiles } from './load-templates.js';
import { createLog } from './logger.js';

/** What the dispatch handler needs: one call that runs a sweep now. */
export interface DispatchHandlerDeps {
  /** Delivers every prompt due by the runtime clock's now (dispatchDue). */
  dispatch(): Promise<DispatchResult>;
}

/** Builds the dispatch wiring for one configuration (the process's config by default). */
export async function buildDispatchHandlerDeps(config: Config = loadConfig()): Promise<DispatchHandlerDeps> {
  // Fail at start, as a full build would, on a missing ACTIONS_BASE_URL or template file.
  ownerSettingsOf(config);
  checkTemplateFiles(config.TEMPLATES_DIR);
  const repository = buildRepository(config);
  const loadDeliverDeps = memoizeAsync(async () => {
    try {
      return await buildDeliverDeps(config, undefined, repository);
    } catch (error) {
      // Fails the invocation (error metric, alarm) even for a permanent cause such as a bad
      // signing-key parameter, as a failed start did when this was built at cold start.
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new TransientError(`dispatch: the delivery wiring could not be built (${cause})`, { cause: error });
    }
  });
  const deps = { repository, clock: runtimeClock, log: createLog(), loadDeliverDeps };
  return { dispatch: () => dispatchDue(deps) };
}

/** The process's dispatch wiring, built once per cold start. */
export const loadDispatchHandlerDeps: () => Promise<DispatchHandlerDeps> = memoizeAsync(() => buildDispatchHandlerDeps());
