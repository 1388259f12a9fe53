/**
 * The ONE place AWS SDK clients are built. Each client is built on first use and then kept for
 * the cold start's lifetime (connections are reused across invocations). A handler only
 * builds the clients it asks for, and bundling drops the client packages a handler never
 * reaches (one builder per client; the SDK packages declare no side effects).
 *
 * Locally, config carries endpoint overrides (dynalite, s3rver, aws-ses-v2-local); then the
 * clients use fixed fake credentials, so the local stack never looks for, or finds, real AWS
 * credentials. On AWS the overrides are unset and the Lambda role's credentials are used.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SSMClient } from '@aws-sdk/client-ssm';
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
  ssm(): SSMClient;
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

/** A DynamoDB client (dynalite when DYNAMODB_ENDPOINT is set). */
export function buildDynamoClient(config: ClientConfig): DynamoDBClient {
  return new DynamoDBClient(commonSettings(config.AWS_REGION, config.DYNAMODB_ENDPOINT));
}

/** An S3 client; s3rver serves path-style URLs only (no bucket subdomains on 127.0.0.1). */
export function buildS3Client(config: ClientConfig): S3Client {
  return new S3Client({
    ...commonSettings(config.AWS_REGION, config.S3_ENDPOINT),
    forcePathStyle: config.S3_ENDPOINT !== undefined,
  });
}

/** An SES (v1 API, SendRawEmail) client (aws-ses-v2-local when SES_ENDPOINT is set). */
export function buildSesClient(config: ClientConfig): SESClient {
  return new SESClient(commonSettings(config.AWS_REGION, config.SES_ENDPOINT));
}

/** An SSM client for the signing-key parameter (deployed only: locally the keys come from SIGNING_KEYS). */
export function buildSsmClient(config: ClientConfig): SSMClient {
  return new SSMClient(commonSettings(config.AWS_REGION, undefined));
}

/**
 * All four clients for one configuration, each built the first time it is asked for (the local
 * stack and tests use this). Handlers' dependency modules call the single builders above, so a
 * handler's bundle holds only the SDK clients it uses.
 */
export function createAwsClients(config: ClientConfig): AwsClients {
  return {
    dynamo: once(() => buildDynamoClient(config)),
    s3: once(() => buildS3Client(config)),
    ses: once(() => buildSesClient(config)),
    ssm: once(() => buildSsmClient(config)),
  };
}
