/**
 * The local SMTP server plays SES's receipt rule: it accepts mail for the inbound address
 * only, refuses oversized mail, and keeps every accepted message in the local S3 before it
 * answers 250 — whatever the inbound handler then does with it.
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildGmailForward,
  readSesStore,
  sendSmtp,
  startTestStack,
  type LocalStack,
} from '../../support/local-stack.js';

const OWNER = 'owner.smtp@example.com';
const SMALL_LIMIT_BYTES = 4 * 1024;

let stack: LocalStack;

async function storedKeys(): Promise<string[]> {
  const listing = await stack.clients.s3.send(
    new ListObjectsV2Command({ Bucket: stack.bucket, Prefix: stack.rawMailPrefix }),
  );
  return (listing.Contents ?? []).map((object) => object.Key ?? '');
}

async function readStored(key: string): Promise<string> {
  const object = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: key }));
  return (await object.Body?.transformToString('utf8')) ?? '';
}

const smallRejection = (subject: string): string =>
  buildGmailForward({
    owner: `Sam Owner <${OWNER}>`,
    originalFrom: 'Priya Raman <priya.raman@quillworks.example>',
    originalSubject: subject,
    originalBody: 'Hi Sam,\n\nThank you for interviewing. We decided to move forward with other candidates.\n\nPriya',
  });

beforeAll(async () => {
  stack = await startTestStack({ ownerAddresses: [OWNER], maxMailBytes: SMALL_LIMIT_BYTES });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the local SMTP receipt rule', () => {
  it('refuses recipients other than the inbound address with 550 and stores nothing', async () => {
    // Prepare
    const before = await storedKeys();
    // Act
    const attempt = sendSmtp(stack, { from: OWNER, to: ['someone.else@not-today.localhost'], raw: smallRejection('Your application') });
    // Assess
    await expect(attempt).rejects.toMatchObject({ responseCode: 550 });
    expect(await storedKeys()).toEqual(before);
  });

  it('refuses a message over the size limit with 552 and stores nothing', async () => {
    // Prepare
    const before = await storedKeys();
    const oversized = smallRejection('Your application') + 'x'.repeat(SMALL_LIMIT_BYTES * 2);
    // Act
    const attempt = sendSmtp(stack, { from: OWNER, raw: oversized });
    // Assess
    await expect(attempt).rejects.toMatchObject({ responseCode: 552 });
    expect(await storedKeys()).toEqual(before);
  });

  it('stores the raw mail, byte for byte, under inbound/<messageId> before answering 250', async () => {
    // Prepare
    const raw = smallRejection('Update on your application for Data Analyst');
    // Act
    const answer = await sendSmtp(stack, { from: OWNER, raw });
    // Assess
    const queuedId = /queued as ([a-z0-9]+)/.exec(answer.response)?.[1];
    expect(answer.response).toMatch(/^250 /);
    expect(queuedId).toBeDefined();
    expect(await readStored(`${stack.rawMailPrefix}${queuedId}`)).toBe(raw.endsWith('\r\n') ? raw : `${raw}\r\n`);
    await stack.idle();
  });

  it('keeps a stranger\'s mail in S3 and sends nobody anything', async () => {
    // Prepare
    const raw = buildGmailForward({
      owner: 'Mallory <mallory@elsewhere.example>',
      originalFrom: 'Priya Raman <priya.raman@quillworks.example>',
      originalSubject: 'Your application',
      originalBody: 'We decided to move forward with other candidates.',
    });
    const emailsBefore = (await readSesStore(stack)).length;
    // Act
    const answer = await sendSmtp(stack, { from: 'mallory@elsewhere.example', raw });
    await stack.idle();
    // Assess
    const queuedId = /queued as ([a-z0-9]+)/.exec(answer.response)?.[1] ?? '';
    expect(await storedKeys()).toContain(`${stack.rawMailPrefix}${queuedId}`);
    expect((await readSesStore(stack)).length).toBe(emailsBefore);
  });
});
