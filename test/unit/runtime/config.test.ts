/**
 * parseConfig: every missing or bad value is reported at once, by name; defaults fill the rest.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../functions/core/errors.js';
import { parseConfig } from '../../../functions/runtime/config.js';

/** A complete, valid environment (as the local stack sets it). */
function validEnvironment(): Record<string, string | undefined> {
  return {
    TABLE_NAME: 'not-today',
    RAW_MAIL_BUCKET: 'not-today-raw-mail',
    OWNER_ADDRESSES: 'Sam.Lee@mailbox.example, sam@work.example',
    FROM_ADDRESS: 'not-today@mail.sam-lee.example',
    INBOUND_ADDRESS: 'not-today@in.sam-lee.example',
    ACTIONS_BASE_URL: 'http://127.0.0.1:3000',
    SIGNING_KEYS: '{"k1":"0123456789abcdef0123456789abcdef"}',
  };
}

/** The problems a ConfigError lists, or fails the test when parsing succeeds. */
function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads a valid environment and fills the defaults', () => {
    // Prepare
    const env = validEnvironment();

    // Act
    const config = parseConfig(env);

    // Assess
    expect(config.OWNER_ADDRESSES).toEqual(['sam.lee@mailbox.example', 'sam@work.example']);
    expect(config).toMatchObject({
      OWNER_ID: 'owner',
      TIME_ZONE: 'UTC',
      SEND_HOUR: 9,
      SIGNING_KEY_ID: 'k1',
      RAW_MAIL_PREFIX: 'inbound/',
      MAX_MAIL_BYTES: 10 * 1024 * 1024,
      AWS_REGION: 'us-east-1',
    });
  });

  it('reports every missing and bad value at once, each by name', () => {
    // Prepare
    const env = {
      ...validEnvironment(),
      TABLE_NAME: undefined,
      FROM_ADDRESS: 'not an address',
      OWNER_ADDRESSES: 'sam@mailbox.example, nope',
      TIME_ZONE: 'Mars/Olympus_Mons',
      SEND_HOUR: '25',
      ACTIONS_BASE_URL: 'not a url',
    };

    // Act
    const problems = problemsOf(env);

    // Assess
    const named = problems.map((problem) => problem.split(/[.:]/)[0]);
    expect(new Set(named)).toEqual(
      new Set(['TABLE_NAME', 'FROM_ADDRESS', 'OWNER_ADDRESSES', 'TIME_ZONE', 'SEND_HOUR', 'ACTIONS_BASE_URL']),
    );
  });

  it('puts every problem in the error message', () => {
    // Prepare
    const env = { ...validEnvironment(), RAW_MAIL_BUCKET: '', INBOUND_ADDRESS: undefined };

    // Act
    const run = () => parseConfig(env);

    // Assess
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/RAW_MAIL_BUCKET[\s\S]*INBOUND_ADDRESS|INBOUND_ADDRESS[\s\S]*RAW_MAIL_BUCKET/);
  });

  it('reports a bad cadence and bad signing keys together with the other problems', () => {
    // Prepare
    const env = {
      ...validEnvironment(),
      TABLE_NAME: '',
      CADENCE: 'checkins=3mo,1mo',
      SIGNING_KEYS: '{"k1":"too-short"}',
    };

    // Act
    const problems = problemsOf(env);

    // Assess
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TABLE_NAME: /),
        expect.stringMatching(/^CADENCE: /),
        expect.stringMatching(/^SIGNING_KEYS\.k1: must be at least 32 characters/),
      ]),
    );
    expect(problems.join('\n')).not.toContain('too-short');
  });

  it('requires the signing key id to name one of the keys', () => {
    // Prepare
    const env = { ...validEnvironment(), SIGNING_KEY_ID: 'k2' };

    // Act
    const problems = problemsOf(env);

    // Assess
    expect(problems).toEqual([expect.stringMatching(/^SIGNING_KEY_ID: "k2" is not one of the keys/)]);
  });

  it('asks for a signing key source when neither SIGNING_KEYS nor SIGNING_KEY_PARAMETER_NAME is set', () => {
    // Prepare
    const env = { ...validEnvironment(), SIGNING_KEYS: undefined };

    // Act
    const problems = problemsOf(env);

    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/SIGNING_KEYS or SIGNING_KEY_PARAMETER_NAME/);
  });

  it('accepts the SSM parameter name alone as the deployed signing key source', () => {
    // Prepare
    const env = { ...validEnvironment(), SIGNING_KEYS: undefined, SIGNING_KEY_PARAMETER_NAME: '/not-today/NotTodayStateful/signing-keys' };

    // Act
    const config = parseConfig(env);

    // Assess
    expect(config.SIGNING_KEY_PARAMETER_NAME).toBe('/not-today/NotTodayStateful/signing-keys');
    expect(config.SIGNING_KEYS).toBeUndefined();
  });

  it('refuses an owner id that could break the table keys', () => {
    // Prepare
    const env = { ...validEnvironment(), OWNER_ID: 'Owner#1' };

    // Act
    const problems = problemsOf(env);

    // Assess
    expect(problems).toEqual([expect.stringMatching(/^OWNER_ID: /)]);
  });
});
