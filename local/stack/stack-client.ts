/**
 * The CLI's side of the local stack: finds the running stack (flag, environment variable,
 * the data folder's stack.json, else the default port) and calls its /_local/ routes.
 */
import { ACTIONS_PORT_SETTING } from './actions-server.js';
import { CONTROL_HEADER } from './control-routes.js';
import { dataPathsOf, readStackFile, resolveDataDir } from './data-dir.js';
import { LOCAL_HOST } from './listen.js';
import { StackNotRunningError, UsageError } from './local-stack-errors.js';

const DEFAULT_ACTIONS_PORT = 3000;
const MAX_PORT = 65_535;

export interface StackLocation {
  actionsUrl: string;
}

/** Where the running stack's actions server is: --actions-port, env, stack.json, default. */
export function locateStack(flags: { actionsPort?: string; dataDir?: string }): StackLocation {
  const explicit = flags.actionsPort ?? process.env[ACTIONS_PORT_SETTING.envVar];
  if (explicit) {
    const port = Number(explicit);
    if (!/^\d+$/.test(explicit) || port === 0 || port > MAX_PORT) {
      throw new UsageError(`${ACTIONS_PORT_SETTING.flag}: "${explicit}" is not a port number`);
    }
    return { actionsUrl: `http://${LOCAL_HOST}:${port}` };
  }
  const file = readStackFile(dataPathsOf(resolveDataDir(flags.dataDir)).stackFile);
  return { actionsUrl: file?.urls.actions ?? `http://${LOCAL_HOST}:${DEFAULT_ACTIONS_PORT}` };
}

/** Calls a control route; JSON in and out. A refused connection means the stack is not running. */
export async function callStack<T>(
  location: StackLocation,
  method: 'GET' | 'POST',
  path: string,
  body?: Buffer,
): Promise<T> {
  const url = `${location.actionsUrl}/_local/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { [CONTROL_HEADER]: '1', ...(body ? { 'content-type': 'message/rfc822' } : {}) },
      ...(body ? { body } : {}),
    });
  } catch (error) {
    throw new StackNotRunningError(location.actionsUrl, { cause: error });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StackNotRunningError(`${location.actionsUrl} (it answered, but not as a Not Today local stack)`);
  }
  if (!response.ok) {
    const message = (parsed as { error?: string }).error ?? `HTTP ${response.status}`;
    throw new UsageError(`the local stack refused ${method} /_local/${path}: ${message}`);
  }
  return parsed as T;
}

/** The status a running stack reports (GET /_local/status). */
export interface StackStatus {
  pid: number;
  now: string;
  clockOffsetMs: number;
  urls: { smtp: string; actions: string; mailViewer: string };
  inboundAddress: string;
  ownerAddresses: string[];
  dataDir: string | null;
  memory: boolean;
}

/**
 * Runs a command body; a deliberate error (AppError) becomes one clear line on stderr and
 * exit code 1, anything else keeps its stack trace (it is a bug).
 */
export async function runCommand(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Error && 'code' in error && 'permanent' in error) {
      process.stderr.write(`not-today ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && error.message.startsWith('Unknown option')) {
      process.stderr.write(`not-today ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
