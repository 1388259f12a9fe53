/**
 * The inbound function's wiring: the raw-mail store (S3), the shared delivery ports and the
 * ingest use case, which is the only code path that loads the email-understanding modules
 * (mailparser). Dispatch and actions never import this file.
 */
import { S3RawMailStore } from '../adapters/s3-raw-mail-store.js';
import { ingestMessage, type IngestInput, type IngestResult } from '../core/use-cases/ingest-message.js';
import { buildS3Client } from './clients.js';
import { buildDeliverDeps, memoizeAsync } from './container.js';
import { loadConfig, type Config } from './config.js';

/** What the inbound handler needs. */
export interface InboundHandlerDeps {
  /** RAW_MAIL_PREFIX: the receipt rule's S3 object key prefix. */
  rawMailPrefix: string;
  /** Reads the raw mail the receipt rule stored (size-limited). */
  readRawMail(key: string): Promise<Uint8Array>;
  /** The ingest use case, wired. */
  ingest(input: IngestInput): Promise<IngestResult>;
}

/** Builds the inbound wiring for one configuration (the process's config by default). */
export async function buildInboundHandlerDeps(config: Config = loadConfig()): Promise<InboundHandlerDeps> {
  const deliver = await buildDeliverDeps(config);
  const rawMail = new S3RawMailStore({
    client: buildS3Client(config),
    bucket: config.RAW_MAIL_BUCKET,
    maxBytes: config.MAX_MAIL_BYTES,
  });
  const ingestDeps = { ...deliver, maxMailBytes: config.MAX_MAIL_BYTES };
  return {
    rawMailPrefix: config.RAW_MAIL_PREFIX,
    readRawMail: (key) => rawMail.getRawMail(key),
    ingest: (input) => ingestMessage(ingestDeps, input),
  };
}

/** The process's inbound wiring, built once per cold start. */
export const loadInboundHandlerDeps: () => Promise<InboundHandlerDeps> = memoizeAsync(() => buildInboundHandlerDeps());
