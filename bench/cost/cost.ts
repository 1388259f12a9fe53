/**
 * Part 5: the monthly cost, from the counts and times measured in parts 2 and 3 and the price
 * list in prices.ts, for one person and for 10,000 people (one deployment each).
 */
import { formatUsd, row, type ResultRow } from '../support/table.js';
import { computeCost, GSI_WRITES_PER_PROMPT_KEYS_ONLY, steadyPromptsPerMonth, type CostBreakdown, type DeploymentShape, type Measured, type Usage } from './cost-model.js';
import { PRICE_LIST } from './prices.js';

/** The deployed shape (infra/stacks/stateless-stack.ts, stateful-stack.ts, deploy-config.ts defaults). */
export const DEPLOYMENT_SHAPE: DeploymentShape = {
  memoryMb: { inbound: 1024, dispatch: 512, actions: 512 },
  dispatchEveryMinutes: 15,
  alarms: 7,
  secrets: 1,
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

export function runCost(inputs: CostInputs): { rows: ResultRow[]; notes: string[]; breakdown: CostBreakdown } {
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
  const biggest = [...breakdown.perPerson].sort((left, right) => right.dollars - left.dollars)[0]!;
  const rows: ResultRow[] = [
    row(section, 'one person: use (marginal), per month', formatUsd(breakdown.perPersonTotal),
      `${ONE_PERSON.rejectionsPerMonth} rejections, ${ONE_PERSON.promptsPerMonth} owner emails; largest: ${biggest.service} ${biggest.what} ${formatUsd(biggest.dollars)}`,
      { text: `well under 1 cent (< ${formatUsd(PER_PERSON_TARGET_DOLLARS / 2)})`, pass: breakdown.perPersonTotal < PER_PERSON_TARGET_DOLLARS / 2 }),
    row(section, 'fixed per deployment (= per person: one owner per deployment), per month', formatUsd(breakdown.fixedTotal),
      breakdown.fixedPerDeployment.filter((item) => item.dollars >= 0.001).map((item) => `${item.service} ${formatUsd(item.dollars)}`).join(', ')),
    row(section, `${PEOPLE.toLocaleString('en-US')} people (${PEOPLE.toLocaleString('en-US')} deployments), per month`, formatUsd(PEOPLE * (breakdown.fixedTotal + breakdown.perPersonTotal)),
      `use ${formatUsd(PEOPLE * breakdown.perPersonTotal)} + fixed ${formatUsd(PEOPLE * breakdown.fixedTotal)}`),
  ];
  const notes = [
    `Prices: ${PRICE_LIST.source}. No free tier subtracted. The Lambda figures use the times measured here (this machine, emulators in process), billed as Arm at the deployed memory sizes; inbound and each sweep are taken as cold starts (AWS bills the init phase).`,
    `Assumptions: ${ONE_PERSON.rawMailKb} KB per raw mail kept ${DEPLOYMENT_SHAPE.rawMailRetentionMonths} months; ${ONE_PERSON.contactKb} KB per contact; one action-link invocation per owner email; ${WRITE_UNITS_PER_INGEST} write units to create a contact; ${GSI_WRITES_PER_PROMPT_KEYS_ONLY} due-index writes per prompt (KEYS_ONLY index: the claim writes no index entry, the advance moves one); ${READ_UNITS_PER_EMPTY_QUERY} read unit per empty query.`,
  ];
  return { rows, notes, breakdown };
}
