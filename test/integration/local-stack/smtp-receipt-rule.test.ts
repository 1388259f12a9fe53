/**
 * The local SMTP server plays SES's receipt rule: it accepts mail for the inbound address
 * only, refuses mail over SES's own limit, and keeps every accepted message in the local S3
 * before it answers 250 — whatever the inbound handler then does with it. A mail over the
 * handler's MAX_MAIL_BYTES (but within SES's limit) is kept, not read, and the owner is told.
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
/** The handlers' MAX_MAIL_BYTES here, and the SMTP server's (SES's) limit: larger, as on AWS. */
const SMALL_LIMIT_BYTES = 4 * 1024;
const RECEIVE_LIMIT_BYTES = 4 * SMALL_LIMIT_BYTES;

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
  stack = await startTestStack({ ownerAddresses: [OWNER], maxMailBytes: SMALL_LIMIT_BYTES, receiveLimitBytes: RECEIVE_LIMIT_BYTES });
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

  it('refuses a message over the receiving limit with 552 and stores nothing', async () => {
    // Prepare
    const before = await storedKeys();
    const oversized = smallRejection('Your application') + 'x'.repeat(RECEIVE_LIMIT_BYTES * 2);
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

  it('keeps a forward too large to read and tells the owner once, with its size and the limit', async () => {
    // Prepare
    const raw = smallRejection('Your application, with the portfolio') + 'x'.repeat(SMALL_LIMIT_BYTES * 2);
    const emailsBefore = (await readSesStore(stack)).length;
    // Act
    const answer = await sendSmtp(stack, { from: OWNER, raw });
    await stack.idle();
    // Assess
    const queuedId = /queued as ([a-z0-9]+)/.exec(answer.response)?.[1] ?? '';
    expect(answer.response).toMatch(/^250 /);
    expect(await storedKeys()).toContain(`${stack.rawMailPrefix}${queuedId}`);
    const received = (await readSesStore(stack)).slice(emailsBefore);
    expect(received.map((email) => email.subject)).toEqual(['Not Today: please review – your forward was too large to read']);
    expect(received[0]?.destination.to).toEqual([OWNER]);
    expect(received[0]?.body.text).toMatch(/Your forward was \d+(\.\d)? KB, over the limit of 4 KB, so Not Today did not open it\. The raw mail is kept\./);
    expect(received[0]?.body.text).not.toContain('x'.repeat(100));
    expect((await stack.listContacts()).filter((contact) => contact.status === 'needs-review')).toHaveLength(1);
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
