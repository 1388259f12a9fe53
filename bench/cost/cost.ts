/**
 * Part 5: the monthly cost, from the counts and times measured in parts 2 and 3 and the price
 * list in prices.ts, for one person and for 10,000 people (one deployment each).
 */
import { formatUsd, row, type ResultRow } from '../support/table.js';
import {
  computeCost,
  costBeyondFreeTier,
  GSI_WRITES_PER_PROMPT_KEYS_ONLY,
  steadyPromptsPerMonth,
  type CostBreakdown,
  type DeploymentShape,
  type FreeTierCost,
  type Measured,
  type Usage,
} from './cost-model.js';
import { FREE_TIERS, FREE_TIERS_AS_OF, PRICE_LIST } from './prices.js';
import { FUNCTION_SIZES } from '../../infra/function-sizes.js';

/** The deployed shape (infra/function-sizes.ts, stateless-stack.ts, stateful-stack.ts, deploy-config.ts defaults). */
export const DEPLOYMENT_SHAPE: DeploymentShape = {
  memoryMb: {
    inbound: FUNCTION_SIZES.inbound.memorySizeMb,
    dispatch: FUNCTION_SIZES.dispatch.memorySizeMb,
    actions: FUNCTION_SIZES.actions.memorySizeMb,
  },
  dispatchEveryMinutes: 15,
  alarms: 7,
  // The signing keys: one standard SSM SecureString on the AWS-managed aws/ssm key.
  signingKeyParameters: 1,
  // The alarm topic is not KMS-encrypted (alarm names and states only; see addAlarms in stateless-stack.ts).
  customerKmsKeys: 0,
  dueIndexShards: 4,
  rawMailRetentionMonths: 12,
};

/** The person: 20 rejections a month, a year of check-ins (+1, +3, +6, +12 months), half with a feedback follow-up. */
export const ONE_PERSON: Usage = {
  rejectionsPerMonth: 20,
  promptsPerMonth: steadyPromptsPerMonth(20, 4, 0.5),
  actionClicksPerMonth: steadyPromptsPerMonth(20, 4, 0.5),
  rawMailKb: 60,
  contactKb: 3,
  logKbPerInvocation: 1,
};

/**
 * The same person's mail with no check-ins at all: the 20 rejections received and answered with
 * their thank-you. What no schedule design can go below while mail goes through SES.
 */
export const ONE_PERSON_WITHOUT_CHECK_INS: Usage = {
  ...ONE_PERSON,
  promptsPerMonth: ONE_PERSON.rejectionsPerMonth,
  actionClicksPerMonth: ONE_PERSON.rejectionsPerMonth,
};

export const PEOPLE = 10_000;
/** Target (issue 6): well under one US cent per person per month beyond the free tier. */
export const PER_PERSON_TARGET_DOLLARS = 0.01;
/** Writes to create a contact: profile (up to 2 KB: 2 units), plan (1) and its due-index entry (1). */
const WRITE_UNITS_PER_INGEST = 4;
/** DynamoDB charges at least one 4 KB unit per query; eventually consistent (index) reads cost half. */
const READ_UNITS_PER_EMPTY_QUERY = 0.5;

export interface CostInputs {
  inboundColdMs: number;
  dispatchColdMs: number;
  actionsWarmMs: number;
  dispatchMsPerPrompt: number;
  writeUnitsPerPrompt: number;
  readUnitsPerPrompt: number;
}

export interface CostResult {
  rows: ResultRow[];
  notes: string[];
  breakdown: CostBreakdown;
  beyondFreeTier: { first12Months: FreeTierCost; after12Months: FreeTierCost };
  /** The breakdown tables for RESULTS.md (line items, then free tiers per meter). */
  markdown: string;
}

/** The two breakdown tables: list-price line items, then each meter against its free tier. */
export function renderCostMarkdown(breakdown: CostBreakdown, first12Months: FreeTierCost, after12Months: FreeTierCost): string {
  const later = new Map(after12Months.meters.map((meter) => [meter.meter, meter]));
  const tierOf = (meter: string) => (Object.hasOwn(FREE_TIERS, meter) ? FREE_TIERS[meter as keyof typeof FREE_TIERS] : undefined);
  const quantity = (value: number) => (Number.isInteger(value) || value >= 100 ? value.toFixed(0) : value.toPrecision(3));
  return [
    '| Kind | Service | What | USD / month (list price) |',
    '|------|---------|------|-------------|',
    ...breakdown.fixedPerDeployment.map((item) => `| fixed per deployment | ${item.service} | ${item.what} | ${formatUsd(item.dollars)} |`),
    ...breakdown.perPerson.map((item) => `| one person's use | ${item.service} | ${item.what} | ${formatUsd(item.dollars)} |`),
    '',
    `Beyond the free tier (one deployment = one owner = one account's free tier; free tiers as of ${FREE_TIERS_AS_OF}):`,
    '',
    '| Meter | Quantity / month | Free tier | List price | Beyond free tier, first 12 months | Beyond free tier, after 12 months |',
    '|-------|------------------|-----------|------------|-----------------------------------|-----------------------------------|',
    ...first12Months.meters.map((meter) => {
      const tier = tierOf(meter.meter);
      return `| ${meter.meter} | ${quantity(meter.quantity)} | ${tier ? tier.source : 'none'} | ${formatUsd(meter.listDollars)} | ${formatUsd(meter.beyondFreeTierDollars)} | ${formatUsd(later.get(meter.meter)?.beyondFreeTierDollars ?? 0)} |`;
    }),
    `| **total** | | | ${formatUsd(breakdown.fixedTotal + breakdown.perPersonTotal)} | ${formatUsd(first12Months.total)} | ${formatUsd(after12Months.total)} |`,
  ].join('\n');
}

export function runCost(inputs: CostInputs): CostResult {
  const section = '5 cost';
  const measured: Measured = {
    inboundMs: inputs.inboundColdMs,
    dispatchMsPerPrompt: inputs.dispatchMsPerPrompt,
    emptySweepMs: inputs.dispatchColdMs,
    actionsMs: inputs.actionsWarmMs,
    writeUnitsPerPrompt: inputs.writeUnitsPerPrompt,
    readUnitsPerPrompt: inputs.readUnitsPerPrompt,
    gsiWritesPerPrompt: GSI_WRITES_PER_PROMPT_KEYS_ONLY,
    writeUnitsPerIngest: WRITE_UNITS_PER_INGEST,
    readUnitsPerEmptyQuery: READ_UNITS_PER_EMPTY_QUERY,
  };
  const breakdown = computeCost(DEPLOYMENT_SHAPE, ONE_PERSON, measured);
  const first12Months = costBeyondFreeTier(breakdown, 'first 12 months');
  const after12Months = costBeyondFreeTier(breakdown, 'after 12 months');
  const floorAfter12Months = costBeyondFreeTier(computeCost(DEPLOYMENT_SHAPE, ONE_PERSON_WITHOUT_CHECK_INS, measured), 'after 12 months');
  const biggest = [...breakdown.perPerson].sort((left, right) => right.dollars - left.dollars)[0]!;
  const largestBeyond = (cost: FreeTierCost) =>
    [...cost.meters]
      .filter((meter) => meter.beyondFreeTierDollars > 0)
      .sort((left, right) => right.beyondFreeTierDollars - left.beyondFreeTierDollars)
      .slice(0, 3)
      .map((meter) => `${meter.meter} ${formatUsd(meter.beyondFreeTierDollars)}`)
      .join(', ');
  const target = (dollars: number) => ({ text: `well under 1 cent (< ${formatUsd(PER_PERSON_TARGET_DOLLARS / 2)})`, pass: dollars < PER_PERSON_TARGET_DOLLARS / 2 });
  const rows: ResultRow[] = [
    row(section, 'one person, all in (fixed + use), beyond the free tier: account\'s first 12 months, per month', formatUsd(first12Months.total),
      `largest: ${largestBeyond(first12Months) || 'none'}; list price ${formatUsd(breakdown.fixedTotal + breakdown.perPersonTotal)}`,
      target(first12Months.total)),
    row(section, 'one person, all in (fixed + use), beyond the free tier: after 12 months (always-free tiers only), per month', formatUsd(after12Months.total),
      `largest: ${largestBeyond(after12Months) || 'none'} (the 12-month SES, S3 offers have ended; accounts opened from 15 July 2025 have no 12-month offers at all)`,
      target(after12Months.total)),
    row(section, 'floor: the same person with no check-ins at all, beyond the free tier after 12 months, per month', formatUsd(floorAfter12Months.total),
      `${ONE_PERSON.rejectionsPerMonth} mails received and ${ONE_PERSON.rejectionsPerMonth} thank-yous sent; largest: ${largestBeyond(floorAfter12Months) || 'none'}; the check-ins add ${formatUsd(after12Months.total - floorAfter12Months.total)}`),
    row(section, 'one person: use (marginal), per month, list price (no free tier)', formatUsd(breakdown.perPersonTotal),
      `${ONE_PERSON.rejectionsPerMonth} rejections, ${ONE_PERSON.promptsPerMonth} owner emails; largest: ${biggest.service} ${biggest.what} ${formatUsd(biggest.dollars)}`,
      { text: `well under 1 cent (< ${formatUsd(PER_PERSON_TARGET_DOLLARS / 2)})`, pass: breakdown.perPersonTotal < PER_PERSON_TARGET_DOLLARS / 2 }),
    row(section, 'fixed per deployment (= per person: one owner per deployment), per month, list price (no free tier)', formatUsd(breakdown.fixedTotal),
      breakdown.fixedPerDeployment.filter((item) => item.dollars >= 0.001).map((item) => `${item.service} ${formatUsd(item.dollars)}`).join(', ')),
    row(section, `${PEOPLE.toLocaleString('en-US')} people (${PEOPLE.toLocaleString('en-US')} deployments), per month`, formatUsd(PEOPLE * (breakdown.fixedTotal + breakdown.perPersonTotal)),
      `list price: use ${formatUsd(PEOPLE * breakdown.perPersonTotal)} + fixed ${formatUsd(PEOPLE * breakdown.fixedTotal)}; beyond each account's free tier: ${formatUsd(PEOPLE * first12Months.total)} (first 12 months), ${formatUsd(PEOPLE * after12Months.total)} (after)`),
  ];
  const notes = [
    `Prices: ${PRICE_LIST.source}. The list-price rows subtract no free tier; the two "beyond the free tier" rows subtract, per billing meter, the free tiers (as of ${FREE_TIERS_AS_OF}): always free: ${Object.values(FREE_TIERS).filter((tier) => tier.term === 'always').map((tier) => tier.source).join('; ')}; first 12 months only: ${Object.values(FREE_TIERS).filter((tier) => tier.term === 'first 12 months').map((tier) => tier.source).join('; ')}. Free tiers are per account; one deployment (one account and region, as SES receiving imposes) serves one person, so the allowance is that person's; other workloads in the same account would share it (7 alarms fit the 10 free ones only if the account has no more than 3 others). The Lambda figures use the times measured here (this machine, emulators in process), billed as Arm at the deployed memory sizes; inbound and each sweep are taken as cold starts (AWS bills the init phase).`,
    `Assumptions: ${ONE_PERSON.rawMailKb} KB per raw mail kept ${DEPLOYMENT_SHAPE.rawMailRetentionMonths} months; ${ONE_PERSON.contactKb} KB per contact; one action-link invocation per owner email; signing keys: one standard SSM SecureString (no charge) on the AWS-managed aws/ssm key (no monthly fee), read once per cold start that sends or serves a link (GetParameter at standard throughput: free; one KMS Decrypt each, charged as a KMS request), created once per deployment (one PutParameter, not counted); ${WRITE_UNITS_PER_INGEST} write units to create a contact; ${GSI_WRITES_PER_PROMPT_KEYS_ONLY} due-index writes per prompt (KEYS_ONLY index: the claim writes no index entry, the advance moves one); ${READ_UNITS_PER_EMPTY_QUERY} read unit per empty query.`,
  ];
  return { rows, notes, breakdown, beyondFreeTier: { first12Months, after12Months }, markdown: renderCostMarkdown(breakdown, first12Months, after12Months) };
}
