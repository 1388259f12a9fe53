/**
 * `npm start` as a person runs it: a child process that prints where to forward mail and
 * where to read the owner's inbox, then a line with `ready`; Ctrl-C (SIGINT) stops it cleanly.
 * Every port is free (0, through the NOT_TODAY_*_PORT variables) and nothing is kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/not-today.mjs', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const FREE_PORTS = { NOT_TODAY_SMTP_PORT: '0', NOT_TODAY_ACTIONS_PORT: '0', NOT_TODAY_MAIL_VIEWER_PORT: '0' };

let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Collects the child's stdout until `pattern` shows (or the child exits). */
function waitForOutput(process: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    process.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited before ${pattern}:\n${output}`));
    });
  });
}

describe('not-today start', () => {
  it('prints where to forward mail and where to read it, then ready; SIGINT stops it and exits 0', async () => {
    // Prepare
    dataDir = await mkdtemp(join(tmpdir(), 'not-today-start-'));
    child = spawn(process.execPath, [BIN, 'start', '--memory', '--data-dir', dataDir, '--owner', 'casey@example.com'], {
      env: { ...process.env, ...FREE_PORTS },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    // Act
    const banner = await waitForOutput(child, /ready/);
    const stackFileWhileRunning = existsSync(join(dataDir, 'stack.json'));
    const actionsUrl = /Action links\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    const status = (await (await fetch(`${actionsUrl}/_local/status`)).json()) as { ownerAddresses: string[] };
    child.kill('SIGINT');
    const code = await exited;
    // Assess
    expect(banner).toMatch(/Forward rejections to\s+rejections@not-today\.localhost/);
    expect(banner).toMatch(/over SMTP at\s+smtp:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toMatch(/from the owner\s+casey@example\.com/);
    expect(banner).toMatch(/The owner's inbox\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toContain('npx not-today demo');
    expect(banner.trimEnd().split('\n').at(-1)).toContain('ready');
    expect(status.ownerAddresses).toEqual(['casey@example.com']);
    expect(stackFileWhileRunning).toBe(true);
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
  });
});
