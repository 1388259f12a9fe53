/**
 * `npm start` without --memory keeps its data folder: contacts, raw mail, the clock offset and
 * the signing key survive a restart; stack.json tells the CLI where the stack runs and goes
 * away on stop. A taken port is reported with the flag and variable that move it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackFile } from '../../../local/stack/data-dir.js';
import { PortInUseError } from '../../../local/stack/local-stack-errors.js';
import { buildGmailForward, startTestStack, uniqueMessageId } from '../../support/local-stack.js';

const OWNER = 'persist.owner@example.com';
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'not-today-data-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function occupyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe('the local data folder', () => {
  it('names the flag and the variable when a port is taken', async () => {
    // Prepare
    const { server, port } = await occupyPort();
    // Act
    const starting = startTestStack({ ownerAddresses: [OWNER], ports: { smtp: port } });
    // Assess
    await expect(starting).rejects.toBeInstanceOf(PortInUseError);
    await expect(starting).rejects.toThrow(/port \d+ .*already in use.*--smtp-port <port> or NOT_TODAY_SMTP_PORT=<port>/);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('keeps contacts, raw mail, the clock and the signing key across a restart', async () => {
    // Prepare
    const first = await startTestStack({ memory: false, dataDir, writeStackFile: true, ownerAddresses: [OWNER] });
    const stackFile = join(dataDir, 'stack.json');
    const written = readStackFile(stackFile);
    await first.ingest(
      Buffer.from(
        buildGmailForward({
          owner: `Sam <${OWNER}>`,
          originalFrom: 'Olga Petrenko <olga.petrenko@birchway.example>',
          originalSubject: 'Your application for QA Engineer at Birchway',
          originalMessageId: uniqueMessageId(),
          originalBody: 'Hi Sam,\n\nThank you for applying. We have decided to move forward with other candidates.\n\nOlga Petrenko\nBirchway',
        }),
      ),
      OWNER,
    );
    const { now: aheadAt } = await first.tick({ advance: { months: 2 } });
    const contactsBefore = await first.listContacts();
    const keysBefore = first.env.SIGNING_KEYS;
    const ports = first.ports;
    await first.stop();
    const stackFileAfterStop = existsSync(stackFile);
    // Act
    const second = await startTestStack({ memory: false, dataDir, writeStackFile: true, ownerAddresses: [OWNER], ports });
    try {
      // Assess
      expect(written?.ports.actions).toBe(ports.actions);
      expect(written?.urls.smtp).toBe(`smtp://127.0.0.1:${ports.smtp}`);
      expect(stackFileAfterStop).toBe(false);
      expect(contactsBefore).toHaveLength(1);
      expect(await second.listContacts()).toEqual(contactsBefore);
      expect(second.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(aheadAt));
      expect(second.env.SIGNING_KEYS).toBe(keysBefore);
      expect(existsSync(join(dataDir, 's3', second.bucket))).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
