/**
 * The SES receipt event the inbound function receives (Lambda action, run after the rule's S3
 * action stored the raw mail). Only what ingest needs is read; everything else may vary.
 * Validated with zod: a message id that could escape the raw-mail prefix, a missing record or
 * an unexpected shape makes the event unusable (permanent).
 */
import * as z from '../core/zod-mini.js';
import type { MailVerdicts } from '../core/ports.js';

/** Longest message id accepted (SES ids are 20-40 characters). */
const MAX_MESSAGE_ID_LENGTH = 128;
/** Letters, digits, dot, dash, underscore, plus and equals: no slash, so no key outside the prefix. */
const MESSAGE_ID_PATTERN = /^[A-Za-z0-9._+=-]+$/;
/** Longest envelope sender kept (RFC 5321 path limit). */
const MAX_SOURCE_LENGTH = 256;

const VERDICT_STATUSES = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED'] as const;

/** The event's schema, built on first use (z.onFirstUse). */
export const sesReceiptEventSchema = z.onFirstUse(() => {
  /** A verdict; a status SES may add in the future counts as PROCESSING_FAILED (not trusted). */
  const verdictSchema = z.object({
    status: z.catch(z.enum(VERDICT_STATUSES), 'PROCESSING_FAILED'),
  });

  return z.object({
    Records: z
      .array(
        z.object({
          eventSource: z.literal('aws:ses'),
          ses: z.object({
            mail: z.object({
              messageId: z.string().check(
                z.minLength(1),
                z.maxLength(MAX_MESSAGE_ID_LENGTH),
                z.regex(MESSAGE_ID_PATTERN, 'message id has characters that cannot be part of a key'),
                z.refine((id) => !id.includes('..'), 'message id has ".."'),
              ),
              source: z.string().check(z.maxLength(MAX_SOURCE_LENGTH)),
              timestamp: z.optional(z.string()),
              commonHeaders: z.object({
                from: z.optional(z.array(z.string())),
                subject: z.optional(z.string()),
                messageId: z.optional(z.string()),
              }),
            }),
            receipt: z.object({
              recipients: z.optional(z.array(z.string())),
              spamVerdict: verdictSchema,
              virusVerdict: verdictSchema,
              spfVerdict: verdictSchema,
              dkimVerdict: verdictSchema,
              dmarcVerdict: z.optional(verdictSchema),
              action: z.object({ type: z.string() }),
            }),
          }),
        }),
      )
      .check(z.length(1, 'SES hands the Lambda action exactly one record')),
  });
});

export type SesReceiptEvent = z.infer<ReturnType<typeof sesReceiptEventSchema>>;

/** What the inbound handler takes from a valid event. */
export interface ReceivedMail {
  /** SES's id of the message; the raw mail's key is the prefix plus this id. */
  sesMessageId: string;
  /** The envelope sender (MAIL FROM). */
  envelopeFrom: string;
  /** The From header(s) as SES read them. */
  headerFrom: readonly string[];
  /** The Subject as SES read it (untrusted), when given. */
  subject: string | null;
  verdicts: MailVerdicts;
  /** The time SES received it (ISO), when given. */
  receivedAt: string | null;
}

/** Reads the parts ingest needs from a validated event. */
export function receivedMailOf(event: SesReceiptEvent): ReceivedMail {
  // The schema guarantees exactly one record.
  const { mail, receipt } = event.Records[0]!.ses;
  return {
    sesMessageId: mail.messageId,
    envelopeFrom: mail.source,
    headerFrom: mail.commonHeaders.from ?? [],
    subject: mail.commonHeaders.subject ?? null,
    verdicts: {
      spf: receipt.spfVerdict.status,
      dkim: receipt.dkimVerdict.status,
      spam: receipt.spamVerdict.status,
      virus: receipt.virusVerdict.status,
      ...(receipt.dmarcVerdict ? { dmarc: receipt.dmarcVerdict.status } : {}),
    },
    receivedAt: mail.timestamp ?? null,
  };
}
