/** The cost model's arithmetic (prices x counts), with round numbers that can be checked by hand. */
import { describe, expect, it } from 'vitest';
import { computeCost, steadyPromptsPerMonth, sweepsPerMonth, type DeploymentShape, type Measured, type Usage } from '../../../bench/cost/cost-model.js';
import { PRICE_LIST } from '../../../bench/cost/prices.js';

const SHAPE: DeploymentShape = {
  memoryMb: { inbound: 1024, dispatch: 512, actions: 512 },
  dispatchEveryMinutes: 15,
  alarms: 7,
  secrets: 1,
  customerKmsKeys: 1,
  dueIndexShards: 4,
  rawMailRetentionMonths: 12,
};
const MEASURED: Measured = {
  inboundMs: 1000,
  dispatchMsPerPrompt: 20,
  emptySweepMs: 500,
  actionsMs: 10,
  writeUnitsPerPrompt: 2,
  readUnitsPerPrompt: 1,
  gsiWritesPerPrompt: 2,
  writeUnitsPerIngest: 4,
  readUnitsPerEmptyQuery: 0.5,
};
const NOBODY: Usage = { rejectionsPerMonth: 0, promptsPerMonth: 0, actionClicksPerMonth: 0, rawMailKb: 60, contactKb: 3, logKbPerInvocation: 1 };

const item = (items: { service: string; what: string; dollars: number }[], service: string, fragment: string) =>
  items.find((entry) => entry.service === service && entry.what.includes(fragment))!;

describe('cost model', () => {
  it('counts 2,880 sweeps a month at one per 15 minutes, and steady owner emails from the cadence', () => {
    // Prepare
    const everyMinutes = 15;

    // Act
    const sweeps = sweepsPerMonth(everyMinutes);
    const prompts = steadyPromptsPerMonth(20, 4, 0.5);

    // Assess
    expect(sweeps).toBe(2880);
    expect(prompts).toBe(110);
  });

  it('prices the fixed part of a deployment whatever its use: secret, key, alarms, sweeps', () => {
    // Prepare
    const usage = NOBODY;

    // Act
    const cost = computeCost(SHAPE, usage, MEASURED);

    // Assess
    expect(item(cost.fixedPerDeployment, 'Secrets Manager', 'secret').dollars).toBeCloseTo(0.4, 10);
    expect(item(cost.fixedPerDeployment, 'KMS', 'key').dollars).toBeCloseTo(1.0, 10);
    expect(item(cost.fixedPerDeployment, 'CloudWatch', 'alarms').dollars).toBeCloseTo(0.7, 10);
    // 2,880 requests + 2,880 x 0.5 s x 0.5 GB at the Arm price.
    expect(item(cost.fixedPerDeployment, 'Lambda', 'sweeps').dollars).toBeCloseTo(2880 * 0.2e-6 + 2880 * 0.25 * PRICE_LIST.lambda.perGbSecondArm, 10);
    // 4 queries x 0.5 read unit per sweep.
    expect(item(cost.fixedPerDeployment, 'DynamoDB', 'queries').dollars).toBeCloseTo(2880 * 2 * 0.125e-6, 12);
    expect(cost.perPersonTotal).toBe(0);
  });

  it('prices one person\'s use: mail in and out, function time, table units including due-index writes', () => {
    // Prepare
    const usage: Usage = { ...NOBODY, rejectionsPerMonth: 20, promptsPerMonth: 110, actionClicksPerMonth: 0 };

    // Act
    const cost = computeCost(SHAPE, usage, MEASURED);

    // Assess
    expect(item(cost.perPerson, 'SES', 'owner emails').dollars).toBeCloseTo(0.011, 10);
    // 20 mails + 20 chunks of 256 KB.
    expect(item(cost.perPerson, 'SES', 'inbound').dollars).toBeCloseTo(20 * 0.0001 + 20 * 0.00009, 10);
    // 20 x 1 s x 1 GB + 20 requests.
    expect(item(cost.perPerson, 'Lambda', 'inbound').dollars).toBeCloseTo(20 * 0.2e-6 + 20 * PRICE_LIST.lambda.perGbSecondArm, 10);
    // Writes: 20 x 4 + 110 x (2 + 2) = 520; reads: 110.
    const dynamo = item(cost.perPerson, 'DynamoDB', 'write');
    expect(dynamo.what).toContain('520 write + 110 read');
    expect(dynamo.dollars).toBeCloseTo(520 * 0.625e-6 + 110 * 0.125e-6, 12);
    expect(cost.perPersonTotal).toBeCloseTo(cost.perPerson.reduce((total, entry) => total + entry.dollars, 0), 12);
  });
});
