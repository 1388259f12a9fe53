/**
 * What SesOwnerMailer hands SES (a fake client records the command; no sockets): the owner as
 * the only destination, the configured sender, and a MIME message with a Message-ID, a Date
 * from the clock and a text + HTML alternative.
 */
import type { SESClient } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../functions/core/errors.js';
import { SesOwnerMailer } from '../../../functions/adapters/ses-owner-mailer.js';
import { ControllableClock } from '../../../functions/runtime/clock.js';

interface RecordedInput {
  Source?: string;
  Destinations?: string[];
  RawMessage?: { Data?: Uint8Array };
}

function fakeSes(answer: () => unknown = () => ({ MessageId: 'ses-message-1' })) {
  const inputs: RecordedInput[] = [];
  const client = {
    send: async (command: { input: RecordedInput }) => {
      inputs.push(command.input);
      return answer();
    },
  } as unknown as SESClient;
  return { client, inputs };
}

const OWNER = 'sam.lee@mailbox.example';
const FROM = 'not-today@mail.sam-lee.example';

describe('SesOwnerMailer (the command it sends)', () => {
  it('sends to the owner only, from the configured address, with a complete MIME message', async () => {
    // Prepare
    const ses = fakeSes();
    const mailer = new SesOwnerMailer({
      client: ses.client,
      fromAddress: FROM,
      fromName: 'Not Today',
      ownerAddress: OWNER,
      clock: new ControllableClock(new Date('2026-03-02T09:00:00.000Z')),
      newId: () => 'fixed-id',
    });

    // Act
    const result = await mailer.sendToOwner({
      subject: 'Not Today: Jane Doe at Acme',
      text: 'plain text part',
      html: '<p>html part</p>',
      headers: { 'X-Not-Today-Prompt': 'thank-you' },
    });

    // Assess
    expect(result).toEqual({ messageId: 'ses-message-1' });
    expect(ses.inputs).toHaveLength(1);
    const [input] = ses.inputs;
    expect(input?.Source).toBe(FROM);
    expect(input?.Destinations).toEqual([OWNER]);
    const raw = Buffer.from(input?.RawMessage?.Data ?? new Uint8Array()).toString('utf8');
    expect(raw).toMatch(/^To: sam\.lee@mailbox\.example\r$/m);
    expect(raw).toMatch(/^From: Not Today <not-today@mail\.sam-lee\.example>\r$/m);
    expect(raw).toMatch(/^Message-ID: <fixed-id@mail\.sam-lee\.example>\r$/m);
    expect(raw).toMatch(/^Date: Mon, 02 Mar 2026 09:00:00 \+0000\r$/m);
    expect(raw).toMatch(/^X-Not-Today-Prompt: thank-you\r$/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(raw).toContain('plain text part');
    expect(raw).toContain('<p>html part</p>');
    expect(raw).not.toMatch(/^(Cc|Bcc):/im);
  });

  it('refuses a From display name with a line break at construction', () => {
    // Prepare
    const ses = fakeSes();

    // Act
    const build = () =>
      new SesOwnerMailer({ client: ses.client, fromAddress: FROM, fromName: 'Not Today\r\nBcc: x@evil.test', ownerAddress: OWNER });

    // Assess
    expect(build).toThrow(/single line/);
  });

  it('turns SES throttling into a TransientError', async () => {
    // Prepare
    const throttled = Object.assign(new Error('Maximum sending rate exceeded.'), {
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    });
    const ses = fakeSes(() => {
      throw throttled;
    });
    const mailer = new SesOwnerMailer({ client: ses.client, fromAddress: FROM, ownerAddress: OWNER });

    // Act
    const send = mailer.sendToOwner({ subject: 's', text: 't', html: '<p>h</p>' });

    // Assess
    await expect(send).rejects.toBeInstanceOf(TransientError);
    await expect(send).rejects.toMatchObject({ cause: throttled });
  });
});
