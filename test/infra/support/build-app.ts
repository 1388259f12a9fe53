/**
 * Builds the real CDK app (infra/not-today-app.ts) for the infra tests: a fixed account and
 * region, a throwaway cloud-assembly directory, and settings that can be varied per test.
 * Synthesizes once per call; each test file calls it once (bundling three functions is the
 * slow part) and asserts on the templates it returns.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { parseDeployConfig, type DeployConfig } from '../../../infra/config/deploy-config.js';
import {
  createNotTodayApp,
  FEATURE_FLAGS,
  type NotTodayApp,
  STATEFUL_STACK_NAME,
} from '../../../infra/not-today-app.js';
import { StatefulStack } from '../../../infra/stacks/stateful-stack.js';

export const TEST_ACCOUNT = '111111111111';
export const TEST_REGION = 'eu-west-1';

/** Settings of a typical owner, written for these tests. */
export const TEST_SETTINGS = {
  ownerId: 'owner',
  ownerName: 'Sam Tester',
  ownerAddresses: ['sam@example.org', 'sam.work@example.net'],
  inboundAddress: 'jobs@mail.example.org',
  inboundDomain: 'mail.example.org',
  fromAddress: 'not-today@mail.example.org',
  timeZone: 'America/Chicago',
  sendHour: 8,
  cadence: 'feedback=2w;checkins=1mo,3mo,6mo,12mo;then=6mo;quietAfter=2',
  rawMailRetentionDays: 180,
  dispatchRateMinutes: 15,
} as const;

export interface BuiltApp extends NotTodayApp {
  readonly config: DeployConfig;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

export interface BuildOptions {
  /** Settings that replace TEST_SETTINGS' values. */
  readonly overrides?: Record<string, unknown>;
  /**
   * Bundle the functions with esbuild (seconds) or skip bundling (the template is the same
   * apart from the asset hash). Only the full-synth test needs the bundles.
   */
  readonly bundle: boolean;
}

/** Builds and synthesizes the whole app with TEST_SETTINGS plus `overrides`. */
export function buildTestApp({ overrides = {}, bundle }: BuildOptions): BuiltApp {
  const config = parseDeployConfig({ ...TEST_SETTINGS, ...overrides });
  const outdir = mkdtempSync(join(tmpdir(), 'not-today-cdk-'));
  const built = createNotTodayApp({
    config,
    env: { account: TEST_ACCOUNT, region: TEST_REGION },
    outdir,
    // An empty list of stacks to bundle is how `cdk deploy --exclusively` skips bundling.
    ...(bundle ? {} : { context: { [BUNDLING_STACKS]: [] } }),
  });
  return {
    ...built,
    config,
    statefulTemplate: Template.fromStack(built.stateful),
    statelessTemplate: Template.fromStack(built.stateless),
  };
}

/** Builds only the stateful stack (no functions, so nothing to bundle), e.g. to vary its settings. */
export function buildStatefulStack(overrides: Record<string, unknown> = {}): Template {
  const config = parseDeployConfig({ ...TEST_SETTINGS, ...overrides });
  const app = new App({ context: FEATURE_FLAGS, outdir: mkdtempSync(join(tmpdir(), 'not-today-cdk-')) });
  const stack = new StatefulStack(app, STATEFUL_STACK_NAME, { config, env: { account: TEST_ACCOUNT, region: TEST_REGION } });
  return Template.fromStack(stack);
}

/** The one resource of a type whose properties match, failing loudly if not exactly one. */
export function onlyResource(template: Template, type: string, properties: Record<string, unknown> = {}): {
  logicalId: string;
  properties: Record<string, unknown>;
} {
  const found = Object.entries(template.findResources(type, properties ? { Properties: properties } : {}));
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  const [logicalId, resource] = found[0]!;
  return { logicalId, properties: (resource as { Properties: Record<string, unknown> }).Properties };
}
