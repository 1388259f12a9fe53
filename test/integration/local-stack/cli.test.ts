/**
 * The `not-today` commands against a running local stack (started here on free ports):
 * demo, list, tick and ingest talk to it through its ports, as they do from a terminal.
 * Commands run in-process; their output is captured from process.stdout / stderr.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSamples, run as runDemo, SAMPLES_DIR } from '../../../local/commands/demo.js';
import { run as runIngest } from '../../../local/commands/ingest.js';
import { run as runList } from '../../../local/commands/list.js';
import { run as runTick } from '../../../local/commands/tick.js';
import type { ContactSummary } from '../../../local/stack/control-routes.js';
import { readSesStore, startTestStack, type LocalStack } from '../../support/local-stack.js';

const OWNER = 'demo.owner@example.com';
const SAMPLE_COUNT = 5;

let stack: LocalStack;
let portArgs: string[];

/** Runs a command, capturing what it writes; returns its exit code and output. */
async function capture(run: (argv: string[]) => Promise<number>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

beforeAll(async () => {
  stack = await startTestStack({ ownerAddresses: [OWNER], clockStart: new Date('2027-05-03T10:00:00Z') });
  portArgs = ['--actions-port', String(stack.ports.actions)];
});

afterAll(async () => {
  await stack?.stop();
});

describe('the not-today CLI against a running stack', () => {
  it('demo forwards every sample as the configured owner; each gets exactly one owner email', async () => {
    // Prepare
    const before = (await readSesStore(stack)).length;
    // Act
    const result = await capture(runDemo, portArgs);
    await stack.idle();
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout.match(/250 Ok: queued as/g)).toHaveLength(SAMPLE_COUNT);
    const emails = (await readSesStore(stack)).slice(before);
    expect(emails).toHaveLength(SAMPLE_COUNT);
    expect(emails.every((email) => email.destination.to.join(',').includes(OWNER))).toBe(true);
    expect(emails.filter((email) => /review/i.test(email.subject))).toHaveLength(1);
    for (const email of emails) expect(result.stdout).toContain(email.subject);
  });

  it('list --json prints every contact with its status and next prompt', async () => {
    // Act
    const result = await capture(runList, [...portArgs, '--json']);
    // Assess
    expect(result.code).toBe(0);
    const contacts = JSON.parse(result.stdout) as ContactSummary[];
    expect(contacts).toHaveLength(SAMPLE_COUNT);
    expect(contacts.filter((contact) => contact.status === 'needs-review')).toHaveLength(1);
    const active = contacts.filter((contact) => contact.status === 'active');
    expect(active).toHaveLength(SAMPLE_COUNT - 1);
    for (const contact of active) {
      expect(contact.contactId).toMatch(/^[a-z0-9]{20}$/);
      expect(['check-in', 'feedback-follow-up']).toContain(contact.nextPrompt);
      expect(Date.parse(contact.nextDueAt ?? '')).toBeGreaterThan(stack.clock.now().getTime());
    }
  });

  it('list prints a table with company, person, role, status and next prompt', async () => {
    // Act
    const result = await capture(runList, portArgs);
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^COMPANY\s+PERSON\s+ROLE\s+STATUS\s+NEXT\s+DUE/);
    expect(result.stdout).toContain('Brightloop');
    expect(result.stdout).toContain('needs-review');
  });

  it('tick --advance moves the clock and reports the prompts it sent', async () => {
    // Prepare
    const before = stack.clock.now().getTime();
    const emailsBefore = (await readSesStore(stack)).length;
    // Act
    const result = await capture(runTick, [...portArgs, '--advance', '1mo2d']);
    // Assess
    expect(result.code).toBe(0);
    const movedDays = (stack.clock.now().getTime() - before) / (24 * 60 * 60 * 1000);
    expect(movedDays).toBeGreaterThanOrEqual(32);
    expect(movedDays).toBeLessThan(35);
    const sent = (await readSesStore(stack)).slice(emailsBefore);
    expect(sent.length).toBeGreaterThan(0);
    for (const email of sent) expect(result.stdout).toContain(email.subject);
  });

  it('tick refuses an unreadable duration with a clear message', async () => {
    // Act
    const result = await capture(runTick, [...portArgs, '--advance', 'soon']);
    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot read the duration "soon"/);
  });

  it('ingest feeds a folder through the SMTP path: mail already forwarded is a duplicate, nothing new is sent', async () => {
    // Prepare
    const folder = await mkdtemp(join(tmpdir(), 'not-today-ingest-'));
    for (const sample of await readSamples(OWNER)) await writeFile(join(folder, sample.name), sample.raw);
    const emailsBefore = (await readSesStore(stack)).length;
    // Act
    const result = await capture(runIngest, [...portArgs, folder]);
    await rm(folder, { recursive: true, force: true });
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout.match(/stored as inbound\/[a-z0-9]+; inbound: duplicate/g)).toHaveLength(SAMPLE_COUNT);
    expect((await readSesStore(stack)).length).toBe(emailsBefore);
  });

  it("ingest uses the message's From as the envelope sender: someone else's mail is dropped", async () => {
    // Prepare: the sample as written is from you@example.com, not this stack's owner
    const file = join(SAMPLES_DIR, '03-attached-quillworks.eml');
    const emailsBefore = (await readSesStore(stack)).length;
    // Act
    const result = await capture(runIngest, [...portArgs, file]);
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/stored as inbound\/[a-z0-9]+; inbound: dropped: not-from-owner/);
    expect((await readSesStore(stack)).length).toBe(emailsBefore);
  });

  it('says how to start the stack when nothing is running', async () => {
    // Prepare
    const port = await closedPort();
    // Act
    const result = await capture(runList, ['--actions-port', String(port)]);
    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('start it with npm start');
  });
});
