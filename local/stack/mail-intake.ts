/**
 * The local SES receipt rule, shared by the SMTP server and `not-today ingest`: keep the raw
 * mail in the local S3 under `inbound/<messageId>` FIRST (S3 action), then hand the inbound
 * handler an SES-shaped event (Lambda action, asynchronous with retries). A handler failure
 * is logged; the raw mail stays stored either way.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { buildReceiptEvent, newSesMessageId, type LocalVerdicts } from './receipt-event.js';
import type { InvokeOutcome, LambdaHandler, LambdaInvoker, StackLog } from './lambda-invoker.js';
import type { Clock } from '../../functions/core/ports.js';
import { MailTooLargeError } from '../../functions/core/errors.js';

/** The S3 action's object key prefix; the raw mail key is this plus the SES message id. */
export const RAW_MAIL_PREFIX = 'inbound/';
export const INBOUND_FUNCTION_NAME = 'not-today-inbound';

export interface ReceivedMail {
  raw: Buffer;
  mailFrom: string;
  recipients: string[];
}

export interface IntakeReceipt {
  messageId: string;
  rawMailKey: string;
  verdicts: LocalVerdicts;
  /** Settles when the inbound handler finished (after retries); never rejects. */
  handled: Promise<InvokeOutcome>;
}

export interface MailIntakeDependencies {
  s3: S3Client;
  bucket: string;
  clock: Clock;
  invoker: LambdaInvoker;
  loadInboundHandler: () => Promise<LambdaHandler>;
  defaultVerdicts: LocalVerdicts;
  /** The largest message the receipt rule takes (SES's limit; the handler applies MAX_MAIL_BYTES). */
  receiveLimitBytes: number;
  log: StackLog;
}

/** The receipt rule's two actions, in order: S3, then Lambda. */
export class MailIntake {
  constructor(private readonly deps: MailIntakeDependencies) {}

  /**
   * Stores the raw mail, then starts the inbound handler. Resolves once the mail is stored
   * (the moment SMTP may answer 250); `handled` tells when the handler is done.
   */
  async receive(mail: ReceivedMail): Promise<IntakeReceipt> {
    const { s3, bucket, clock, invoker, log } = this.deps;
    if (mail.raw.length > this.deps.receiveLimitBytes) {
      throw new MailTooLargeError(mail.raw.length, this.deps.receiveLimitBytes);
    }
    const messageId = newSesMessageId();
    const rawMailKey = `${RAW_MAIL_PREFIX}${messageId}`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: rawMailKey, Body: mail.raw, ContentType: 'message/rfc822' }));
    const { event, verdicts } = await buildReceiptEvent({
      raw: mail.raw,
      messageId,
      mailFrom: mail.mailFrom,
      recipients: mail.recipients,
      receivedAt: clock.now(),
      defaultVerdicts: this.deps.defaultVerdicts,
      functionName: INBOUND_FUNCTION_NAME,
    });
    log.info(`mail ${messageId} stored at s3://${bucket}/${rawMailKey} (${mail.raw.length} bytes); calling inbound`);
    const handled = invoker.invokeAsync(INBOUND_FUNCTION_NAME, this.deps.loadInboundHandler, event);
    void handled.then((outcome) => {
      if (outcome.ok) log.info(`mail ${messageId}: inbound ${describeHandlerResult(outcome.result)}`);
    });
    return { messageId, rawMailKey, verdicts, handled };
  }
}

/** One line for what the inbound handler said it did ("tracked, prompt sent", "dropped: not-from-owner"). */
export function describeHandlerResult(result: unknown): string {
  if (typeof result !== 'object' || result === null || !('outcome' in result)) return 'done';
  const { outcome, reason, code, promptSent } = result as { outcome: unknown; reason?: unknown; code?: unknown; promptSent?: unknown };
  const detail = reason ?? code;
  const prompt = promptSent === true ? ', email sent to the owner' : promptSent === false ? ', no new email' : '';
  return `${String(outcome)}${detail ? `: ${String(detail)}` : ''}${prompt}`;
}
