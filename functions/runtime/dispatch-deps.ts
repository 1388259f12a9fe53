/**
 * The dispatch function's wiring: the shared delivery ports, and the one use case it runs.
 * Imports no email-understanding code and no S3 client (see container.ts).
 */
import { dispatchDue, type DispatchResult } from '../core/use-cases/dispatch-due.js';
import { buildDeliverDeps, memoizeAsync } from './container.js';
import type { Config } from './config.js';

/** What the dispatch handler needs: one call that runs a sweep now. */
export interface DispatchHandlerDeps {
  /** Delivers every prompt due by the runtime clock's now (dispatchDue). */
  dispatch(): Promise<DispatchResult>;
}

/** Builds the dispatch wiring for one configuration (the process's config by default). */
export async function buildDispatchHandlerDeps(config?: Config): Promise<DispatchHandlerDeps> {
  const deps = await buildDeliverDeps(config);
  return { dispatch: () => dispatchDue(deps) };
}

/** The process's dispatch wiring, built once per cold start. */
export const loadDispatchHandlerDeps: () => Promise<DispatchHandlerDeps> = memoizeAsync(() => buildDispatchHandlerDeps());
