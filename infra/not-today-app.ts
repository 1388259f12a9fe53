/**
 * Builds the whole CDK app from validated settings: the stateful stack, the stateless stack
 * and the cdk-nag AwsSolutions checks. infra/app.ts (what `cdk` runs) and the infra tests
 * both call it, so what is tested is what deploys.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type DeployConfig } from './config/deploy-config.js';
import { PublicEndpointChecks } from './nag/public-endpoint-checks.js';
import { StatefulStack } from './stacks/stateful-stack.js';
import { StatelessStack } from './stacks/stateless-stack.js';

/** The repository root (infra/ lives directly under it). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const STATEFUL_STACK_NAME = 'NotTodayStateful';
export const STATELESS_STACK_NAME = 'NotTodayStateless';

/**
 * Feature flags this app relies on (set in code so tests and `cdk synth` agree):
 * bucket policies instead of ACLs for access logs, merged IAM statements, and no unused
 * CDK-managed log groups.
 */
export const FEATURE_FLAGS: Record<string, unknown> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/aws-lambda:recognizeLayerVersion': true,
  '@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName': true,
  '@aws-cdk/customresources:installLatestAwsSdkDefault': false,
  '@aws-cdk/custom-resources:logApiResponseDataPropertyTrueDefault': false,
  '@aws-cdk/aws-s3:publicAccessBlockedByDefault': true,
  '@aws-cdk/aws-lambda:useCdkManagedLogGroup': true,
  // Cross-stack values are read with Fn::GetStackOutput: no exports, so no "deadly embrace".
  '@aws-cdk/core:defaultCrossStackReferences': 'weak',
};

export interface NotTodayAppOptions {
  readonly config: DeployConfig;
  /** Account and region; undefined makes environment-agnostic stacks (fine for synth). */
  readonly env?: Environment;
  /** An App to build into (app.ts passes the one the CLI configured); tests let it be created. */
  readonly app?: App;
  /** Cloud assembly directory for a test's own App. */
  readonly outdir?: string;
  /** Extra context for a test's own App (e.g. skipping bundling). */
  readonly context?: Record<string, unknown>;
}

export interface NotTodayApp {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** Creates both stacks and registers cdk-nag (AwsSolutions plus the public-endpoint rules) so every synth is checked. */
export function createNotTodayApp(options: NotTodayAppOptions): NotTodayApp {
  const app =
    options.app ??
    new App({ context: { ...FEATURE_FLAGS, ...options.context }, ...(options.outdir ? { outdir: options.outdir } : {}) });
  const { config, env } = options;
  const stateful = new StatefulStack(app, STATEFUL_STACK_NAME, {
    config,
    env,
    description: 'Not Today: data and identity (table, raw mail, SES receiving and sending; the signing-key parameter is made at run time); retained on delete',
    terminationProtection: false,
  });
  const stateless = new StatelessStack(app, STATELESS_STACK_NAME, {
    config,
    stateful,
    projectRoot: PROJECT_ROOT,
    env,
    description: 'Not Today: functions, receipt rule, schedule, action links and alarms',
  });
  Tags.of(app).add('project', 'not-today');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new PublicEndpointChecks(app));
  return { app, stateful, stateless };
}
