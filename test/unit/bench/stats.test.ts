/** The benchmark's statistics helpers (pure): percentiles, medians, ratios, bounded concurrency. */
import { describe, expect, it } from 'vitest';
import { mapWithConcurrency, median, percentile, ratio, sum } from '../../../bench/support/stats.js';

describe('percentile (nearest rank)', () => {
  it('gives the smallest value with at least p% of the values at or below it', () => {
    // Prepare
    const values = [15, 20, 35, 40, 50];

    // Act
    const results = [percentile(values, 5), percentile(values, 30), percentile(values, 40), percentile(values, 50), percentile(values, 100)];

    // Assess
    expect(results).toEqual([15, 20, 20, 35, 50]);
  });

  it('does not depend on input order and reaches the slowest value at p99 of a small sample', () => {
    // Prepare
    const values = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];

    // Act
    const p99 = percentile(values, 99);
    const p90 = percentile(values, 90);

    // Assess
    expect(p99).toBe(10);
    expect(p90).toBe(9);
  });

  it('refuses an empty list and a percentile outside 0-100', () => {
    // Prepare
    const values = [1, 2, 3];

    // Act
    const empty = () => percentile([], 50);
    const tooHigh = () => percentile(values, 101);

    // Assess
    expect(empty).toThrow('no values');
    expect(tooHigh).toThrow('0-100');
  });
});

describe('median, sum and ratio', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    // Prepare
    const odd = [3, 1, 2];
    const even = [4, 1, 3, 2];

    // Act
    const results = [median(odd), median(even)];

    // Assess
    expect(results).toEqual([2, 2.5]);
  });

  it('divides, and gives NaN rather than Infinity for a zero reference', () => {
    // Prepare
    const times = [1.5, 2.5, 4];

    // Act
    const total = sum(times);
    const results = [ratio(total, 4), ratio(1, 0)];

    // Assess
    expect(total).toBe(8);
    expect(results[0]).toBe(2);
    expect(results[1]).toBeNaN();
  });
});

describe('mapWithConcurrency', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    // Prepare
    let running = 0;
    let most = 0;
    const items = [30, 5, 20, 1, 10, 2];

    // Act
    const results = await mapWithConcurrency(items, 2, async (delay, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return `${index}:${delay}`;
    });

    // Assess
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(2);
  });
});
