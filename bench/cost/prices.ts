/**
 * AWS list prices used by the cost model: US East (N. Virginia), on-demand, in US dollars, as
 * this project knows them (AWS pricing pages as of 2025, DynamoDB after its November 2024
 * on-demand price cut). They were NOT checked live (the benchmark has no network): check
 * https://aws.amazon.com/pricing/ before relying on them.
 */
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
  secretsManager: { perSecretMonth: 0.4, perTenThousandCalls: 0.05 },
  kms: { perCustomerKeyMonth: 1.0, perTenThousandRequests: 0.03 },
  cloudWatch: { perStandardAlarmMonth: 0.1, perGbLogsIngested: 0.5, perGbMonthLogsStored: 0.03 },
  xray: { perMillionTracesRecorded: 5.0 },
} as const;
