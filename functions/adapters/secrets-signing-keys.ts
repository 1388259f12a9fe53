/**
 * The HMAC keys of the action links. Their shape is one JSON object, key id -> secret
 * (at least 32 characters), e.g. {"k1":"..."}: locally in env SIGNING_KEYS, on AWS in a
 * Secrets Manager secret of the same shape (CDK generates it). The secret is read once per
 * cold start and kept in memory; a failed read is not cached, so the next invocation retries.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../core/errors.js';
import { isNotFoundError, toAdapterError } from './aws-errors.js';
import { parseSigningKeys, type SigningKeys } from './signing-keys.js';

export { parseSigningKeys, type SigningKeys } from './signing-keys.js';

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
