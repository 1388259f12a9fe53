/**
 * Builds the event SES hands the inbound Lambda after its receipt rule ran (S3 action, then
 * Lambda action): the envelope, the top headers, the common headers and the verdicts.
 * Locally the verdicts are PASS unless the stack's options, or a message's own
 * `X-Local-Verdicts` header, say otherwise (see parseLocalVerdicts). That header means
 * something only to the local stack; SES computes verdicts itself.
 */
import { randomBytes } from 'node:crypto';
import type { SESEvent, SESMailHeader } from 'aws-lambda';
import { simpleParser, type AddressObject } from 'mailparser';
import type { MailVerdicts } from '../../functions/core/ports.js';

/** The header a local sender sets to simulate SES verdicts, e.g. "spf=FAIL, spam=FAIL". */
export const LOCAL_VERDICTS_HEADER = 'x-local-verdicts';

/** SES passes at most this much of the header block; beyond it `headersTruncated` is true. */
const MAX_EVENT_HEADER_BYTES = 10 * 1024;
const SES_MESSAGE_ID_BYTES = 20;
const VERDICT_VALUES = new Set(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED']);
const LOCAL_REGION = 'us-east-1';
const LOCAL_ACCOUNT = '000000000000';

export type VerdictStatus = MailVerdicts['spf'];
export type LocalVerdicts = MailVerdicts & { dmarc: VerdictStatus };

export const PASSING_VERDICTS: LocalVerdicts = { spf: 'PASS', dkim: 'PASS', spam: 'PASS', virus: 'PASS', dmarc: 'PASS' };

/** A new message id in SES's style (lowercase letters and digits). */
export function newSesMessageId(): string {
  return randomBytes(SES_MESSAGE_ID_BYTES).toString('hex');
}

/** The raw header block (up to the first empty line, which is left out), as bytes. */
export function headerBlockBytesOf(raw: Buffer): Buffer {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((index) => index >= 0);
  return ends.length > 0 ? raw.subarray(0, Math.min(...ends)) : raw;
}

/** The raw header block as text (UTF-8, as SES passes 8-bit headers on). */
export function headerBlockOf(raw: Buffer): string {
  return headerBlockBytesOf(raw).toString('utf8');
}

/** Unfolded header lines, in order, as SES lists them in `mail.headers`. */
export function headerLinesOf(block: string): { headers: SESMailHeader[]; truncated: boolean } {
  const truncated = Buffer.byteLength(block, 'utf8') > MAX_EVENT_HEADER_BYTES;
  const kept = truncated ? block.slice(0, MAX_EVENT_HEADER_BYTES) : block;
  const headers: SESMailHeader[] = [];
  for (const line of kept.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { headers, truncated };
}

/**
 * Reads `X-Local-Verdicts: spf=FAIL, dkim=PASS, spam=FAIL, virus=PASS, dmarc=GRAY` (any
 * subset, separated by commas, semicolons or spaces, case-insensitive) over `defaults`.
 * Unknown names or values are ignored.
 */
export function parseLocalVerdicts(value: string | undefined, defaults: LocalVerdicts): LocalVerdicts {
  const verdicts = { ...defaults };
  if (!value) return verdicts;
  for (const part of value.split(/[\s,;]+/)) {
    const [name, status] = part.split('=').map((item) => item.trim());
    const upper = (status ?? '').toUpperCase();
    if (!name || !VERDICT_VALUES.has(upper)) continue;
    const key = name.toLowerCase();
    if (key === 'spf' || key === 'dkim' || key === 'spam' || key === 'virus' || key === 'dmarc') {
      verdicts[key] = upper as VerdictStatus;
    }
  }
  return verdicts;
}

export interface ReceiptInput {
  raw: Buffer;
  messageId: string;
  /** Envelope MAIL FROM. */
  mailFrom: string;
  /** Envelope RCPT TO (accepted recipients). */
  recipients: string[];
  receivedAt: Date;
  defaultVerdicts: LocalVerdicts;
  functionName: string;
}

const formatAddresses = (field: AddressObject | AddressObject[] | undefined): string[] | undefined => {
  if (!field) return undefined;
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((group) =>
    group.value.map((address) => (address.name ? `${address.name} <${address.address ?? ''}>` : (address.address ?? ''))),
  );
};

/** The SES receipt event for one message, as the inbound Lambda receives it. */
export async function buildReceiptEvent(input: ReceiptInput): Promise<{ event: SESEvent; verdicts: LocalVerdicts }> {
  const blockBytes = headerBlockBytesOf(input.raw);
  const { headers, truncated } = headerLinesOf(blockBytes.toString('utf8'));
  const parsed = await simpleParser(Buffer.concat([blockBytes, Buffer.from('\r\n\r\n')]), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  const verdictHeader = headers.find((header) => header.name.toLowerCase() === LOCAL_VERDICTS_HEADER)?.value;
  const verdicts = parseLocalVerdicts(verdictHeader, input.defaultVerdicts);
  const timestamp = input.receivedAt.toISOString();
  const event: SESEvent = {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp,
            source: input.mailFrom,
            messageId: input.messageId,
            destination: input.recipients,
            headersTruncated: truncated,
            headers,
            commonHeaders: {
              returnPath: input.mailFrom,
              from: formatAddresses(parsed.from),
              date: parsed.date ? parsed.date.toUTCString() : '',
              to: formatAddresses(parsed.to),
              cc: formatAddresses(parsed.cc),
              ...(parsed.replyTo ? { replyTo: formatAddresses(parsed.replyTo) } : {}),
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
            },
          },
          receipt: {
            timestamp,
            processingTimeMillis: 0,
            recipients: input.recipients,
            spamVerdict: { status: verdicts.spam },
            virusVerdict: { status: verdicts.virus },
            spfVerdict: { status: verdicts.spf },
            dkimVerdict: { status: verdicts.dkim },
            dmarcVerdict: { status: verdicts.dmarc },
            action: {
              type: 'Lambda',
              functionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${input.functionName}`,
              invocationType: 'Event',
            },
          },
        },
      },
    ],
  };
  return { event, verdicts };
}
