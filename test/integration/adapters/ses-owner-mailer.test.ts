/**
 * SesOwnerMailer against a real aws-ses-v2-local (127.0.0.1, free port): what it receives
 * through SendRawEmail is read back from its GET /store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../functions/core/errors.js';
import { SesOwnerMailer } from '../../../functions/adapters/ses-owner-mailer.js';
import { ControllableClock } from '../../../functions/runtime/clock.js';
import { startLocalSes, type LocalService, type StoredEmail } from '../../support/local-aws.js';

const OWNER = 'sam.lee@mailbox.example';
const FROM = 'not-today@mail.sam-lee.example';

let ses: LocalService & { sentEmails(): Promise<StoredEmail[]> };
let mailer: SesOwnerMailer;

beforeAll(async () => {
  ses = await startLocalSes();
  mailer = new SesOwnerMailer({
    client: ses.clients.ses(),
    fromAddress: FROM,
    fromName: 'Not Today',
    ownerAddress: OWNER,
    clock: new ControllableClock(new Date('2026-03-02T09:00:00.000Z')),
  });
});

afterAll(async () => {
  await ses?.stop();
});

/** The stored email with this subject (the store is shared by the file's tests). */
async function sentWithSubject(subject: string): Promise<StoredEmail[]> {
  return (await ses.sentEmails()).filter((email) => email.subject === subject);
}

describe('SesOwnerMailer', () => {
  it('sends one message, to the owner only, with a text and an HTML part', async () => {
    // Prepare
    const subject = 'Not Today: Jane Doe at Acme (Senior Engineer)';

    // Act
    const result = await mailer.sendToOwner({
      subject,
      text: 'Your thank-you draft is ready.',
      html: '<p>Your thank-you draft is <b>ready</b>.</p>',
      headers: { 'X-Not-Today-Contact': 'c0ffee00janedoeacme0' },
    });

    // Assess
    const sent = await sentWithSubject(subject);
    expect(sent).toHaveLength(1);
    expect(result.messageId).toBe(sent[0]?.messageId);
    expect(sent[0]?.destination).toEqual({ to: [OWNER], cc: [], bcc: [] });
    expect(sent[0]?.from).toMatch(/^"?Not Today"? <not-today@mail\.sam-lee\.example>$/);
    expect(sent[0]?.body.text?.trim()).toBe('Your thank-you draft is ready.');
    expect(sent[0]?.body.html).toContain('<b>ready</b>');
  });

  it('keeps a subject with non-ASCII text intact', async () => {
    // Prepare
    const subject = 'Not Today: Zoë Müller at Café Größe — “Designer”';

    // Act
    await mailer.sendToOwner({ subject, text: 'text', html: '<p>html</p>' });

    // Assess
    expect(await sentWithSubject(subject)).toHaveLength(1);
  });

  it('refuses a subject with CR/LF (header injection) and sends nothing', async () => {
    // Prepare
    const before = (await ses.sentEmails()).length;

    // Act
    const send = mailer.sendToOwner({
      subject: 'Hello\r\nBcc: victim@evil.test',
      text: 'text',
      html: '<p>html</p>',
    });

    // Assess
    await expect(send).rejects.toBeInstanceOf(InvalidInputError);
    expect((await ses.sentEmails()).length).toBe(before);
  });

  it('refuses extra headers that span lines or name a recipient', async () => {
    // Prepare
    const email = { subject: 'headers', text: 'text', html: '<p>html</p>' };

    // Act
    const folded = mailer.sendToOwner({ ...email, headers: { 'X-Note': 'a\nBcc: victim@evil.test' } });
    const recipient = mailer.sendToOwner({ ...email, headers: { Bcc: 'victim@evil.test' } });
    const badName = mailer.sendToOwner({ ...email, headers: { 'X Bad: y': 'z' } });

    // Assess
    await expect(folded).rejects.toBeInstanceOf(InvalidInputError);
    await expect(recipient).rejects.toBeInstanceOf(InvalidInputError);
    await expect(badName).rejects.toBeInstanceOf(InvalidInputError);
    expect(await sentWithSubject('headers')).toEqual([]);
  });
});
