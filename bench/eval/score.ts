/**
 * Scoring rules of the rejection corpus README: a company or role is right when it equals the
 * expected value or one of its aliases, compared case-insensitively with whitespace collapsed;
 * null expected means null is right.
 */

/** Collapses whitespace and lower-cases, for comparison. */
export function normaliseForScore(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const normalised = value.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalised || null;
}

/** True when `got` equals `expected` or an alias (normalised), or both are null. */
export function matchesExpected(got: string | null | undefined, expected: string | null, aliases: readonly string[] = []): boolean {
  const normalisedGot = normaliseForScore(got);
  if (expected === null) return normalisedGot === null;
  return [expected, ...aliases].some((candidate) => normaliseForScore(candidate) === normalisedGot);
}

/** A tally of right answers per key. */
export class Tally {
  private readonly right = new Map<string, number>();
  private readonly total = new Map<string, number>();

  /** Counts one answer for the key. */
  count(key: string, isRight: boolean): void {
    this.total.set(key, (this.total.get(key) ?? 0) + 1);
    if (isRight) this.right.set(key, (this.right.get(key) ?? 0) + 1);
  }

  /** Accuracy in [0, 1] for the key, or null when nothing was counted. */
  accuracy(key: string): number | null {
    const total = this.total.get(key) ?? 0;
    return total === 0 ? null : (this.right.get(key) ?? 0) / total;
  }

  /** Right and total counts for the key. */
  counts(key: string): { right: number; total: number } {
    return { right: this.right.get(key) ?? 0, total: this.total.get(key) ?? 0 };
  }
}

/** Formats an accuracy as a percentage with one decimal, or "-" for none. */
export function formatPercent(accuracy: number | null): string {
  return accuracy === null ? '-' : `${(accuracy * 100).toFixed(1)}%`;
}
