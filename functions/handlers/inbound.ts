/**
 * inbound: the SES receipt rule's Lambda action (asynchronous; the rule's S3 action has stored
 * the raw mail before). Validates the event, reads the raw mail at RAW_MAIL_PREFIX + messageId,
 * and runs the ingest use case (which logs the outcome; the handler logs failures only).
 *
 * Error policy (asynchronous source):
 * - an event that fails its schema, or a permanent error (AppError.permanent: raw mail
 *   missing, ...) is logged and acknowledged: retrying cannot help;
 * - a mail over MAX_MAIL_BYTES is not read, but still ingested from what SES parsed of its
 *   headers (From, Subject), so the owner hears that the forward was too large;
 * - a transient or unknown error is rethrown: Lambda retries, then the on-failure destination
 *   keeps the event;
 * - when the function cannot be wired at all (bad configuration, signing-key parameter unreadable) the error
 *   is rethrown too, even a ConfigError: the event is fine, so it must reach the failure queue
 *   and be redriven once the deployment is fixed, not be dropped.
 */
import type { Context } from 'aws-lambda';
import { isPermanentError, MailTooLargeError } from '../core/errors.js';
import type { Log } from '../core/ports.js';
import type { IngestResult, OversizedMail } from '../core/use-cases/ingest-message.js';
import { loadInboundHandlerDeps, type InboundHandlerDeps } from '../runtime/inbound-deps.js';
import { createLog, getLogger } from '../runtime/logger.js';
import { describeErrorForLog, errorCodeOf, logInvalidEvent } from './handler-support.js';
import { receivedMailOf, sesReceiptEventSchema, type ReceivedMail } from './ses-receipt-event.js';

/** What one invocation did: ingest's result, or why nothing was ingested. */
export type InboundOutcome =
  | IngestResult
  | { outcome: 'invalid-event' }
  | { outcome: 'failed-permanently'; code: string };

export interface InboundHandlerOptions {
  /** The wiring, built once per cold start (tests pass fakes). */
  loadDeps: () => Promise<InboundHandlerDeps>;
  log: Log;
}

/** Makes the inbound handler around its dependencies (see the module comment). */
export function createInboundHandler(options: InboundHandlerOptions): (event: unknown) => Promise<InboundOutcome> {
  const { log } = options;
  return async (event) => {
    const parsed = sesReceiptEventSchema().safeParse(event);
    if (!parsed.success) {
      logInvalidEvent(log, 'inbound', parsed.error);
      return { outcome: 'invalid-event' };
    }
    const mail = receivedMailOf(parsed.data);

    let deps: InboundHandlerDeps;
    try {
      deps = await options.loadDeps();
    } catch (error) {
      log.error('inbound: cannot start; the event goes back for retry', describeErrorForLog(error));
      throw error;
    }

    const rawMailKey = `${deps.rawMailPrefix}${mail.sesMessageId}`;
    const envelopeFrom = mail.envelopeFrom === '' ? null : mail.envelopeFrom;
    try {
      const content = await readContent(deps, rawMailKey, mail);
      // The use case logs what it did (one line per message); the handler logs only failures.
      return await deps.ingest({ ...content, rawMailKey, envelopeFrom, verdicts: mail.verdicts });
    } catch (error) {
      if (isPermanentError(error)) {
        log.warn('inbound: permanent error acknowledged; the raw mail stays in the bucket', {
          ...describeErrorForLog(error),
          rawMailKey,
        });
        return { outcome: 'failed-permanently', code: errorCodeOf(error) };
      }
      log.error('inbound: failed; rethrown for retry', { ...describeErrorForLog(error), rawMailKey });
      throw error;
    }
  };
}

/**
 * The raw mail, or, when it is over MAX_MAIL_BYTES, what SES parsed of its headers: ingest then
 * still applies the owner/verdict rule and tells the owner, instead of the mail vanishing.
 */
async function readContent(
  deps: InboundHandlerDeps,
  rawMailKey: string,
  mail: ReceivedMail,
): Promise<{ raw: Uint8Array } | { oversized: OversizedMail }> {
  try {
    return { raw: await deps.readRawMail(rawMailKey) };
  } catch (error) {
    if (!(error instanceof MailTooLargeError)) throw error;
    return {
      oversized: { sizeBytes: error.sizeBytes, limitBytes: error.limitBytes, headerFrom: mail.headerFrom, subject: mail.subject },
    };
  }
}

const handleInbound = createInboundHandler({ loadDeps: loadInboundHandlerDeps, log: createLog() });

/** The Lambda entry point: the process-wide wiring, built on the first event of a cold start. */
export async function handler(event: unknown, context?: Context): Promise<InboundOutcome> {
  if (context) getLogger().addContext(context);
  return handleInbound(event);
}
