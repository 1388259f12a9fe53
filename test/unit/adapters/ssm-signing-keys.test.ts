/**
 * The SSM signing-key reader: reads the SecureString parameter once per cold start, creates
 * it with a fresh key when a new deployment has none, survives two first starts racing, and
 * reports a bad parameter by name. A scripted fake SSM client (no sockets).
 */
import {
  GetParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../../functions/core/errors.js';
import { MIN_SIGNING_KEY_LENGTH } from '../../../functions/core/links/link-signer.js';
import { generateSigningKey, SsmSigningKeys } from '../../../functions/adapters/ssm-signing-keys.js';

const PARAMETER_NAME = '/not-today/NotTodayStateful/signing-keys';
const LONG_SECRET = 'a-secret-of-at-least-thirty-two-characters';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

type Command = GetParameterCommand | PutParameterCommand;
/** One scripted answer: a response, or an error to throw. */
type Answer = { returns: unknown } | { throws: unknown };

/** The SDK's own exceptions for an absent parameter and a lost create race. */
const notFound = () => new ParameterNotFound({ message: 'parameter not found', $metadata: {} });
const alreadyExists = () => new ParameterAlreadyExists({ message: 'parameter already exists', $metadata: {} });

/** An AWS SDK style error for the cases the SDK has no exported class for here. */
function awsError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(name), { name, $metadata: {}, ...extra });
}

/** A GetParameter answer for a SecureString holding `value`. */
function secureString(value: string): Answer {
  return { returns: { Parameter: { Name: PARAMETER_NAME, Type: 'SecureString', Value: value, Version: 1 } } };
}

/** An SSM client that answers each call from a script, in order, and records the commands. */
function scriptedSsm(answers: Answer[]): { client: SSMClient; commands: Command[] } {
  const commands: Command[] = [];
  const client = {
    send: async (command: Command) => {
      commands.push(command);
      const answer = answers[commands.length - 1];
      if (!answer) throw new Error(`unscripted call ${commands.length}: ${command.constructor.name}`);
      if ('throws' in answer) throw answer.throws;
      return answer.returns;
    },
  } as unknown as SSMClient;
  return { client, commands };
}

function sourceFor(client: SSMClient, signingKeyId = 'k1', generateKey?: () => string): SsmSigningKeys {
  return new SsmSigningKeys({ client, parameterName: PARAMETER_NAME, signingKeyId, ...(generateKey ? { generateKey } : {}) });
}

describe('SsmSigningKeys', () => {
  it('reads an existing parameter decrypted, once per cold start', async () => {
    // Prepare
    const ssm = scriptedSsm([secureString(JSON.stringify({ k1: LONG_SECRET, k2: `${LONG_SECRET}-2` }))]);
    const source = sourceFor(ssm.client, 'k2');

    // Act
    const first = await source.loadKeys();
    const second = await source.loadKeys();

    // Assess
    expect(first).toEqual({ k1: LONG_SECRET, k2: `${LONG_SECRET}-2` });
    expect(second).toBe(first);
    expect(ssm.commands).toHaveLength(1);
    expect(ssm.commands[0]).toBeInstanceOf(GetParameterCommand);
    expect(ssm.commands[0]!.input).toEqual({ Name: PARAMETER_NAME, WithDecryption: true });
  });

  it('creates an absent parameter: one fresh key under the signing key id, a standard SecureString, never overwriting', async () => {
    // Prepare
    const ssm = scriptedSsm([{ throws: notFound() }, { returns: { Version: 1, Tier: 'Standard' } }]);
    const source = sourceFor(ssm.client);

    // Act
    const keys = await source.loadKeys();

    // Assess
    expect(ssm.commands.map((command) => command.constructor.name)).toEqual(['GetParameterCommand', 'PutParameterCommand']);
    const put = (ssm.commands[1] as PutParameterCommand).input;
    expect(put).toMatchObject({ Name: PARAMETER_NAME, Type: 'SecureString', Tier: 'Standard', Overwrite: false });
    expect(put.KeyId).toBeUndefined();
    const stored = JSON.parse(put.Value!) as Record<string, string>;
    expect(Object.keys(stored)).toEqual(['k1']);
    expect(stored.k1!.length).toBeGreaterThanOrEqual(MIN_SIGNING_KEY_LENGTH);
    expect(stored.k1).toMatch(BASE64URL);
    expect(keys).toEqual(stored);
  });

  it('names a created key after SIGNING_KEY_ID and never writes the same key twice', async () => {
    // Prepare
    const created = () => scriptedSsm([{ throws: notFound() }, { returns: { Version: 1 } }]);
    const [one, two] = [created(), created()];

    // Act
    const first = await sourceFor(one.client, 'k7').loadKeys();
    const second = await sourceFor(two.client, 'k7').loadKeys();

    // Assess
    expect(Object.keys(first)).toEqual(['k7']);
    expect(first.k7).not.toBe(second.k7);
  });

  it('reads back the key another first start wrote when it loses the race to create it', async () => {
    // Prepare
    const theirs = JSON.stringify({ k1: LONG_SECRET });
    const ssm = scriptedSsm([
      { throws: notFound() },
      { throws: alreadyExists() },
      secureString(theirs),
    ]);
    const source = sourceFor(ssm.client, 'k1', () => `ours-${LONG_SECRET}`);

    // Act
    const keys = await source.loadKeys();

    // Assess
    expect(keys).toEqual({ k1: LONG_SECRET });
    expect(ssm.commands.map((command) => command.constructor.name)).toEqual([
      'GetParameterCommand',
      'PutParameterCommand',
      'GetParameterCommand',
    ]);
  });

  it('reports a parameter that is not signing-key JSON as a ConfigError naming the parameter, never the value', async () => {
    // Prepare
    const source = sourceFor(scriptedSsm([secureString('k1=not-json-at-all')]).client);

    // Act
    const loading = source.loadKeys();

    // Assess
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(`parameter ${PARAMETER_NAME}: is not valid JSON`);
    await expect(loading).rejects.not.toThrow(/not-json-at-all/);
  });

  it('reports a SIGNING_KEY_ID missing from the parameter (a rotation deployed before its key was added)', async () => {
    // Prepare
    const source = sourceFor(scriptedSsm([secureString(JSON.stringify({ k1: LONG_SECRET }))]).client, 'k2');

    // Act
    const loading = source.loadKeys();

    // Assess
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(`SIGNING_KEY_ID: "k2" is not one of the keys in parameter ${PARAMETER_NAME}`);
  });

  it('refuses a plain String parameter (the keys must stay encrypted at rest)', async () => {
    // Prepare
    const plain = { returns: { Parameter: { Name: PARAMETER_NAME, Type: 'String', Value: JSON.stringify({ k1: LONG_SECRET }) } } };
    const source = sourceFor(scriptedSsm([plain]).client);

    // Act
    const loading = source.loadKeys();

    // Assess
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/must be a SecureString/);
  });

  it('does not cache a throttled read: the next call tries again', async () => {
    // Prepare
    const throttled = awsError('ThrottlingException', { $retryable: { throttling: true } });
    const ssm = scriptedSsm([{ throws: throttled }, secureString(JSON.stringify({ k1: LONG_SECRET }))]);
    const source = sourceFor(ssm.client);

    // Act
    const failed = source.loadKeys();
    await failed.catch(() => undefined);
    const retried = await source.loadKeys();

    // Assess
    await expect(failed).rejects.toBeInstanceOf(TransientError);
    await expect(failed).rejects.toMatchObject({ cause: throttled });
    expect(retried).toEqual({ k1: LONG_SECRET });
    expect(ssm.commands).toHaveLength(2);
  });

  it('passes a denied write on unchanged (a permanent fault, not retried as transient)', async () => {
    // Prepare
    const denied = awsError('AccessDeniedException', { $fault: 'client' });
    const source = sourceFor(scriptedSsm([{ throws: notFound() }, { throws: denied }]).client);

    // Act
    const loading = source.loadKeys();

    // Assess
    await expect(loading).rejects.toBe(denied);
  });
});

describe('generateSigningKey', () => {
  it('makes 64 base64url characters of fresh randomness each time', () => {
    // Act
    const keys = [generateSigningKey(), generateSigningKey()];

    // Assess
    for (const key of keys) {
      expect(key).toHaveLength(64);
      expect(key).toMatch(BASE64URL);
    }
    expect(keys[0]).not.toBe(keys[1]);
  });
});
