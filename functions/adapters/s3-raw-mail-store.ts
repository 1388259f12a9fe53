/**
 * RawMailStore on S3: reads the raw MIME that the SES receipt rule's S3 action stored. The
 * size is checked against MAX_MAIL_BYTES from the object's ContentLength before the body is
 * buffered, and again while streaming (in case a length is missing), so a huge hostile message
 * never fills the function's memory. A missing object is a NotFoundError (permanent).
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MailTooLargeError, NotFoundError } from '../core/errors.js';
import type { RawMailStore } from '../core/ports.js';
import { isNotFoundError, toAdapterError } from './aws-errors.js';

export interface S3RawMailStoreOptions {
  client: S3Client;
  bucket: string;
  /** MAX_MAIL_BYTES: larger messages are refused with MailTooLargeError. */
  maxBytes: number;
}

/** The part of the SDK's streaming body this store uses. */
interface DestroyableBody extends AsyncIterable<Uint8Array> {
  destroy?: () => void;
}

/** Reads a body while counting; stops (and releases the socket) as soon as it is too large. */
async function readWithLimit(body: DestroyableBody, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy?.();
      throw new MailTooLargeError(total, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** See the module comment. */
export class S3RawMailStore implements RawMailStore {
  constructor(private readonly options: S3RawMailStoreOptions) {}

  async getRawMail(key: string): Promise<Uint8Array> {
    const { client, bucket, maxBytes } = this.options;
    let response;
    try {
      response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (isNotFoundError(error)) throw new NotFoundError(`no raw mail at ${key}`, { cause: error });
      throw toAdapterError(error, 'get raw mail');
    }
    const body = response.Body as DestroyableBody | undefined;
    if (!body) throw new NotFoundError(`raw mail at ${key} has no body`);
    if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
      body.destroy?.();
      throw new MailTooLargeError(response.ContentLength, maxBytes);
    }
    try {
      return await readWithLimit(body, maxBytes);
    } catch (error) {
      if (error instanceof MailTooLargeError) throw error;
      throw toAdapterError(error, 'read raw mail');
    }
  }
}
