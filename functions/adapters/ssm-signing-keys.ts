/**
 * The HMAC keys of the action links on AWS: one SSM Parameter Store SecureString (standard
 * tier, no charge; encrypted with the AWS-managed aws/ssm key, no customer key to pay for)
 * holding the JSON object key id -> secret, e.g. {"k1":"..."} (locally the same JSON comes
 * from env SIGNING_KEYS instead).
 *
 * CloudFormation cannot create a SecureString, and the key must never appear in a template,
 * so the first cold start of a new deployment creates the parameter itself: a fresh random
 * key under the configured key id, written with Overwrite false. Two first starts racing
 * each other both end up with the one key that was written first (the loser reads it back).
 *
 * The keys are read once per cold start and kept in memory; a failed read is not cached, so
 * the next invocation tries again.
 */
import { randomBytes } from 'node:crypto';
import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError, TransientError } from '../core/errors.js';
import { hasAwsErrorName, toAdapterError } from './aws-errors.js';
import { parseSigningKeys, type SigningKeys } from './signing-keys.js';

export { parseSigningKeys, type SigningKeys } from './signing-keys.js';

/** Random bytes of a generated key: 48 bytes are 64 base64url characters (the runtime needs >= 32). */
export const GENERATED_KEY_BYTES = 48;
/** The only parameter type that keeps the keys encrypted at rest. */
export const SIGNING_KEY_PARAMETER_TYPE = 'SecureString';
/** Standard tier: free (an account whose default tier is Advanced would otherwise pay $0.05/month). */
const SIGNING_KEY_PARAMETER_TIER = 'Standard';
const PARAMETER_DESCRIPTION =
  'Not Today link-signing keys: JSON object of key id to secret; SIGNING_KEY_ID names the one that signs';

export interface SsmSigningKeysOptions {
  client: SSMClient;
  /** SIGNING_KEY_PARAMETER_NAME, e.g. /not-today/NotTodayStateful/signing-keys. */
  parameterName: string;
  /** SIGNING_KEY_ID: must be among the keys; the id a newly created parameter's key gets. */
  signingKeyId: string;
  /** Makes the secret of a new parameter (tests pass their own); random base64url by default. */
  generateKey?: () => string;
}

/** A fresh signing key: 48 random bytes as base64url (64 characters, no padding). */
export function generateSigningKey(): string {
  return randomBytes(GENERATED_KEY_BYTES).toString('base64url');
}

/** Loads (or on a first start, creates) the signing keys in SSM once, then answers from memory. */
export class SsmSigningKeys {
  private pending: Promise<SigningKeys> | undefined;

  constructor(private readonly options: SsmSigningKeysOptions) {}

  /** The keys, read from SSM on the first call of this cold start. */
  loadKeys(): Promise<SigningKeys> {
    this.pending ??= this.readOrCreate().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  private async readOrCreate(): Promise<SigningKeys> {
    const existing = await this.readParameter();
    if (existing !== undefined) return this.checkKeys(existing);
    const created = await this.createParameter();
    if (created !== undefined) return created;
    // Another cold start created it between our read and our write: use what it wrote.
    const written = await this.readParameter();
    if (written === undefined) {
      throw new TransientError(`signing keys: parameter ${this.options.parameterName} exists but could not be read yet`);
    }
    return this.checkKeys(written);
  }

  /** The parameter's decrypted value, or undefined when there is no such parameter. */
  private async readParameter(): Promise<string | undefined> {
    const { client, parameterName } = this.options;
    let result;
    try {
      result = await client.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
    } catch (error) {
      if (hasAwsErrorName(error, 'ParameterNotFound')) return undefined;
      throw toAdapterError(error, 'read signing keys');
    }
    const parameter = result.Parameter;
    if (parameter?.Value === undefined) {
      throw new ConfigError([`SIGNING_KEY_PARAMETER_NAME: parameter ${parameterName} has no value`]);
    }
    if (parameter.Type !== SIGNING_KEY_PARAMETER_TYPE) {
      throw new ConfigError([
        `SIGNING_KEY_PARAMETER_NAME: parameter ${parameterName} is a ${parameter.Type ?? 'untyped'} parameter; it must be a ${SIGNING_KEY_PARAMETER_TYPE}`,
      ]);
    }
    return parameter.Value;
  }

  /** Writes a new parameter with one fresh key; undefined when it already exists (a race). */
  private async createParameter(): Promise<SigningKeys | undefined> {
    const { client, parameterName, signingKeyId } = this.options;
    const keys: SigningKeys = { [signingKeyId]: (this.options.generateKey ?? generateSigningKey)() };
    const value = JSON.stringify(keys);
    // Checked before it is stored, so a bad key id or generator never leaves a bad parameter.
    parseSigningKeys(value, `new parameter ${parameterName}`);
    try {
      await client.send(
        new PutParameterCommand({
          Name: parameterName,
          Description: PARAMETER_DESCRIPTION,
          Type: SIGNING_KEY_PARAMETER_TYPE,
          Tier: SIGNING_KEY_PARAMETER_TIER,
          Value: value,
          Overwrite: false,
        }),
      );
    } catch (error) {
      if (hasAwsErrorName(error, 'ParameterAlreadyExists')) return undefined;
      throw toAdapterError(error, 'create signing keys');
    }
    return keys;
  }

  /** Parses the stored JSON and checks that the key id that signs is among the keys. */
  private checkKeys(value: string): SigningKeys {
    const { parameterName, signingKeyId } = this.options;
    const keys = parseSigningKeys(value, `parameter ${parameterName}`);
    if (!Object.hasOwn(keys, signingKeyId)) {
      throw new ConfigError([`SIGNING_KEY_ID: "${signingKeyId}" is not one of the keys in parameter ${parameterName}`]);
    }
    return keys;
  }
}
