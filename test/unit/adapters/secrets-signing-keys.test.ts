/**
 * Signing keys: the JSON shape check, and the Secrets Manager reader's once-per-cold-start
 * cache, with a fake client (no sockets).
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../../functions/core/errors.js';
import { SecretsSigningKeys, parseSigningKeys } from '../../../functions/adapters/secrets-signing-keys.js';

const LONG_SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** A Secrets Manager client whose answers are scripted; counts the calls. */
function fakeSecretsClient(answers: Array<() => unknown>): { client: SecretsManagerClient; calls: () => number } {
  let calls = 0;
  const client = {
    send: async () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      return answer?.();
    },
  } as unknown as SecretsManagerClient;
  return { client, calls: () => calls };
}

describe('parseSigningKeys', () => {
  it('reads key ids and secrets', () => {
    // Prepare
    const json = JSON.stringify({ k1: LONG_SECRET, k2: `${LONG_SECRET}-2` });

    // Act
    const keys = parseSigningKeys(json, 'SIGNING_KEYS');

    // Assess
    expect(keys).toEqual({ k1: LONG_SECRET, k2: `${LONG_SECRET}-2` });
  });

  it('names the key that is too short, and never shows a secret', () => {
    // Prepare
    const json = JSON.stringify({ k1: LONG_SECRET, weak: 'short-secret' });

    // Act
    const parse = () => parseSigningKeys(json, 'SIGNING_KEYS');

    // Assess
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/SIGNING_KEYS\.weak: must be at least 32 characters/);
    expect(parse).not.toThrow(/short-secret/);
  });

  it('names a key id that could not travel in a token', () => {
    // Prepare
    const json = JSON.stringify({ 'k 1': LONG_SECRET });

    // Act
    const parse = () => parseSigningKeys(json, 'SIGNING_KEYS');

    // Assess
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/SIGNING_KEYS\.k 1: /);
  });

  it('refuses JSON that is not an object of keys', () => {
    // Prepare
    const inputs = ['not json', '{}', '["k1"]', '{"k1":12345}'];

    // Act
    const outcomes = inputs.map((input) => () => parseSigningKeys(input, 'SIGNING_KEYS'));

    // Assess
    for (const outcome of outcomes) expect(outcome).toThrow(ConfigError);
  });
});

describe('SecretsSigningKeys', () => {
  it('reads the secret once and answers later calls from memory', async () => {
    // Prepare
    const fake = fakeSecretsClient([() => ({ SecretString: JSON.stringify({ k1: LONG_SECRET }) })]);
    const source = new SecretsSigningKeys({ client: fake.client, secretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:k' });

    // Act
    const first = await source.loadKeys();
    const second = await source.loadKeys();

    // Assess
    expect(first).toEqual({ k1: LONG_SECRET });
    expect(second).toBe(first);
    expect(fake.calls()).toBe(1);
  });

  it('does not cache a throttled read: the next call tries again', async () => {
    // Prepare
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const fake = fakeSecretsClient([
      () => {
        throw throttled;
      },
      () => ({ SecretString: JSON.stringify({ k1: LONG_SECRET }) }),
    ]);
    const source = new SecretsSigningKeys({ client: fake.client, secretArn: 'arn:secret' });

    // Act
    const failed = source.loadKeys();
    await failed.catch(() => undefined);
    const retried = await source.loadKeys();

    // Assess
    await expect(failed).rejects.toBeInstanceOf(TransientError);
    await expect(failed).rejects.toMatchObject({ cause: throttled });
    expect(retried).toEqual({ k1: LONG_SECRET });
    expect(fake.calls()).toBe(2);
  });
});
