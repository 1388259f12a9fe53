/**
 * How adapters read AWS SDK errors. One rule for every adapter: a lost conditional write is
 * the caller's business (ConflictError or null), throttling, timeouts, network failures and
 * 5xx are TransientError (the handler rethrows, Lambda retries), and anything else is
 * rethrown unchanged (an unknown error counts as transient too, so nothing is acknowledged
 * by mistake; it ends in the DLQ after the retries).
 */
import { TransientError } from '../core/errors.js';

/** Error names AWS uses for throttling and capacity limits (retrying later can succeed). */
const THROTTLING_ERROR_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

/** Node.js socket errors that mean "the service could not be reached this time". */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** First HTTP status code of the server-error range. */
const FIRST_SERVER_ERROR_STATUS = 500;

interface AwsLikeError {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

function asAwsLike(error: unknown): AwsLikeError | null {
  return typeof error === 'object' && error !== null ? (error as AwsLikeError) : null;
}

/** True when a DynamoDB write lost its condition (someone else wrote first). */
export function isConditionalCheckFailed(error: unknown): boolean {
  return asAwsLike(error)?.name === 'ConditionalCheckFailedException';
}

/** True when the error names a missing S3 object (or another resource missing by that name). */
export function isNotFoundError(error: unknown): boolean {
  const name = asAwsLike(error)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'ResourceNotFoundException';
}

/**
 * True when an SDK error carries exactly this name (e.g. SSM's 'ParameterNotFound' or
 * 'ParameterAlreadyExists'), for the outcomes an adapter handles itself.
 */
export function hasAwsErrorName(error: unknown, name: string): boolean {
  return asAwsLike(error)?.name === name;
}

/** True for throttling, timeouts, network failures and 5xx: worth retrying later. */
export function isTransientAwsError(error: unknown): boolean {
  const aws = asAwsLike(error);
  if (!aws) return false;
  if (typeof aws.name === 'string' && THROTTLING_ERROR_NAMES.has(aws.name)) return true;
  if (aws.name === 'TimeoutError' || aws.name === 'AbortError') return true;
  if (typeof aws.code === 'string' && NETWORK_ERROR_CODES.has(aws.code)) return true;
  if (aws.$retryable) return true;
  if (aws.$fault === 'server') return true;
  const status = aws.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= FIRST_SERVER_ERROR_STATUS;
}

/**
 * Wraps a transient SDK error in a TransientError (with the SDK error as `cause`) and returns
 * any other error unchanged, ready to be thrown.
 */
export function toAdapterError(error: unknown, operation: string): unknown {
  if (isTransientAwsError(error)) {
    const name = asAwsLike(error)?.name;
    return new TransientError(`${operation} failed for now (${typeof name === 'string' ? name : 'network error'})`, {
      cause: error,
    });
  }
  return error;
}
