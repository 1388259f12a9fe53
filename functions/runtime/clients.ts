/**
 * The ONE place AWS SDK clients are built. Each client is built on first use and then kept for
 * the cold start's lifetime (connections are reused across invocations). A handler only
 * builds the clients it asks for, and bundling drops the client packages a handler never
 * reaches (the SDK packages declare no side effects).
 *
 * Locally, config carries endpoint overrides (dynalite, s3rver, aws-ses-v2-local); then the
 * clients use fixed fake credentials, so the local stack never looks for, or finds, real AWS
 * credentials. On AWS the overrides are unset and the Lambda role's credentials are used.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import type { Config } from './config.js';

/** Attempts per SDK call (the first and two retries, with the SDK's backoff and jitter). */
export const SDK_MAX_ATTEMPTS = 3;
/** How long to wait for a connection, and for a response, before the attempt counts as failed. */
const CONNECTION_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * The fake credentials of the local stack (s3rver checks signatures against exactly these).
 * Used only when an endpoint override points at a local server.
 */
export const LOCAL_FAKE_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** The settings clients depend on. */
export type ClientConfig = Pick<Config, 'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'S3_ENDPOINT' | 'SES_ENDPOINT'>;

/** Lazily built, memoised SDK clients. */
export interface AwsClients {
  dynamo(): DynamoDBClient;
  s3(): S3Client;
  ses(): SESClient;
  secrets(): SecretsManagerClient;
}

/** Settings shared by every client; `endpoint` set means a local server. */
function commonSettings(region: string, endpoint: string | undefined) {
  return {
    region,
    maxAttempts: SDK_MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    ...(endpoint ? { endpoint, credentials: LOCAL_FAKE_CREDENTIALS } : {}),
  };
}

function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

/** Clients for one configuration; each is built the first time it is asked for. */
export function createAwsClients(config: ClientConfig): AwsClients {
  return {
    dynamo: once(() => new DynamoDBClient(commonSettings(config.AWS_REGION, config.DYNAMODB_ENDPOINT))),
    // s3rver serves path-style URLs only (no bucket subdomains on 127.0.0.1).
    s3: once(
      () =>
        new S3Client({
          ...commonSettings(config.AWS_REGION, config.S3_ENDPOINT),
          forcePathStyle: config.S3_ENDPOINT !== undefined,
        }),
    ),
    ses: once(() => new SESClient(commonSettings(config.AWS_REGION, config.SES_ENDPOINT))),
    secrets: once(() => new SecretsManagerClient(commonSettings(config.AWS_REGION, undefined))),
  };
}
