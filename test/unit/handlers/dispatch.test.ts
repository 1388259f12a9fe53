/**
 * The dispatch handler with fakes (no sockets): event validation and the error policy.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, TransientError } from '../../../functions/core/errors.js';
import type { DispatchResult } from '../../../functions/core/use-cases/dispatch-due.js';
import { createDispatchHandler } from '../../../functions/handlers/dispatch.js';
import { createRecordingLog } from '../../support/recording-log.js';

/** An EventBridge scheduled event, as the rule delivers it. */
function scheduledEvent(overrides: Record<string, unknown> = {}): unknown {
  return {
    version: '0',
    id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: '2026-03-02T09:15:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:events:eu-west-1:123456789012:rule/not-today-dispatch'],
    detail: {},
    ...overrides,
  };
}

const SWEEP: DispatchResult = { due: 3, claimed: 2, sent: 2, skipped: 1, failed: 0 };

/** Fake wiring that counts sweeps and answers as scripted. */
function fakeDeps(dispatch: () => Promise<DispatchResult> = async () => SWEEP) {
  let sweeps = 0;
  return {
    sweeps: () => sweeps,
    loadDeps: async () => ({
      dispatch: async () => {
        sweeps += 1;
        return dispatch();
      },
    }),
  };
}

describe('dispatch handler', () => {
  it('runs one sweep per scheduled event and reports its counts', async () => {
    // Prepare
    const fake = fakeDeps();
    const log = createRecordingLog();
    const handle = createDispatchHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const outcome = await handle(scheduledEvent());

    // Assess
    expect(outcome).toEqual({ outcome: 'swept', ...SWEEP });
    expect(fake.sweeps()).toBe(1);
    // The use case logs the counts; the handler adds no second line for them.
    expect(log.lines).toEqual([]);
  });

  it.each([
    ['an SES event', { Records: [{ eventSource: 'aws:ses' }] }],
    ['another detail type', scheduledEvent({ 'detail-type': 'Object Created' })],
    ['a time that is not a time', scheduledEvent({ time: 'yesterday' })],
    ['nothing', undefined],
  ])('acknowledges an invalid event (%s) without sweeping', async (_name, event) => {
    // Prepare
    const fake = fakeDeps();
    const log = createRecordingLog();
    const handle = createDispatchHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const outcome = await handle(event);

    // Assess
    expect(outcome).toEqual({ outcome: 'invalid-event' });
    expect(fake.sweeps()).toBe(0);
    expect(log.at('error')).toHaveLength(1);
  });

  it('acknowledges a permanent error', async () => {
    // Prepare
    const fake = fakeDeps(async () => Promise.reject(new InvalidInputError('plan has an unreadable nextDueAt')));
    const log = createRecordingLog();
    const handle = createDispatchHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const outcome = await handle(scheduledEvent());

    // Assess
    expect(outcome).toEqual({ outcome: 'failed-permanently', code: 'invalid-input' });
    expect(log.at('warn')).toHaveLength(1);
  });

  it('rethrows a transient error (every delivery failed) so the invocation counts as failed', async () => {
    // Prepare
    const allFailed = new TransientError('all 3 due prompts failed');
    const fake = fakeDeps(async () => Promise.reject(allFailed));
    const handle = createDispatchHandler({ loadDeps: fake.loadDeps, log: createRecordingLog() });

    // Act
    const run = handle(scheduledEvent());

    // Assess
    await expect(run).rejects.toBe(allFailed);
  });

  it('rethrows when the wiring cannot be built', async () => {
    // Prepare
    const unreachable = new TransientError('read signing keys failed for now (network error)');
    const handle = createDispatchHandler({ loadDeps: async () => Promise.reject(unreachable), log: createRecordingLog() });

    // Act
    const run = handle(scheduledEvent());

    // Assess
    await expect(run).rejects.toBe(unreachable);
  });
});
