/**
 * AWS list prices and free tiers used by the cost model: US East (N. Virginia), on-demand, in
 * US dollars, as this project knows them (AWS pricing pages as of 2025, DynamoDB after its
 * November 2024 on-demand price cut). They were NOT checked live (the benchmark has no
 * network): check https://aws.amazon.com/pricing/ and https://aws.amazon.com/free/ before
 * relying on them.
 */

/** How long a free-tier allowance lasts: for good, or for an account's first 12 months. */
export type FreeTierTerm = 'always' | 'first 12 months';

/** One free-tier allowance per month, for one meter of the cost model. */
export interface FreeTier {
  allowance: number;
  unit: string;
  term: FreeTierTerm;
  /** Where it comes from, in words (name and date as known to the project). */
  source: string;
}

export const PRICE_LIST = {
  source: 'AWS public price pages, us-east-1, on-demand, as known to the project (2025); not checked live',
  asOf: '2025',
  lambda: {
    perMillionRequests: 0.2,
    /** Arm (Graviton) duration price. */
    perGbSecondArm: 0.0000133334,
  },
  dynamodb: {
    perMillionWriteRequestUnits: 0.625,
    perMillionReadRequestUnits: 0.125,
    perGbMonthStorage: 0.25,
    perGbMonthPointInTimeRecovery: 0.2,
  },
  ses: {
    perThousandOutbound: 0.1,
    perThousandInbound: 0.1,
    /** Inbound mail is also charged per 256 KB chunk. */
    perThousandInboundChunks: 0.09,
  },
  s3: {
    perGbMonthStandard: 0.023,
    perThousandPuts: 0.005,
    perThousandGets: 0.0004,
  },
  /** Scheduled rules on the default event bus are not charged (custom events are $1.00/million). */
  eventBridgeScheduledRule: 0,
  /**
   * Parameter Store: standard-tier parameters are stored at no charge (advanced: $0.05 each a
   * month), and API calls at standard throughput are free (higher throughput: $0.05 per 10,000).
   */
  ssm: { perStandardParameterMonth: 0, perTenThousandStandardThroughputCalls: 0 },
  /**
   * KMS: a customer-managed key is $1.00 a month; an AWS-managed key (aws/ssm) has no monthly
   * fee. Requests are $0.03 per 10,000; requests to AWS-managed keys are assumed charged too
   * (the conservative reading).
   */
  kms: { perCustomerKeyMonth: 1.0, perAwsManagedKeyMonth: 0, perTenThousandRequests: 0.03 },
  cloudWatch: { perStandardAlarmMonth: 0.1, perGbLogsIngested: 0.5, perGbMonthLogsStored: 0.03 },
  xray: { perMillionTracesRecorded: 5.0 },
} as const;

/**
 * Free tiers per account and month, as known to the project (2025). "always" offers last;
 * the 12-month offers apply to an account's first 12 months. Accounts opened from 15 July
 * 2025 get the new free plan (credits) instead of the 12-month offers; the always-free ones
 * stay. A deployment is one owner's, so its account's free tier is that person's.
 */
export const FREE_TIERS = {
  'lambda requests': { allowance: 1_000_000, unit: 'requests', term: 'always', source: 'Lambda: 1M requests a month, always free' },
  'lambda GB-seconds': { allowance: 400_000, unit: 'GB-s', term: 'always', source: 'Lambda: 400,000 GB-s a month, always free' },
  'cloudwatch alarms': { allowance: 10, unit: 'alarms', term: 'always', source: 'CloudWatch: 10 standard alarms, always free' },
  'cloudwatch logs': { allowance: 5, unit: 'GB', term: 'always', source: 'CloudWatch Logs: 5 GB a month (ingestion, storage, scans), always free' },
  'x-ray traces': { allowance: 100_000, unit: 'traces', term: 'always', source: 'X-Ray: 100,000 traces recorded a month, always free' },
  'kms requests': { allowance: 20_000, unit: 'requests', term: 'always', source: 'KMS: 20,000 requests a month, always free' },
  'dynamodb storage': { allowance: 25, unit: 'GB', term: 'always', source: 'DynamoDB: 25 GB storage, always free (its free capacity is provisioned only: on-demand requests and PITR are charged)' },
  'ses messages': { allowance: 3_000, unit: 'message charges', term: 'first 12 months', source: 'SES: 3,000 message charges a month for the first 12 months of SES use (offer since 1 Aug 2023); inbound 256 KB chunks assumed not covered' },
  's3 storage': { allowance: 5, unit: 'GB', term: 'first 12 months', source: 'S3: 5 GB Standard for 12 months' },
  's3 puts': { allowance: 2_000, unit: 'requests', term: 'first 12 months', source: 'S3: 2,000 PUT requests a month for 12 months' },
  's3 gets': { allowance: 20_000, unit: 'requests', term: 'first 12 months', source: 'S3: 20,000 GET requests a month for 12 months' },
} as const satisfies Record<string, FreeTier>;

export const FREE_TIERS_AS_OF = '2025, as known to the project; not checked live';
