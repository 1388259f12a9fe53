/**
 * Deployment settings are validated at synth time, and a bad one stops `cdk synth` with a
 * message that names it. The last test runs the real app entry (infra/app.ts) as `cdk` would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/core/errors.js';
import {
  CONFIG_CONTEXT_KEY,
  CONFIG_FILE_CONTEXT_KEY,
  loadDeployConfig,
  parseDeployConfig,
} from '../../infra/config/deploy-config.js';
import { TEST_SETTINGS } from './support/build-app.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The problems a ConfigError lists, or a failure if nothing was thrown. */
function problemsOf(act: () => unknown): readonly string[] {
  try {
    act();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** A context that holds the given keys, like an App's node. */
const contextOf = (values: Record<string, unknown>) => ({ tryGetContext: (key: string): unknown => values[key] });

describe('parseDeployConfig', () => {
  it('accepts the test settings and fills in the defaults', () => {
    // Act
    const config = parseDeployConfig({ ...TEST_SETTINGS, cadence: undefined, rawMailRetentionDays: undefined });

    // Assess
    expect(config).toMatchObject({
      ownerAddresses: ['sam@example.org', 'sam.work@example.net'],
      rawMailRetentionDays: 365,
      dispatchRateMinutes: 15,
      maxMailBytes: 10 * 1024 * 1024,
      activateReceiptRuleSet: true,
      logLevel: 'INFO',
    });
    expect(config.cadence).toBeUndefined();
  });

  it.each([
    ['a bad owner address', { ownerAddresses: ['sam-at-example.org'] }, 'notToday.ownerAddresses.0:'],
    ['no owner address', { ownerAddresses: [] }, 'notToday.ownerAddresses: must list at least one address'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'notToday.timeZone: must be an IANA time zone'],
    ['sendHour 25', { sendHour: 25 }, 'notToday.sendHour:'],
    ['an inbound domain that is not the address\'s', { inboundDomain: 'other.example.org' }, 'notToday.inboundDomain: must be the domain of inboundAddress (mail.example.org)'],
    ['a cadence the core rejects', { cadence: 'feedback=soon' }, 'notToday.cadence:'],
    ['a retention of zero days', { rawMailRetentionDays: 0 }, 'notToday.rawMailRetentionDays:'],
    ['a dispatch rate of 90 minutes', { dispatchRateMinutes: 90 }, 'notToday.dispatchRateMinutes:'],
    ['the inbound address among the owner\'s', { ownerAddresses: ['jobs@mail.example.org'] }, 'notToday.inboundAddress: must not be one of the ownerAddresses'],
    ['a misspelt setting', { sendhour: 9 }, 'notToday: Unrecognized key: "sendhour"'],
    ['a signing key id with a space', { signingKeyId: 'k 2' }, 'notToday.signingKeyId:'],
  ])('rejects %s, naming the setting', (_case, change, expected) => {
    // Prepare
    const settings = { ...TEST_SETTINGS, ...change };

    // Act
    const problems = problemsOf(() => parseDeployConfig(settings));

    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('reports every bad setting at once', () => {
    // Prepare
    const settings = { ...TEST_SETTINGS, sendHour: -1, timeZone: 'Nowhere', fromAddress: 'not an address' };

    // Act
    const problems = problemsOf(() => parseDeployConfig(settings));

    // Assess
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['notToday.fromAddress', 'notToday.sendHour', 'notToday.timeZone'],
    );
  });
});

describe('cdk.json', () => {
  it('runs the app with tsx and carries a complete example that validates', () => {
    // Prepare
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { app: string; context: Record<string, unknown> };

    // Act
    const config = loadDeployConfig(contextOf(cdkJson.context));

    // Assess
    expect(cdkJson.app).toBe('npx tsx infra/app.ts');
    expect(config.inboundDomain).toBe('in.example.com');
  });
});

describe('loadDeployConfig', () => {
  it('reads the notToday context object', () => {
    // Act
    const config = loadDeployConfig(contextOf({ [CONFIG_CONTEXT_KEY]: TEST_SETTINGS }));

    // Assess
    expect(config.inboundAddress).toBe('jobs@mail.example.org');
  });

  it('prefers a settings file named by notTodayConfigFile, relative to the working directory', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'not-today-config-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...TEST_SETTINGS, sendHour: 7 }));

    // Act
    const config = loadDeployConfig(
      contextOf({ [CONFIG_FILE_CONTEXT_KEY]: 'mine.json', [CONFIG_CONTEXT_KEY]: TEST_SETTINGS }),
      dir,
    );

    // Assess
    expect(config.sendHour).toBe(7);
  });

  it.each([
    ['no settings at all', {}, 'notToday: missing'],
    ['a settings file that does not exist', { [CONFIG_FILE_CONTEXT_KEY]: 'no-such-file.json' }, 'notTodayConfigFile: cannot read no-such-file.json'],
  ])('explains %s', (_case, context, expected) => {
    // Act
    const problems = problemsOf(() => loadDeployConfig(contextOf(context), tmpdir()));

    // Assess
    expect(problems[0]).toContain(expected);
  });
});

describe('cdk synth with a bad setting', () => {
  it('fails with exit code 1 and a message naming the setting, before any bundling', () => {
    // Prepare: the context exactly as the cdk CLI hands it to the app.
    const context = { [CONFIG_CONTEXT_KEY]: { ...TEST_SETTINGS, sendHour: 25 } };
    const outdir = mkdtempSync(join(tmpdir(), 'not-today-cdk-'));

    // Act
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'infra', 'app.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: outdir },
      encoding: 'utf8',
    });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('notToday.sendHour: Too big');
    expect(run.stderr).not.toContain('Bundling asset');
  });
});
