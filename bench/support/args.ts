/** Command-line options of `npm run bench`: --quick, and size overrides (--due N, ...). */

export interface BenchSizes {
  quick: boolean;
  forwards: number;
  importRuns: number;
  invokeRuns: number;
  due: number;
  countingMailer: number;
  notDue: number;
  seedBudgetMs: number;
  endToEnd: { inFlight: number; forwards: number }[];
}

export const FULL_SIZES: BenchSizes = {
  quick: false,
  forwards: 1_500,
  importRuns: 20,
  invokeRuns: 3,
  due: 10_000,
  countingMailer: 2_000,
  notDue: 100_000,
  seedBudgetMs: 120_000,
  endToEnd: [
    { inFlight: 1, forwards: 30 },
    { inFlight: 10, forwards: 200 },
    { inFlight: 50, forwards: 300 },
  ],
};

export const QUICK_SIZES: BenchSizes = {
  quick: true,
  forwards: 150,
  importRuns: 3,
  invokeRuns: 1,
  due: 100,
  countingMailer: 500,
  notDue: 2_000,
  seedBudgetMs: 5_000,
  endToEnd: [
    { inFlight: 1, forwards: 5 },
    { inFlight: 10, forwards: 20 },
    { inFlight: 50, forwards: 50 },
  ],
};

const NUMERIC_FLAGS: Record<string, keyof BenchSizes> = {
  '--forwards': 'forwards',
  '--import-runs': 'importRuns',
  '--invoke-runs': 'invokeRuns',
  '--due': 'due',
  '--counting': 'countingMailer',
  '--not-due': 'notDue',
  '--seed-budget-ms': 'seedBudgetMs',
};

/** Reads the flags; throws with a usage line on anything unknown. */
export function parseBenchArgs(argv: readonly string[]): BenchSizes {
  const sizes: BenchSizes = { ...(argv.includes('--quick') ? QUICK_SIZES : FULL_SIZES) };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    if (flag === '--quick') continue;
    const key = NUMERIC_FLAGS[flag];
    const value = Number(argv[index + 1]);
    if (!key || !Number.isInteger(value) || value < 0) {
      throw new Error(`usage: npm run bench -- [--quick] [${Object.keys(NUMERIC_FLAGS).map((name) => `${name} N`).join('] [')}] (bad: ${flag})`);
    }
    (sizes as unknown as Record<string, number>)[key] = value;
    index += 1;
  }
  return sizes;
}
