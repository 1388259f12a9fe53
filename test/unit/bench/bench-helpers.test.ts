/** Pure helpers of the benchmark parts: bundle inspection, arguments, capacity counting, tagging. */
import { describe, expect, it } from 'vitest';
import { largestPackagesOf, mimeParserInputsOf, packageOf } from '../../../bench/cold-start/bundles.js';
import { tagAddress } from '../../../bench/end-to-end/end-to-end.js';
import { CapacityMeter, callsOf } from '../../../bench/schedule/capacity-meter.js';
import { benchContactId } from '../../../bench/schedule/schedule-scale.js';
import { FULL_SIZES, parseBenchArgs, QUICK_SIZES } from '../../../bench/support/args.js';

describe('bundle inspection', () => {
  it('finds MIME-parser inputs and names the package of each input', () => {
    // Prepare
    const inputs = ['node_modules/zod/v4/core.js', 'node_modules/libmime/lib/libmime.js', 'functions/core/understanding/parse-mime.ts'];

    // Act
    const parsers = mimeParserInputsOf(inputs);
    const packages = ['node_modules/@aws-sdk/client-ses/dist/index.js', 'node_modules/a/node_modules/b/x.js', 'functions/core/plan/cadence.ts'].map(packageOf);

    // Assess
    expect(parsers).toEqual(['node_modules/libmime/']);
    expect(packages).toEqual(['@aws-sdk/client-ses', 'b', 'functions/core/plan']);
  });

  it('adds up bytes per package, largest first', () => {
    // Prepare
    const bundle = { inputBytes: { 'node_modules/zod/a.js': 300, 'node_modules/zod/b.js': 200, 'node_modules/luxon/x.js': 400, 'functions/core/model.ts': 10 } };

    // Act
    const largest = largestPackagesOf(bundle, 2);

    // Assess
    expect(largest).toEqual([
      { name: 'zod', bytes: 500 },
      { name: 'luxon', bytes: 400 },
    ]);
  });
});

describe('parseBenchArgs', () => {
  it('picks the full or quick sizes and applies overrides', () => {
    // Prepare
    const argv = ['--quick', '--due', '250'];

    // Act
    const quick = parseBenchArgs(argv);
    const full = parseBenchArgs([]);

    // Assess
    expect(quick).toEqual({ ...QUICK_SIZES, due: 250 });
    expect(full).toEqual(FULL_SIZES);
  });

  it('refuses unknown flags and bad numbers with a usage line', () => {
    // Prepare
    const bad = [['--fast'], ['--due', 'many'], ['--due', '-3']];

    // Act
    const attempts = bad.map((argv) => () => parseBenchArgs(argv));

    // Assess
    for (const attempt of attempts) expect(attempt).toThrow(/usage: npm run bench/);
  });
});

describe('CapacityMeter', () => {
  it('adds read units of read commands and write units of the others, single and batch reports', () => {
    // Prepare
    const meter = new CapacityMeter();

    // Act
    meter.record('GetItemCommand', { CapacityUnits: 1 });
    meter.record('QueryCommand', { CapacityUnits: 0.5 });
    meter.record('UpdateItemCommand', { CapacityUnits: 1 });
    meter.record('BatchWriteItemCommand', [{ CapacityUnits: 25 }, { CapacityUnits: 3 }]);
    meter.record('QueryCommand', undefined);
    const snapshot = meter.snapshot();

    // Assess
    expect(snapshot.readUnits).toBe(1.5);
    expect(snapshot.writeUnits).toBe(29);
    expect(callsOf(snapshot, 'Query')).toBe(2);
    expect(snapshot.calls).toEqual({ GetItemCommand: 1, QueryCommand: 2, UpdateItemCommand: 1, BatchWriteItemCommand: 1 });
  });
});

describe('ids and tags', () => {
  it('makes 20-character contact ids unique per prefix and index, and +tags an address', () => {
    // Prepare
    const indexes = [0, 1, 255, 256];

    // Act
    const ids = indexes.map((index) => benchContactId('b', index));
    const tagged = tagAddress('dana.whitfield@brightloop.example', 17);

    // Assess
    expect(ids.every((id) => id.length === 20)).toBe(true);
    expect(new Set(ids).size).toBe(indexes.length);
    expect(benchContactId('a', 1)).not.toBe(benchContactId('b', 1));
    expect(tagged).toBe('dana.whitfield+e2e17@brightloop.example');
  });
});
