/**
 * Monthly cost of Not Today from the benchmark's counts and measured times (pure arithmetic,
 * unit-tested). The line items are list prices (no free tier subtracted); costBeyondFreeTier
 * then subtracts the free tiers (prices.ts) per billing meter, for an account's first 12
 * months and for later.
 *
 * One deployment serves one owner, so what a deployment pays whatever its use (the alarms,
 * any customer-managed KMS key, the dispatch sweeps every 15 minutes; the signing-key
 * parameter is free) is listed apart from what one person's use adds (mail in and out,
 * function time, table units, key reads).
 */
import { FREE_TIERS, PRICE_LIST, type FreeTier } from './prices.js';

type Prices = typeof PRICE_LIST;

const MILLISECONDS_PER_SECOND = 1000;
const MB_PER_GB = 1024;
const KB_PER_GB = 1024 * 1024;
const THOUSAND = 1_000;
const MILLION = 1_000_000;
const TEN_THOUSAND = 10_000;
const INBOUND_CHUNK_KB = 256;
const MINUTES_PER_MONTH = 30 * 24 * 60;

/** What the deployment is, from infra/ (memory sizes, schedule, alarms). */
export interface DeploymentShape {
  memoryMb: { inbound: number; dispatch: number; actions: number };
  dispatchEveryMinutes: number;
  alarms: number;
  /** SSM standard SecureString parameters (the signing keys). */
  signingKeyParameters: number;
  customerKmsKeys: number;
  dueIndexShards: number;
  rawMailRetentionMonths: number;
}

/** One person's use in a month. */
export interface Usage {
  rejectionsPerMonth: number;
  /** Owner emails per month: thank-yous plus follow-ups and check-ins of the past year. */
  promptsPerMonth: number;
  /** Clicks on action links per month (each one actions invocation). */
  actionClicksPerMonth: number;
  rawMailKb: number;
  /** Table storage per contact (profile + plan). */
  contactKb: number;
  logKbPerInvocation: number;
}

/** Measured figures (benchmark parts 2 and 3). */
export interface Measured {
  /** Billed time of an inbound invocation (cold: import + first call). */
  inboundMs: number;
  /** Dispatch time per prompt sent. */
  dispatchMsPerPrompt: number;
  /** Billed time of a sweep with nothing due, as a cold start (import + first call; worst case). */
  emptySweepMs: number;
  actionsMs: number;
  writeUnitsPerPrompt: number;
  readUnitsPerPrompt: number;
  /** Due-index (GSI) writes per prompt that dynalite does not report (see gsiWritesPerPrompt). */
  gsiWritesPerPrompt: number;
  /** Writes to create a contact (profile + plan + their index entry). */
  writeUnitsPerIngest: number;
  /** Read units of one empty sweep query (DynamoDB's minimum per query). */
  readUnitsPerEmptyQuery: number;
}

/** What a line item uses of one billing meter: a quantity and what it costs at list price. */
export interface MeteredUse {
  /** A key of FREE_TIERS when the meter has a free tier; any other name has none. */
  meter: string;
  quantity: number;
  dollars: number;
}

export interface LineItem {
  service: string;
  what: string;
  /** List price, no free tier subtracted (the sum of `uses`). */
  dollars: number;
  uses: MeteredUse[];
}

export interface CostBreakdown {
  fixedPerDeployment: LineItem[];
  perPerson: LineItem[];
  fixedTotal: number;
  perPersonTotal: number;
}

/** Which free tiers apply: an account's first 12 months (all of them) or later (always-free only). */
export type FreeTierPeriod = 'first 12 months' | 'after 12 months';

/** One meter's month: everything the deployment uses of it, its allowance and what is left to pay. */
export interface MeterCost {
  meter: string;
  quantity: number;
  /** Allowance applied in this period (0 when the meter has none or its offer has ended). */
  allowance: number;
  listDollars: number;
  beyondFreeTierDollars: number;
}

export interface FreeTierCost {
  period: FreeTierPeriod;
  meters: MeterCost[];
  /** A deployment's whole month (fixed + one person's use) beyond the free tier. */
  total: number;
}

/**
 * Due-index writes DynamoDB charges per prompt with a KEYS_ONLY index: the claim sets only
 * `lease` (not projected: no index write); the advance moves the sort key (delete + put = 2)
 * or removes the plan from the index (1). Upper bound: 2.
 */
export const GSI_WRITES_PER_PROMPT_KEYS_ONLY = 2;

const gbSeconds = (milliseconds: number, memoryMb: number): number =>
  (milliseconds / MILLISECONDS_PER_SECOND) * (memoryMb / MB_PER_GB);

/** Sweeps per month at one per `everyMinutes`. */
export function sweepsPerMonth(everyMinutes: number): number {
  return MINUTES_PER_MONTH / everyMinutes;
}

/** Owner emails per month once a year of check-ins has built up (thank-you, feedback follow-up share, check-ins). */
export function steadyPromptsPerMonth(rejectionsPerMonth: number, checkInsInFirstYear: number, feedbackFollowUpShare: number): number {
  return rejectionsPerMonth * (1 + feedbackFollowUpShare + checkInsInFirstYear);
}

/** A line item from its metered uses (dollars = their sum). */
function lineItem(service: string, what: string, ...uses: MeteredUse[]): LineItem {
  return { service, what, dollars: uses.reduce((sum, use) => sum + use.dollars, 0), uses };
}

/** `quantity` of `meter` at `unitPrice` dollars each. */
function metered(meter: string, quantity: number, unitPrice: number): MeteredUse {
  return { meter, quantity, dollars: quantity * unitPrice };
}

export function computeCost(shape: DeploymentShape, usage: Usage, measured: Measured, prices: Prices = PRICE_LIST): CostBreakdown {
  const lambdaUses = (invocations: number, milliseconds: number, memoryMb: number): MeteredUse[] => [
    metered('lambda requests', invocations, prices.lambda.perMillionRequests / MILLION),
    metered('lambda GB-seconds', invocations * gbSeconds(milliseconds, memoryMb), prices.lambda.perGbSecondArm),
  ];
  const logUses = (invocations: number): MeteredUse =>
    metered('cloudwatch logs', (invocations * usage.logKbPerInvocation) / KB_PER_GB, prices.cloudWatch.perGbLogsIngested);
  const kmsRequest = prices.kms.perTenThousandRequests / TEN_THOUSAND;
  const sweeps = sweepsPerMonth(shape.dispatchEveryMinutes);
  const fixedPerDeployment: LineItem[] = [
    lineItem('SSM Parameter Store', `${shape.signingKeyParameters} standard SecureString (signing keys)`,
      metered('ssm parameters', shape.signingKeyParameters, prices.ssm.perStandardParameterMonth)),
    lineItem('KMS', `${shape.customerKmsKeys} customer-managed keys (the signing keys use the AWS-managed aws/ssm key, no monthly fee; the alarm topic needs none)`,
      metered('kms keys', shape.customerKmsKeys, prices.kms.perCustomerKeyMonth)),
    lineItem('CloudWatch', `${shape.alarms} alarms`, metered('cloudwatch alarms', shape.alarms, prices.cloudWatch.perStandardAlarmMonth)),
    // An empty sweep builds no delivery ports, so it reads no signing key (per-person part below).
    lineItem('SSM + KMS', 'key reads on empty sweeps: none'),
    lineItem('EventBridge', 'scheduled rule', metered('eventbridge', 1, prices.eventBridgeScheduledRule)),
    lineItem('Lambda', `${sweeps.toFixed(0)} dispatch sweeps, each a cold start (init is billed)`, ...lambdaUses(sweeps, measured.emptySweepMs, shape.memoryMb.dispatch)),
    lineItem('DynamoDB', `${shape.dueIndexShards} queries per sweep`,
      metered('dynamodb requests', sweeps * shape.dueIndexShards * measured.readUnitsPerEmptyQuery, prices.dynamodb.perMillionReadRequestUnits / MILLION)),
    lineItem('X-Ray', 'one trace per sweep', metered('x-ray traces', sweeps, prices.xray.perMillionTracesRecorded / MILLION)),
    lineItem('CloudWatch', 'sweep logs', logUses(sweeps)),
  ];
  const invocations = usage.rejectionsPerMonth + usage.actionClicksPerMonth;
  const writes = usage.rejectionsPerMonth * measured.writeUnitsPerIngest + usage.promptsPerMonth * (measured.writeUnitsPerPrompt + measured.gsiWritesPerPrompt);
  const reads = usage.promptsPerMonth * measured.readUnitsPerPrompt;
  // Worst case: every owner email (inbound's thank-you or a sweep's prompt) and click is a cold start.
  const keyReads = usage.promptsPerMonth + usage.actionClicksPerMonth;
  const storedContacts = usage.rejectionsPerMonth * 12;
  const storedRawMailGb = (usage.rejectionsPerMonth * shape.rawMailRetentionMonths * usage.rawMailKb) / KB_PER_GB;
  const tableGb = (storedContacts * usage.contactKb) / KB_PER_GB;
  const perPerson: LineItem[] = [
    lineItem('SES', `${usage.rejectionsPerMonth} inbound mails (+ chunks)`,
      metered('ses messages', usage.rejectionsPerMonth, prices.ses.perThousandInbound / THOUSAND),
      metered('ses inbound chunks', usage.rejectionsPerMonth * Math.ceil(usage.rawMailKb / INBOUND_CHUNK_KB), prices.ses.perThousandInboundChunks / THOUSAND)),
    lineItem('SES', `${usage.promptsPerMonth} owner emails`, metered('ses messages', usage.promptsPerMonth, prices.ses.perThousandOutbound / THOUSAND)),
    lineItem('Lambda', `${usage.rejectionsPerMonth} inbound (cold) invocations`, ...lambdaUses(usage.rejectionsPerMonth, measured.inboundMs, shape.memoryMb.inbound)),
    lineItem('Lambda', `dispatch time for ${usage.promptsPerMonth - usage.rejectionsPerMonth} prompts`,
      metered('lambda GB-seconds', (usage.promptsPerMonth - usage.rejectionsPerMonth) * gbSeconds(measured.dispatchMsPerPrompt, shape.memoryMb.dispatch), prices.lambda.perGbSecondArm)),
    lineItem('Lambda', `${usage.actionClicksPerMonth} action clicks`, ...lambdaUses(usage.actionClicksPerMonth, measured.actionsMs, shape.memoryMb.actions)),
    lineItem('SSM + KMS', `${keyReads} key reads (one per cold start that sends or serves a link, worst case): GetParameter free at standard throughput, one aws/ssm Decrypt each`,
      metered('ssm api calls', keyReads, prices.ssm.perTenThousandStandardThroughputCalls / TEN_THOUSAND),
      metered('kms requests', keyReads, kmsRequest)),
    lineItem('DynamoDB', `${writes.toFixed(0)} write + ${reads.toFixed(0)} read units (incl. due-index writes)`,
      metered('dynamodb requests', writes, prices.dynamodb.perMillionWriteRequestUnits / MILLION),
      metered('dynamodb requests', reads, prices.dynamodb.perMillionReadRequestUnits / MILLION)),
    lineItem('DynamoDB', `storage + PITR, ${storedContacts} contacts`,
      metered('dynamodb storage', tableGb, prices.dynamodb.perGbMonthStorage),
      metered('dynamodb pitr', tableGb, prices.dynamodb.perGbMonthPointInTimeRecovery)),
    lineItem('S3', `${usage.rejectionsPerMonth} PUTs + GETs, ${shape.rawMailRetentionMonths} months of raw mail`,
      metered('s3 puts', usage.rejectionsPerMonth, prices.s3.perThousandPuts / THOUSAND),
      metered('s3 gets', usage.rejectionsPerMonth, prices.s3.perThousandGets / THOUSAND),
      metered('s3 storage', storedRawMailGb, prices.s3.perGbMonthStandard)),
    lineItem('X-Ray + logs', `${invocations} traced invocations`,
      metered('x-ray traces', invocations, prices.xray.perMillionTracesRecorded / MILLION), logUses(invocations)),
  ];
  const total = (items: LineItem[]) => items.reduce((sum, item) => sum + item.dollars, 0);
  return { fixedPerDeployment, perPerson, fixedTotal: total(fixedPerDeployment), perPersonTotal: total(perPerson) };
}

/**
 * A deployment's month (its fixed part and its one person's use) beyond the free tier: per
 * meter, the quantity above the allowance, priced at the meter's average list price. Free
 * tiers are per account, and one deployment (one account and region) serves one person, so
 * the whole allowance is that person's. `after 12 months` keeps only the always-free offers.
 */
export function costBeyondFreeTier(
  breakdown: CostBreakdown,
  period: FreeTierPeriod,
  freeTiers: Readonly<Record<string, FreeTier>> = FREE_TIERS,
): FreeTierCost {
  const totals = new Map<string, { quantity: number; dollars: number }>();
  for (const use of [...breakdown.fixedPerDeployment, ...breakdown.perPerson].flatMap((item) => item.uses)) {
    const sum = totals.get(use.meter) ?? { quantity: 0, dollars: 0 };
    totals.set(use.meter, { quantity: sum.quantity + use.quantity, dollars: sum.dollars + use.dollars });
  }
  const meters = [...totals].map(([meter, { quantity, dollars }]): MeterCost => {
    const tier = Object.hasOwn(freeTiers, meter) ? freeTiers[meter] : undefined;
    const applies = tier !== undefined && (tier.term === 'always' || period === 'first 12 months');
    const allowance = applies ? tier.allowance : 0;
    const beyondFreeTierDollars = quantity > 0 ? (Math.max(0, quantity - allowance) / quantity) * dollars : 0;
    return { meter, quantity, allowance, listDollars: dollars, beyondFreeTierDollars };
  });
  return { period, meters, total: meters.reduce((sum, meter) => sum + meter.beyondFreeTierDollars, 0) };
}
