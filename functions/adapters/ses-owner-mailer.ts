/**
 * OwnerMailer on SES SendRawEmail. The MIME message (plain text + HTML alternative, a
 * Message-ID, a Date) is built with nodemailer's MailComposer; the only recipient is the owner's
 * primary address, given once to the constructor: there is no way to pass another recipient,
 * and SES's Destinations are set explicitly so no header could add one.
 *
 * Every header value must be a single line: a CR or LF (header injection) is refused with an
 * InvalidInputError before anything is sent, and extra headers may not name a recipient or
 * sender header.
 */
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../core/errors.js';
import type { Clock, OwnerEmail, OwnerMailer } from '../core/ports.js';
import { toAdapterError } from './aws-errors.js';

/** A header field name (RFC 5322 ftext, restricted to the usual letters, digits and dashes). */
const HEADER_NAME_PATTERN = /^[A-Za-z0-9-]{1,76}$/;
/** Any line break or other control character that could end a header early. */
const HEADER_BREAK_PATTERN = /[\r\n\u0000\u2028\u2029]/;
/** Headers the mailer sets itself; an extra header may not override them. */
const RESERVED_HEADERS = new Set([
  'to',
  'cc',
  'bcc',
  'from',
  'sender',
  'reply-to',
  'return-path',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

export interface SesOwnerMailerOptions {
  client: SESClient;
  /** FROM_ADDRESS: a verified SES identity. */
  fromAddress: string;
  /** Display name of the From header ("Not Today"); the address alone when unset. */
  fromName?: string;
  /** The owner's primary address: the one and only recipient. */
  ownerAddress: string;
  /** The Date header's clock (the local stack can move time). Defaults to the system clock. */
  clock?: Clock;
  /** Message-ID local part generator; defaults to a random UUID. */
  newId?: () => string;
}

/** Throws InvalidInputError when a header value would span lines. */
function assertSingleLine(field: string, value: string): void {
  if (HEADER_BREAK_PATTERN.test(value)) {
    throw new InvalidInputError(`the ${field} header must be a single line (it contains a line break)`);
  }
}

/** The domain part of an address, for Message-IDs. */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : 'localhost';
}

/** See the module comment. */
export class SesOwnerMailer implements OwnerMailer {
  private readonly options: SesOwnerMailerOptions;

  constructor(options: SesOwnerMailerOptions) {
    assertSingleLine('From', options.fromAddress);
    assertSingleLine('From', options.fromName ?? '');
    assertSingleLine('To', options.ownerAddress);
    this.options = options;
  }

  async sendToOwner(email: OwnerEmail): Promise<{ messageId: string }> {
    const raw = await this.buildMime(email);
    try {
      const result = await this.options.client.send(
        new SendRawEmailCommand({
          Source: this.options.fromAddress,
          Destinations: [this.options.ownerAddress],
          RawMessage: { Data: raw },
        }),
      );
      return { messageId: result.MessageId ?? '' };
    } catch (error) {
      throw toAdapterError(error, 'send owner email');
    }
  }

  /** Builds the raw MIME message (multipart/alternative: text, then HTML). */
  private async buildMime(email: OwnerEmail): Promise<Buffer> {
    assertSingleLine('Subject', email.subject);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(email.headers ?? {})) {
      if (!HEADER_NAME_PATTERN.test(name)) throw new InvalidInputError(`"${name}" is not a valid header name`);
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        throw new InvalidInputError(`the ${name} header is set by the mailer and cannot be overridden`);
      }
      assertSingleLine(name, value);
      headers[name] = value;
    }
    const newId = this.options.newId ?? randomUUID;
    // Loaded on the first send, not at cold start (an actions page or an empty sweep sends
    // nothing); a CommonJS module, so bundling adds no lazy wrappers around our own code.
    const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
    const composer = new MailComposer({
      from: this.options.fromName
        ? { name: this.options.fromName, address: this.options.fromAddress }
        : this.options.fromAddress,
      to: this.options.ownerAddress,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers,
      messageId: `<${newId()}@${domainOf(this.options.fromAddress)}>`,
      date: this.options.clock?.now() ?? new Date(),
    });
    return composer.compile().build();
  }
}
