/**
 * Signing keys: the one JSON shape check, shared by env SIGNING_KEYS and the SSM parameter.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../functions/core/errors.js';
import { parseSigningKeys } from '../../../functions/adapters/signing-keys.js';

const LONG_SECRET = 'a-secret-of-at-least-thirty-two-characters';

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
