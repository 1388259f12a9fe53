/**
 * The inbound handler with fakes (no sockets): event validation, the raw-mail key, and the
 * error policy (permanent acknowledged, transient rethrown, wiring failures rethrown).
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  MailTooLargeError,
  NotFoundError,
  TransientError,
} from '../../../functions/core/errors.js';
import type { IngestInput, IngestResult } from '../../../functions/core/use-cases/ingest-message.js';
import { createInboundHandler } from '../../../functions/handlers/inbound.js';
import type { InboundHandlerDeps } from '../../../functions/runtime/inbound-deps.js';
import { createRecordingLog } from '../../support/recording-log.js';

const RAW = new TextEncoder().encode('From: sam.lee@mailbox.example\r\nSubject: Fwd: Your application\r\n\r\nbody\r\n');
const SES_MESSAGE_ID = 'o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1';

/** An SES receipt event as the Lambda action delivers it; override parts with `patch`. */
function sesEvent(patch: { messageId?: string; source?: string; spf?: string; records?: unknown[] } = {}): unknown {
  const record = {
    eventSource: 'aws:ses',
    eventVersion: '1.0',
    ses: {
      mail: {
        timestamp: '2026-03-02T09:00:00.000Z',
        source: patch.source ?? 'sam.lee@mailbox.example',
        messageId: patch.messageId ?? SES_MESSAGE_ID,
        destination: ['not-today@in.sam-lee.example'],
        headersTruncated: false,
        headers: [{ name: 'Subject', value: 'Fwd: Your application' }],
        commonHeaders: {
          returnPath: 'sam.lee@mailbox.example',
          from: ['Sam Lee <sam.lee@mailbox.example>'],
          date: 'Mon, 2 Mar 2026 09:00:00 +0000',
          to: ['not-today@in.sam-lee.example'],
          messageId: '<fwd-1@mailbox.example>',
          subject: 'Fwd: Your application',
        },
      },
      receipt: {
        timestamp: '2026-03-02T09:00:00.000Z',
        processingTimeMillis: 320,
        recipients: ['not-today@in.sam-lee.example'],
        spamVerdict: { status: 'PASS' },
        virusVerdict: { status: 'PASS' },
        spfVerdict: { status: patch.spf ?? 'PASS' },
        dkimVerdict: { status: 'GRAY' },
        dmarcVerdict: { status: 'PASS' },
        action: { type: 'Lambda', functionArn: 'arn:aws:lambda:eu-west-1:1:function:inbound', invocationType: 'Event' },
      },
    },
  };
  return { Records: patch.records ?? [record] };
}

/** Fake wiring: records what ingest received; scripted raw-mail and ingest behaviour. */
function fakeDeps(behaviour: {
  readRawMail?: (key: string) => Promise<Uint8Array>;
  ingest?: (input: IngestInput) => Promise<IngestResult>;
} = {}) {
  const reads: string[] = [];
  const ingested: IngestInput[] = [];
  const deps: InboundHandlerDeps = {
    rawMailPrefix: 'inbound/',
    readRawMail: async (key) => {
      reads.push(key);
      return behaviour.readRawMail ? behaviour.readRawMail(key) : RAW;
    },
    ingest: async (input) => {
      ingested.push(input);
      return behaviour.ingest
        ? behaviour.ingest(input)
        : { outcome: 'tracked', contactId: '0123456789abcdef0123', promptSent: true };
    },
  };
  return { deps, reads, ingested, loadDeps: async () => deps };
}

describe('inbound handler', () => {
  it('reads the raw mail at prefix + message id and hands it to ingest with the verdicts', async () => {
    // Prepare
    const fake = fakeDeps();
    const log = createRecordingLog();
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const outcome = await handle(sesEvent({ spf: 'FAIL' }));

    // Assess
    expect(outcome).toEqual({ outcome: 'tracked', contactId: '0123456789abcdef0123', promptSent: true });
    expect(fake.reads).toEqual([`inbound/${SES_MESSAGE_ID}`]);
    expect(fake.ingested).toEqual([
      {
        raw: RAW,
        rawMailKey: `inbound/${SES_MESSAGE_ID}`,
        envelopeFrom: 'sam.lee@mailbox.example',
        verdicts: { spf: 'FAIL', dkim: 'GRAY', spam: 'PASS', virus: 'PASS', dmarc: 'PASS' },
      },
    ]);
    // The use case logs the outcome; the handler adds no second line for it.
    expect(log.lines).toEqual([]);
  });

  it('passes an empty envelope sender (a bounce) as null', async () => {
    // Prepare
    const fake = fakeDeps();
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log: createRecordingLog() });

    // Act
    await handle(sesEvent({ source: '' }));

    // Assess
    expect(fake.ingested[0]?.envelopeFrom).toBeNull();
  });

  it.each([
    ['not an object', 'hello'],
    ['no records', { Records: [] }],
    ['two records', sesEvent({ records: [{}, {}] })],
    ['a message id that climbs out of the prefix', sesEvent({ messageId: '../secrets/key' })],
    ['a message id with a slash', sesEvent({ messageId: 'a/b' })],
  ])('acknowledges an invalid event (%s) without reading anything', async (_name, event) => {
    // Prepare
    const fake = fakeDeps();
    const log = createRecordingLog();
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const outcome = await handle(event);

    // Assess
    expect(outcome).toEqual({ outcome: 'invalid-event' });
    expect(fake.reads).toEqual([]);
    expect(fake.ingested).toEqual([]);
    expect(log.at('error')).toHaveLength(1);
  });

  it('treats a verdict status it does not know as PROCESSING_FAILED, not as a pass', async () => {
    // Prepare
    const fake = fakeDeps();
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log: createRecordingLog() });

    // Act
    await handle(sesEvent({ spf: 'SOMETHING_NEW' }));

    // Assess
    expect(fake.ingested[0]?.verdicts.spf).toBe('PROCESSING_FAILED');
  });

  it('hands a mail too large to read to ingest with what SES parsed of its headers', async () => {
    // Prepare
    const fake = fakeDeps({ readRawMail: async () => Promise.reject(new MailTooLargeError(50_000_000, 10_485_760)) });
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log: createRecordingLog() });

    // Act
    const outcome = await handle(sesEvent());

    // Assess
    expect(outcome).toEqual({ outcome: 'tracked', contactId: '0123456789abcdef0123', promptSent: true });
    expect(fake.ingested).toEqual([
      {
        oversized: {
          sizeBytes: 50_000_000,
          limitBytes: 10_485_760,
          headerFrom: ['Sam Lee <sam.lee@mailbox.example>'],
          subject: 'Fwd: Your application',
        },
        rawMailKey: `inbound/${SES_MESSAGE_ID}`,
        envelopeFrom: 'sam.lee@mailbox.example',
        verdicts: { spf: 'PASS', dkim: 'GRAY', spam: 'PASS', virus: 'PASS', dmarc: 'PASS' },
      },
    ]);
  });

  it.each([
    ['raw mail missing', new NotFoundError('no raw mail at inbound/x'), 'not-found'],
  ])('acknowledges a permanent error (%s) and logs it', async (_name, error, code) => {
    // Prepare
    const fake = fakeDeps({ readRawMail: async () => Promise.reject(error) });
    const log = createRecordingLog();
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const outcome = await handle(sesEvent());

    // Assess
    expect(outcome).toEqual({ outcome: 'failed-permanently', code });
    expect(fake.ingested).toEqual([]);
    expect(log.at('warn')[0]?.extra).toMatchObject({ code, rawMailKey: `inbound/${SES_MESSAGE_ID}` });
  });

  it('rethrows a transient error from ingest so Lambda retries', async () => {
    // Prepare
    const throttled = new TransientError('put contact failed for now (ThrottlingException)');
    const fake = fakeDeps({ ingest: async () => Promise.reject(throttled) });
    const log = createRecordingLog();
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log });

    // Act
    const run = handle(sesEvent());

    // Assess
    await expect(run).rejects.toBe(throttled);
    expect(log.at('error')[0]?.extra).toMatchObject({ code: 'transient' });
  });

  it('rethrows an unknown error (it counts as transient)', async () => {
    // Prepare
    const surprise = new TypeError('cannot read properties of undefined');
    const fake = fakeDeps({ ingest: async () => Promise.reject(surprise) });
    const handle = createInboundHandler({ loadDeps: fake.loadDeps, log: createRecordingLog() });

    // Act
    const run = handle(sesEvent());

    // Assess
    await expect(run).rejects.toBe(surprise);
  });

  it('rethrows when the function cannot be wired, even for a configuration error', async () => {
    // Prepare
    const broken = new ConfigError(['TABLE_NAME: expected string, received undefined']);
    const log = createRecordingLog();
    const handle = createInboundHandler({ loadDeps: async () => Promise.reject(broken), log });

    // Act
    const run = handle(sesEvent());

    // Assess
    await expect(run).rejects.toBe(broken);
    expect(log.at('error')[0]?.extra).toMatchObject({ problems: broken.problems });
  });
});
