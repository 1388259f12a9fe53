/**
 * Monthly cost of Not Today from the benchmark's counts and measured times (pure arithmetic,
 * unit-tested). No free tier is subtracted: every figure is "beyond the free tier".
 *
 * One deployment serves one owner, so what a deployment pays whatever its use (the signing-key
 * secret, the alarms, any customer-managed KMS key, the dispatch sweeps every 15 minutes) is
 * listed apart from what one person's use adds (mail in and out, function time, table units).
 */
import { PRICE_LIST } from './prices.js';

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
  secrets: number;
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

export interface LineItem {
  service: string;
  what: string;
  dollars: number;
}

export interface CostBreakdown {
  fixedPerDeployment: LineItem[];
  perPerson: LineItem[];
  fixedTotal: number;
  perPersonTotal: number;
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

export function computeCost(shape: DeploymentShape, usage: Usage, measured: Measured, prices: Prices = PRICE_LIST): CostBreakdown {
  const lambdaPrice = (invocations: number, milliseconds: number, memoryMb: number) =>
    invocations * (prices.lambda.perMillionRequests / MILLION) + invocations * gbSeconds(milliseconds, memoryMb) * prices.lambda.perGbSecondArm;
  const sweeps = sweepsPerMonth(shape.dispatchEveryMinutes);
  const fixedPerDeployment: LineItem[] = [
    { service: 'Secrets Manager', what: `${shape.secrets} secret (signing keys)`, dollars: shape.secrets * prices.secretsManager.perSecretMonth },
    { service: 'KMS', what: `${shape.customerKmsKeys} customer-managed keys (the alarm topic needs none)`, dollars: shape.customerKmsKeys * prices.kms.perCustomerKeyMonth },
    { service: 'CloudWatch', what: `${shape.alarms} alarms`, dollars: shape.alarms * prices.cloudWatch.perStandardAlarmMonth },
    // An empty sweep builds no delivery ports, so it reads no signing key (per-person part below).
    { service: 'Secrets Manager API', what: 'key reads on empty sweeps: none', dollars: 0 },
    { service: 'EventBridge', what: 'scheduled rule', dollars: prices.eventBridgeScheduledRule },
    { service: 'Lambda', what: `${sweeps.toFixed(0)} dispatch sweeps, each a cold start (init is billed)`, dollars: lambdaPrice(sweeps, measured.emptySweepMs, shape.memoryMb.dispatch) },
    { service: 'DynamoDB', what: `${shape.dueIndexShards} queries per sweep`, dollars: sweeps * shape.dueIndexShards * measured.readUnitsPerEmptyQuery * (prices.dynamodb.perMillionReadRequestUnits / MILLION) },
    { service: 'X-Ray', what: 'one trace per sweep', dollars: sweeps * (prices.xray.perMillionTracesRecorded / MILLION) },
    { service: 'CloudWatch', what: 'sweep logs', dollars: (sweeps * usage.logKbPerInvocation / KB_PER_GB) * prices.cloudWatch.perGbLogsIngested },
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
    { service: 'SES', what: `${usage.rejectionsPerMonth} inbound mails (+ chunks)`, dollars: usage.rejectionsPerMonth * (prices.ses.perThousandInbound / THOUSAND) + usage.rejectionsPerMonth * Math.ceil(usage.rawMailKb / INBOUND_CHUNK_KB) * (prices.ses.perThousandInboundChunks / THOUSAND) },
    { service: 'SES', what: `${usage.promptsPerMonth} owner emails`, dollars: usage.promptsPerMonth * (prices.ses.perThousandOutbound / THOUSAND) },
    { service: 'Lambda', what: `${usage.rejectionsPerMonth} inbound (cold) invocations`, dollars: lambdaPrice(usage.rejectionsPerMonth, measured.inboundMs, shape.memoryMb.inbound) },
    { service: 'Lambda', what: `dispatch time for ${usage.promptsPerMonth - usage.rejectionsPerMonth} prompts`, dollars: (usage.promptsPerMonth - usage.rejectionsPerMonth) * gbSeconds(measured.dispatchMsPerPrompt, shape.memoryMb.dispatch) * prices.lambda.perGbSecondArm },
    { service: 'Lambda', what: `${usage.actionClicksPerMonth} action clicks`, dollars: lambdaPrice(usage.actionClicksPerMonth, measured.actionsMs, shape.memoryMb.actions) },
    { service: 'Secrets Manager API', what: `${keyReads} key reads (one per cold start that sends or serves a link, worst case)`, dollars: keyReads * (prices.secretsManager.perTenThousandCalls / TEN_THOUSAND) },
    { service: 'DynamoDB', what: `${writes.toFixed(0)} write + ${reads.toFixed(0)} read units (incl. due-index writes)`, dollars: writes * (prices.dynamodb.perMillionWriteRequestUnits / MILLION) + reads * (prices.dynamodb.perMillionReadRequestUnits / MILLION) },
    { service: 'DynamoDB', what: `storage + PITR, ${storedContacts} contacts`, dollars: tableGb * (prices.dynamodb.perGbMonthStorage + prices.dynamodb.perGbMonthPointInTimeRecovery) },
    { service: 'S3', what: `${usage.rejectionsPerMonth} PUTs + GETs, ${shape.rawMailRetentionMonths} months of raw mail`, dollars: usage.rejectionsPerMonth * (prices.s3.perThousandPuts + prices.s3.perThousandGets) / THOUSAND + storedRawMailGb * prices.s3.perGbMonthStandard },
    { service: 'X-Ray + logs', what: `${invocations} traced invocations`, dollars: invocations * (prices.xray.perMillionTracesRecorded / MILLION) + (invocations * usage.logKbPerInvocation / KB_PER_GB) * prices.cloudWatch.perGbLogsIngested },
  ];
  const total = (items: LineItem[]) => items.reduce((sum, item) => sum + item.dollars, 0);
  return { fixedPerDeployment, perPerson, fixedTotal: total(fixedPerDeployment), perPersonTotal: total(perPerson) };
}
