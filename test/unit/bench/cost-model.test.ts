/** The cost model's arithmetic (prices x counts), with round numbers that can be checked by hand. */
import { describe, expect, it } from 'vitest';
import {
  computeCost,
  costBeyondFreeTier,
  steadyPromptsPerMonth,
  sweepsPerMonth,
  type DeploymentShape,
  type LineItem,
  type Measured,
  type Usage,
} from '../../../bench/cost/cost-model.js';
import { PRICE_LIST } from '../../../bench/cost/prices.js';

const SHAPE: DeploymentShape = {
  memoryMb: { inbound: 1024, dispatch: 512, actions: 512 },
  dispatchEveryMinutes: 15,
  alarms: 7,
  signingKeyParameters: 1,
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

const item = (items: LineItem[], service: string, fragment: string) =>
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

  it('prices the fixed part of a deployment whatever its use: parameter, key, alarms, sweeps', () => {
    // Prepare
    const usage = NOBODY;

    // Act
    const cost = computeCost(SHAPE, usage, MEASURED);

    // Assess
    expect(item(cost.fixedPerDeployment, 'SSM Parameter Store', 'SecureString').dollars).toBe(0);
    expect(cost.fixedPerDeployment.map((entry) => entry.service)).not.toContain('Secrets Manager');
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

  it('prices each signing-key read as one KMS request on the AWS-managed key, the SSM call itself free', () => {
    // Prepare
    const usage: Usage = { ...NOBODY, rejectionsPerMonth: 20, promptsPerMonth: 110, actionClicksPerMonth: 110 };

    // Act
    const keys = item(computeCost(SHAPE, usage, MEASURED).perPerson, 'SSM + KMS', 'key reads');

    // Assess: 220 cold starts that send or serve a link, $0.03 per 10,000 requests.
    expect(keys.what).toContain('220 key reads');
    expect(keys.uses.find((use) => use.meter === 'ssm api calls')!.dollars).toBe(0);
    expect(keys.dollars).toBeCloseTo(220 * 0.000003, 12);
  });
});

describe('cost beyond the free tier', () => {
  const usage: Usage = { ...NOBODY, rejectionsPerMonth: 20, promptsPerMonth: 110, actionClicksPerMonth: 110 };

  it('leaves alarms, Lambda, X-Ray and KMS requests free for good, SES and S3 only in the first 12 months', () => {
    // Prepare
    const cost = computeCost({ ...SHAPE, customerKmsKeys: 0 }, usage, MEASURED);
    const meter = (period: 'first 12 months' | 'after 12 months', name: string) =>
      costBeyondFreeTier(cost, period).meters.find((entry) => entry.meter === name)!;

    // Act
    const first = costBeyondFreeTier(cost, 'first 12 months');
    const after = costBeyondFreeTier(cost, 'after 12 months');

    // Assess
    for (const always of ['cloudwatch alarms', 'lambda requests', 'lambda GB-seconds', 'x-ray traces', 'kms requests']) {
      expect(meter('after 12 months', always).beyondFreeTierDollars).toBe(0);
      expect(meter('after 12 months', always).listDollars).toBeGreaterThan(0);
    }
    // 20 inbound + 110 outbound messages at $0.10 per 1,000, free only in the first 12 months.
    expect(meter('first 12 months', 'ses messages').beyondFreeTierDollars).toBe(0);
    expect(meter('after 12 months', 'ses messages').beyondFreeTierDollars).toBeCloseTo(130 * 0.0001, 12);
    expect(meter('after 12 months', 's3 puts').beyondFreeTierDollars).toBeCloseTo(20 * 0.000005, 12);
    // On-demand requests and PITR have no free tier in either period.
    expect(meter('first 12 months', 'dynamodb requests').beyondFreeTierDollars).toBe(meter('first 12 months', 'dynamodb requests').listDollars);
    expect(meter('first 12 months', 'dynamodb requests').listDollars).toBeGreaterThan(0);
    expect(first.total).toBeLessThan(after.total);
    expect(after.total).toBeLessThan(cost.fixedTotal + cost.perPersonTotal);
  });

  it('charges only what exceeds an allowance: 12 alarms pay for 2, a customer key pays in full', () => {
    // Prepare
    const cost = computeCost({ ...SHAPE, alarms: 12, customerKmsKeys: 1 }, NOBODY, MEASURED);

    // Act
    const after = costBeyondFreeTier(cost, 'after 12 months');
    const alarms = after.meters.find((entry) => entry.meter === 'cloudwatch alarms')!;
    const keys = after.meters.find((entry) => entry.meter === 'kms keys')!;

    // Assess
    expect(alarms).toMatchObject({ quantity: 12, allowance: 10 });
    expect(alarms.beyondFreeTierDollars).toBeCloseTo(0.2, 10);
    expect(keys.beyondFreeTierDollars).toBeCloseTo(1.0, 10);
    expect(after.total).toBeCloseTo(after.meters.reduce((sum, entry) => sum + entry.beyondFreeTierDollars, 0), 12);
  });
});

describe('the cost floor row', () => {
  it('prices the same person with no check-ins: only the rejections received and their thank-yous', async () => {
    // Prepare
    const { runCost, ONE_PERSON, ONE_PERSON_WITHOUT_CHECK_INS } = await import('../../../bench/cost/cost.js');
    const inputs = { inboundColdMs: 300, dispatchColdMs: 50, actionsWarmMs: 1, dispatchMsPerPrompt: 10, writeUnitsPerPrompt: 2, readUnitsPerPrompt: 0.5 };

    // Act
    const result = runCost(inputs);
    const floor = result.rows.find((entry) => entry.measure.startsWith('floor'))!;

    // Assess: SES alone for 20 mails in and 20 out is 40 message charges + 20 chunks, after the 12-month offer
    const sesFloor = (ONE_PERSON.rejectionsPerMonth * 2 * PRICE_LIST.ses.perThousandOutbound + ONE_PERSON.rejectionsPerMonth * PRICE_LIST.ses.perThousandInboundChunks) / 1000;
    const floorDollars = Number(floor.value.replace('$', ''));
    expect(ONE_PERSON_WITHOUT_CHECK_INS.promptsPerMonth).toBe(ONE_PERSON.rejectionsPerMonth);
    expect(floorDollars).toBeGreaterThanOrEqual(Number(sesFloor.toFixed(4)));
    expect(floorDollars).toBeLessThan(result.beyondFreeTier.after12Months.total);
    expect(floor.context).toContain('the check-ins add');
  });
});
