import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../local/cli.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/eml/', import.meta.url));

/** Runs the CLI in-process and returns its exit code and what it wrote to stdout. */
async function runCapturing(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('not-today parse', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'not-today-parse-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one JSON object per line, in input order, with the contract fields', async () => {
    // Prepare
    await mkdir(join(dir, 'b-sub'));
    await copyFile(join(FIXTURES, 'forwards/gmail-text-html.eml'), join(dir, 'a-gmail.eml'));
    await copyFile(join(FIXTURES, 'forwards/outlook-html-only.eml'), join(dir, 'b-sub', 'outlook.eml'));
    await writeFile(join(dir, 'notes.txt'), 'not an eml, skipped');
    const single = join(FIXTURES, 'forwards/direct.eml');

    // Act
    const { code, stdout } = await runCapturing(['parse', '--json', '--owner', 'alex.morgan@example.net', single, dir]);

    // Assess
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(lines.map((line) => line.file)).toEqual([single, join(dir, 'a-gmail.eml'), join(dir, 'b-sub', 'outlook.eml')]);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['file', 'isRejection', 'company', 'contact', 'role', 'confidence', 'signals', 'language', 'status', 'reason', 'original', 'kind']));
      expect(Object.keys(line.contact)).toEqual(expect.arrayContaining(['name', 'email', 'noReply']));
    }
    expect(lines[1]!.original.from.address).toBe('priya.raman@globex-robotics.example');
    expect(lines[2]!.contact.email).toBe('marcus.lindqvist@northwind-analytics.example');
  });

  it('prints an error line for unreadable and unparseable files, goes on, and exits non-zero', async () => {
    // Prepare
    await copyFile(join(FIXTURES, 'bad/binary-garbage.eml'), join(dir, 'a-garbage.eml'));
    await copyFile(join(FIXTURES, 'forwards/apple-mail.eml'), join(dir, 'b-apple.eml'));
    const missing = join(dir, 'missing.eml');

    // Act
    const { code, stdout } = await runCapturing(['parse', '--json', missing, dir]);

    // Assess
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ file: missing, error: 'cannot read: no such file or directory', code: 'unreadable' });
    expect(lines[1]).toEqual({ file: join(dir, 'a-garbage.eml'), error: 'not an email message: the header section holds binary data', code: 'not-an-email' });
    expect(lines[2]!.original.from.address).toBe('hannah.becker@vandelay-industries.example');
  });

  it('reports a message that was not understood as a result with its reason, not a failure', async () => {
    // Prepare
    const file = join(FIXTURES, 'bad/forward-without-original.eml');

    // Act
    const { code, stdout } = await runCapturing(['parse', '--json', file]);

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ file, status: 'not-understood', isRejection: false, company: null });
  });

  it('prints a readable summary by default, without control characters from the mail', async () => {
    // Prepare
    const raw = 'From: "Evil\u001b[31m Corp" <no-reply@evil.example>\nSubject: Your application\u0007\nContent-Type: text/plain\n\nWe decided to move forward with other candidates.\n';
    await writeFile(join(dir, 'evil.eml'), raw);

    // Act
    const { code, stdout } = await runCapturing(['parse', join(dir, 'evil.eml'), join(FIXTURES, 'bad/empty.eml')]);

    // Assess
    expect(code).toBe(1);
    expect(stdout).toContain('understood: direct mail');
    expect(stdout).toContain('original:   "Your application"');
    expect(stdout).toContain('error: the message is empty');
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('explains its usage when given no file', async () => {
    // Prepare / Act
    const { code, stderr } = await runCapturing(['parse', '--json']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('usage: not-today parse');
  });
});
