/**
 * The CDK app `cdk` runs (cdk.json: "npx tsx infra/app.ts"). Reads and validates the
 * settings from the context, builds both stacks with cdk-nag checks, and synthesizes.
 * A bad setting stops here with a message naming it, before anything reaches AWS.
 */
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../functions/core/errors.js';
import { loadDeployConfig } from './config/deploy-config.js';
import { createNotTodayApp, FEATURE_FLAGS } from './not-today-app.js';

const app = new App({ context: FEATURE_FLAGS });
try {
  const config = loadDeployConfig(app.node);
  const region = process.env.CDK_DEPLOY_REGION ?? process.env.CDK_DEFAULT_REGION;
  const account = process.env.CDK_DEPLOY_ACCOUNT ?? process.env.CDK_DEFAULT_ACCOUNT;
  createNotTodayApp({ app, config, env: account || region ? { account, region } : undefined });
  app.synth();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
