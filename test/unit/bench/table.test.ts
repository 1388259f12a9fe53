/** The results table printer (Markdown for stdout and RESULTS.md) and its number formats. */
import { describe, expect, it } from 'vitest';
import { countVerdicts, escapeCell, formatBytes, formatMs, formatRatio, formatUsd, renderMarkdownTable, row } from '../../../bench/support/table.js';

describe('renderMarkdownTable', () => {
  it('prints a header, a separator and one aligned row per figure, with PASS/FAIL from the target', () => {
    // Prepare
    const rows = [
      row('1 understanding', 'ratio', '1.20x', '12 ms vs 10 ms', { text: '<= 1.5x', pass: true }),
      row('2 cold start', 'import', '1.30x', '', { text: '< 1.2x', pass: false }),
      row('5 cost', 'fixed', '$2.14'),
    ];

    // Act
    const lines = renderMarkdownTable(rows).split('\n');

    // Assess
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\| Part +\| Measure +\| Figure +\| Context \(absolute\) +\| Target +\| Result \|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+\|-+\|-+\|-+\|-+\|$/);
    expect(lines[2]).toContain('| PASS   |');
    expect(lines[3]).toContain('| FAIL   |');
    expect(lines[4]).toMatch(/\| \$2\.14 +\|/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('escapes pipes and line breaks so a cell cannot break its row', () => {
    // Prepare
    const text = 'a | b\nc';

    // Act
    const escaped = escapeCell(text);
    const table = renderMarkdownTable([row('x', text, '1')]);

    // Assess
    expect(escaped).toBe('a \\| b c');
    expect(table.split('\n')).toHaveLength(3);
  });

  it('counts verdicts, ignoring rows without a target', () => {
    // Prepare
    const rows = [row('a', 'm', '1', '', { text: 't', pass: true }), row('a', 'm', '1', '', { text: 't', pass: false }), row('a', 'm', '1')];

    // Act
    const counts = countVerdicts(rows);

    // Assess
    expect(counts).toEqual({ pass: 1, fail: 1 });
  });
});

describe('formats', () => {
  it('formats times, ratios, sizes and dollars for reading', () => {
    // Prepare
    const inputs = { ms: [0.123, 45.67, 250, 1234], ratio: [1.234, Number.NaN], bytes: [512, 2048, 3 * 1024 * 1024], usd: [0, 0.000123, 0.0169, 2.5] };

    // Act
    const out = {
      ms: inputs.ms.map(formatMs),
      ratio: inputs.ratio.map(formatRatio),
      bytes: inputs.bytes.map(formatBytes),
      usd: inputs.usd.map(formatUsd),
    };

    // Assess
    expect(out.ms).toEqual(['0.12 ms', '45.7 ms', '250 ms', '1.23 s']);
    expect(out.ratio).toEqual(['1.23x', 'n/a']);
    expect(out.bytes).toEqual(['512 B', '2.0 KB', '3.00 MB']);
    expect(out.usd).toEqual(['$0', '$0.000123', '$0.0169', '$2.50']);
  });
});
