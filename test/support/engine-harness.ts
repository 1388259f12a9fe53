/**
 * Wires the follow-up engine's use cases to in-memory ports for unit tests: one owner in
 * Europe/Berlin at 09:00, a fake clock, the in-memory repository, a recording mailer, the
 * fake renderer and a real link signer with a test key.
 */
import { createLinkSigner } from '../../functions/core/links/link-signer.js';
import type { MailVerdicts, OwnerSettings } from '../../functions/core/ports.js';
import { DEFAULT_CADENCE } from '../../functions/core/plan/cadence.js';
import type { IngestDeps } from '../../functions/core/use-cases/ingest-message.js';
import { FakeClock } from './fake-clock.js';
import { RecordingLog, RecordingMailer, SequentialIds } from './fake-ports.js';
import { FakeRenderer } from './fake-renderer.js';
import { InMemoryContactRepository } from './in-memory-repository.js';

export const TEST_SIGNING_KEYS = {
  k1: 'test-key-one-0123456789abcdefghijklmnop',
  k2: 'test-key-two-0123456789abcdefghijklmnop',
};

export const OWNER_ADDRESS = 'alex.morgan@example.net';

export const PASSING_VERDICTS: MailVerdicts = { spf: 'PASS', dkim: 'PASS', spam: 'PASS', virus: 'PASS', dmarc: 'PASS' };

export function makeTestOwner(overrides: Partial<OwnerSettings> = {}): OwnerSettings {
  return {
    ownerId: 'owner',
    addresses: [OWNER_ADDRESS, 'alex@work.example'],
    name: 'Alex Morgan',
    timeZone: 'Europe/Berlin',
    sendHour: 9,
    inboundAddress: 'inbox@not-today.example',
    actionsBaseUrl: 'http://127.0.0.1:3000',
    cadence: DEFAULT_CADENCE,
    ...overrides,
  };
}

export interface Harness {
  deps: IngestDeps;
  clock: FakeClock;
  repository: InMemoryContactRepository;
  mailer: RecordingMailer;
  renderer: FakeRenderer;
  log: RecordingLog;
}

/** A fresh engine at `start` (default Monday 2 March 2026, 10:00 UTC). */
export function createHarness(options: { start?: string; owner?: Partial<OwnerSettings> } = {}): Harness {
  const clock = new FakeClock(options.start ?? '2026-03-02T10:00:00.000Z');
  const repository = new InMemoryContactRepository();
  const mailer = new RecordingMailer();
  const renderer = new FakeRenderer();
  const log = new RecordingLog();
  const deps: IngestDeps = {
    repository,
    mailer,
    renderer,
    signer: createLinkSigner({ keys: TEST_SIGNING_KEYS, currentKeyId: 'k1' }),
    clock,
    ids: new SequentialIds('claim'),
    log,
    owner: makeTestOwner(options.owner),
    maxMailBytes: 256 * 1024,
  };
  return { deps, clock, repository, mailer, renderer, log };
}
