/**
 * Memory and timeout per function, as plain data: the CDK stack deploys them and the
 * benchmark's cost model bills them. No aws-cdk-lib import here.
 *
 * Lambda gives CPU in proportion to memory, one full vCPU at 1,769 MB. The functions a person
 * waits on get that: `actions` serves the one-click links, which come hours apart, so nearly
 * every click is a cold start, and `inbound` turns a forward into the thank-you email, nearly
 * always from a cold start too. `npm run bench` times a cold start's own work (import + first
 * invocation, on one core of its machine: see bench/RESULTS.md) at about a tenth of a second
 * for `actions` and under half a second for `inbound`; 512 MB would stretch that about 3.5
 * times. Their work is CPU-bound, so more memory shortens it about as much as it raises the
 * price per second. `dispatch` runs in the background every few minutes and mostly waits on
 * DynamoDB: it keeps 512 MB.
 */
/** The memory at which Lambda gives one full vCPU. */
const ONE_VCPU_MB = 1769;

export const FUNCTION_SIZES = {
  inbound: { memorySizeMb: ONE_VCPU_MB, timeoutSeconds: 60 },
  dispatch: { memorySizeMb: 512, timeoutSeconds: 120 },
  actions: { memorySizeMb: ONE_VCPU_MB, timeoutSeconds: 15 },
} as const;
