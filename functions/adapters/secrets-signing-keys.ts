/**
 * The HMAC keys of the action links. Their shape is one JSON object, key id -> secret
 * (at least 32 characters), e.g. {"k1":"..."}: locally in env SIGNING_KEYS, on AWS in a
 * Secrets Manager secret of the same shape (CDK generates it). The secret is read once per
 * cold start and kept in memory; a failed read is not cached, so the next invocation retries.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { isNotFoundError, toAdapterError } from './aws-errors.js';

/** Key id -> secret. */
export type SigningKeys = Readonly<Record<string, string>>;

/** Shortest secret accepted: 32 characters, as the shared decision on signing keys says. */
export const MIN_SIGNING_KEY_LENGTH = 32;

const signingKeysSchema = z
  .record(z.string().min(1), z.string().min(MIN_SIGNING_KEY_LENGTH, `must be at least ${MIN_SIGNING_KEY_LENGTH} characters`))
  .refine((keys) => Object.keys(keys).length > 0, 'must hold at least one key');

/**
 * Reads the signing-key JSON. Throws ConfigError naming `source` (and the key id, never the
 * secret) when it is not an object of long-enough secrets.
 */
export function parseSigningKeys(json: string, source: string): SigningKeys {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ConfigError([`${source}: is not valid JSON (expected {"<key id>": "<secret>"})`]);
  }
  const result = signingKeysSchema.safeParse(value);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${[source, ...issue.path.map(String)].join('.')}: ${issue.message}`),
    );
  }
  return result.data;
}

export interface SecretsSigningKeysOptions {
  client: SecretsManagerClient;
  /** SIGNING_KEY_SECRET_ARN. */
  secretArn: string;
}

/** Loads the signing keys from Secrets Manager once, then answers from memory. */
export class SecretsSigningKeys {
  private pending: Promise<SigningKeys> | undefined;

  constructor(private readonly options: SecretsSigningKeysOptions) {}

  /** The keys, read from Secrets Manager on the first call of this cold start. */
  loadKeys(): Promise<SigningKeys> {
    this.pending ??= this.readSecret().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  private async readSecret(): Promise<SigningKeys> {
    let secret: string | undefined;
    try {
      const result = await this.options.client.send(new GetSecretValueCommand({ SecretId: this.options.secretArn }));
      secret = result.SecretString;
    } catch (error) {
      if (isNotFoundError(error)) {
        throw new ConfigError([`SIGNING_KEY_SECRET_ARN: no secret found at ${this.options.secretArn}`]);
      }
      throw toAdapterError(error, 'read signing keys');
    }
    if (secret === undefined) throw new ConfigError(['SIGNING_KEY_SECRET_ARN: the secret has no string value']);
    return parseSigningKeys(secret, 'SIGNING_KEY_SECRET_ARN');
  }
}
