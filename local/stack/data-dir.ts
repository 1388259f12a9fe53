/**
 * The local data folder (default `.local-data/` in the current directory):
 *
 *   .local-data/dynamo/        dynalite's LevelDB files (the table)
 *   .local-data/s3/            s3rver's objects (raw inbound mail)
 *   .local-data/clock.json     the local clock's offset (`tick --advance` survives restarts)
 *   .local-data/signing-keys.json   the local link-signing key, made once
 *   .local-data/stack.json     the running stack's ports, for the CLI (removed on stop)
 *
 * With `--memory` nothing is kept: the table lives in memory, raw mail in a temporary
 * folder, the key and the clock offset in memory. stack.json is still written so the CLI
 * can find the stack.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const DEFAULT_DATA_DIR = '.local-data';
export const DATA_DIR_ENV = 'NOT_TODAY_DATA_DIR';
export const STACK_FILE_NAME = 'stack.json';
const SIGNING_KEYS_FILE_NAME = 'signing-keys.json';
export const LOCAL_SIGNING_KEY_ID = 'k1';
/** 32 random bytes, base64: well over the 32-character minimum of a signing key. */
const SIGNING_KEY_BYTES = 32;

/** The data folder: the flag, else NOT_TODAY_DATA_DIR, else .local-data, resolved against cwd. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env[DATA_DIR_ENV] ?? DEFAULT_DATA_DIR);
}

export interface DataPaths {
  root: string;
  dynamo: string;
  s3: string;
  clock: string;
  stackFile: string;
}

/** Where each part of the local data lives under `root`. */
export function dataPathsOf(root: string): DataPaths {
  return {
    root,
    dynamo: join(root, 'dynamo'),
    s3: join(root, 's3'),
    clock: join(root, 'clock.json'),
    stackFile: join(root, STACK_FILE_NAME),
  };
}

/** Creates the folders a persistent stack writes to. */
export function ensureDataFolders(paths: DataPaths): void {
  mkdirSync(paths.dynamo, { recursive: true });
  mkdirSync(paths.s3, { recursive: true });
}

const newSigningKeys = (): Record<string, string> => ({
  [LOCAL_SIGNING_KEY_ID]: randomBytes(SIGNING_KEY_BYTES).toString('base64'),
});

/**
 * The local signing keys (JSON: key id -> secret). Made once and kept in the data folder so
 * links in earlier emails keep working after a restart; `root` null makes a fresh one.
 */
export function loadOrCreateSigningKeys(root: string | null): string {
  if (!root) return JSON.stringify(newSigningKeys());
  const file = join(root, SIGNING_KEYS_FILE_NAME);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(root, { recursive: true });
  const keys = JSON.stringify(newSigningKeys());
  writeFileSync(file, `${keys}\n`, { mode: 0o600 });
  return keys;
}

/** What the CLI reads to find the running stack. */
export interface StackFile {
  pid: number;
  startedAt: string;
  ports: { smtp: number; actions: number; mailViewer: number; dynamo: number; s3: number };
  urls: { smtp: string; actions: string; mailViewer: string };
  inboundAddress: string;
  ownerAddresses: string[];
}

/** Writes stack.json (creating the data folder if needed). */
export function writeStackFile(file: string, content: StackFile): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}

/** Reads stack.json; null when missing or unreadable. */
export function readStackFile(file: string): StackFile | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackFile;
  } catch {
    return null;
  }
}

/** Removes the stack file if it still describes this process. */
export function removeStackFile(file: string): void {
  const current = readStackFile(file);
  if (current && current.pid === process.pid) rmSync(file, { force: true });
}

/** True when a process with this id runs (signal 0 only checks; EPERM means it exists). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The stack that still runs on this data folder (another process), if any. Two stacks on
 * one folder would fight over dynalite's database lock, so a start checks first.
 */
export function findRunningStack(file: string): StackFile | null {
  const current = readStackFile(file);
  if (!current || current.pid === process.pid) return null;
  return isProcessAlive(current.pid) ? current : null;
}
