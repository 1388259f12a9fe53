/**
 * S3RawMailStore against a real s3rver (temporary folder, 127.0.0.1, free port).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailTooLargeError, NotFoundError } from '../../../functions/core/errors.js';
import { S3RawMailStore } from '../../../functions/adapters/s3-raw-mail-store.js';
import { startLocalS3, type LocalService } from '../../support/local-aws.js';

/** A small limit, so the test needs no large objects. */
const MAX_BYTES = 2048;

let s3: LocalService & { bucket: string };
let store: S3RawMailStore;

async function putRawMail(key: string, body: string): Promise<void> {
  await s3.clients.s3().send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body }));
}

beforeAll(async () => {
  s3 = await startLocalS3();
  store = new S3RawMailStore({ client: s3.clients.s3(), bucket: s3.bucket, maxBytes: MAX_BYTES });
});

afterAll(async () => {
  await s3?.stop();
});

describe('S3RawMailStore', () => {
  it('reads a stored raw mail byte for byte', async () => {
    // Prepare
    const raw = 'From: sam.lee@mailbox.example\r\nSubject: Fwd: Your application\r\n\r\nHello, Zoë\r\n';
    await putRawMail('inbound/message-1', raw);

    // Act
    const read = await store.getRawMail('inbound/message-1');

    // Assess
    expect(Buffer.from(read).toString('utf8')).toBe(raw);
  });

  it('accepts a mail of exactly the limit', async () => {
    // Prepare
    await putRawMail('inbound/at-limit', 'x'.repeat(MAX_BYTES));

    // Act
    const read = await store.getRawMail('inbound/at-limit');

    // Assess
    expect(read.byteLength).toBe(MAX_BYTES);
  });

  it('refuses a mail over the limit with MailTooLargeError', async () => {
    // Prepare
    await putRawMail('inbound/too-large', 'x'.repeat(MAX_BYTES + 1));

    // Act
    const read = store.getRawMail('inbound/too-large');

    // Assess
    await expect(read).rejects.toBeInstanceOf(MailTooLargeError);
    await expect(read).rejects.toMatchObject({ sizeBytes: MAX_BYTES + 1, limitBytes: MAX_BYTES, permanent: true });
  });

  it('reports a missing key as NotFoundError', async () => {
    // Prepare
    const key = 'inbound/never-stored';

    // Act
    const read = store.getRawMail(key);

    // Assess
    await expect(read).rejects.toBeInstanceOf(NotFoundError);
  });
});
