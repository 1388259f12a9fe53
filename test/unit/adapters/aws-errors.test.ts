/**
 * How adapters classify AWS SDK errors: lost conditions, throttling / 5xx / network (transient),
 * and everything else (passed through unchanged).
 */
import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../functions/core/errors.js';
import {
  hasAwsErrorName,
  isConditionalCheckFailed,
  isNotFoundError,
  isTransientAwsError,
  toAdapterError,
} from '../../../functions/adapters/aws-errors.js';

/** An error shaped like the SDK's service exceptions. */
function sdkError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: 400 }, ...extra });
}

describe('aws error classification', () => {
  it.each([
    ['throttling', sdkError('ThrottlingException')],
    ['provisioned throughput', sdkError('ProvisionedThroughputExceededException')],
    ['S3 slow down', sdkError('SlowDown', { $metadata: { httpStatusCode: 503 } })],
    ['a 500', sdkError('InternalServerError', { $metadata: { httpStatusCode: 500 } })],
    ['a server fault', sdkError('SomethingNew', { $fault: 'server' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['a timeout', sdkError('TimeoutError')],
  ])('counts %s as transient and wraps it with its cause', (_name, error) => {
    // Prepare
    const operation = 'save plan';

    // Act
    const wrapped = toAdapterError(error, operation);

    // Assess
    expect(isTransientAwsError(error)).toBe(true);
    expect(wrapped).toBeInstanceOf(TransientError);
    expect((wrapped as TransientError).cause).toBe(error);
    expect((wrapped as TransientError).message).toContain(operation);
  });

  it.each([
    ['a validation error', sdkError('ValidationException')],
    ['access denied', sdkError('AccessDeniedException', { $metadata: { httpStatusCode: 403 } })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('passes %s through unchanged', (_name, error) => {
    // Prepare
    const operation = 'get contact';

    // Act
    const result = toAdapterError(error, operation);

    // Assess
    expect(isTransientAwsError(error)).toBe(false);
    expect(result).toBe(error);
  });

  it('recognises a lost condition and a missing object', () => {
    // Prepare
    const lost = sdkError('ConditionalCheckFailedException');
    const missing = sdkError('NoSuchKey', { $metadata: { httpStatusCode: 404 } });

    // Act
    const verdicts = [isConditionalCheckFailed(lost), isNotFoundError(missing), isConditionalCheckFailed(missing)];

    // Assess
    expect(verdicts).toEqual([true, true, false]);
  });

  it('tells an SDK error by its exact name (SSM answers ParameterNotFound, ParameterAlreadyExists)', () => {
    // Prepare
    const absent = sdkError('ParameterNotFound');

    // Act
    const matches = [hasAwsErrorName(absent, 'ParameterNotFound'), hasAwsErrorName(absent, 'ParameterAlreadyExists')];
    const odd = [hasAwsErrorName(undefined, 'ParameterNotFound'), hasAwsErrorName('ParameterNotFound', 'ParameterNotFound')];

    // Assess
    expect(matches).toEqual([true, false]);
    expect(odd).toEqual([false, false]);
  });
});
