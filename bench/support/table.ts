/**
 * The results table: one row per figure, printed as Markdown both to stdout and into
 * bench/RESULTS.md. A row may carry a target; its verdict is PASS or FAIL, never hidden.
 */

export type Verdict = 'PASS' | 'FAIL' | '';

export interface ResultRow {
  /** Which part of the benchmark (e.g. "1 understanding"). */
  section: string;
  /** What was measured. */
  measure: string;
  /** The figure, formatted (a ratio or a count, machine-independent where possible). */
  value: string;
  /** Absolute times or sizes behind the figure, for context. */
  context: string;
  /** The target, in words ("<= 1.5x"); empty when the row has none. */
  target: string;
  verdict: Verdict;
}

/** Builds a row; `pass` undefined means the row has no target. */
export function row(
  section: string,
  measure: string,
  value: string,
  context = '',
  target?: { text: string; pass: boolean },
): ResultRow {
  return {
    section,
    measure,
    value,
    context,
    target: target?.text ?? '',
    verdict: target ? (target.pass ? 'PASS' : 'FAIL') : '',
  };
}

const HEADERS = ['Part', 'Measure', 'Figure', 'Context (absolute)', 'Target', 'Result'] as const;

/** Escapes a cell for a Markdown table (pipes and line breaks would break the row). */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Renders rows as a Markdown table with aligned columns. */
export function renderMarkdownTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((item) => [item.section, item.measure, item.value, item.context, item.target, item.verdict].map(escapeCell));
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(HEADERS), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Counts of verdicts, for the summary line. */
export function countVerdicts(rows: readonly ResultRow[]): { pass: number; fail: number } {
  return {
    pass: rows.filter((item) => item.verdict === 'PASS').length,
    fail: rows.filter((item) => item.verdict === 'FAIL').length,
  };
}

/** Formats a number of milliseconds for reading (e.g. "1.23 ms", "45.6 ms", "1.20 s"). */
export function formatMs(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return 'n/a';
  if (milliseconds >= 1000) return `${(milliseconds / 1000).toFixed(2)} s`;
  if (milliseconds >= 100) return `${milliseconds.toFixed(0)} ms`;
  if (milliseconds >= 10) return `${milliseconds.toFixed(1)} ms`;
  return `${milliseconds.toFixed(2)} ms`;
}

/** Formats a ratio as "1.23x". */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

/** Formats a byte count as KB or MB (1024-based). */
export function formatBytes(bytes: number): string {
  const KIB = 1024;
  if (bytes >= KIB * KIB) return `${(bytes / KIB / KIB).toFixed(2)} MB`;
  if (bytes >= KIB) return `${(bytes / KIB).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Formats US dollars with enough digits for sub-cent figures. */
export function formatUsd(dollars: number): string {
  if (dollars === 0) return '$0';
  if (Math.abs(dollars) < 0.001) return `$${dollars.toFixed(6)}`;
  if (Math.abs(dollars) < 1) return `$${dollars.toFixed(4)}`;
  return `$${dollars.toFixed(2)}`;
}
