/** Prints the evaluation as plain-text tables, or as one JSON object for the benchmark tooling. */
import { HELD_OUT_FIELDS, type HeldOutEvaluation } from './evaluate-held-out.js';
import { FORMS, FORWARD_FORMAT_FIELDS, FORWARD_FORMATS_TARGET, type ForwardFormatsEvaluation } from './evaluate-forward-formats.js';
import { REJECTION_FIELD_TARGETS, type Miss, type RejectionEvaluation } from './evaluate-rejections.js';
import { formatPercent } from './score.js';

const COLUMN_WIDTH = 13;

function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? '').length)) + 2);
  const render = (row: string[]) => row.map((cell, index) => cell.padEnd(widths[index] ?? COLUMN_WIDTH)).join('').trimEnd();
  return [render(header), render(header.map((_, i) => '-'.repeat((widths[i] ?? COLUMN_WIDTH) - 2))), ...rows.map(render)].join('\n');
}

/** The rejection corpus table: one row per style, one column per field. */
export function renderRejectionTable(evaluation: RejectionEvaluation): string {
  const header = ['style', ...evaluation.fields];
  const rows = evaluation.styles.map((style) => [style, ...evaluation.fields.map((field) => formatPercent(evaluation.tally.accuracy(`${style}:${field}`)))]);
  const targets = ['target', ...evaluation.fields.map((field) => (field in REJECTION_FIELD_TARGETS ? formatPercent(REJECTION_FIELD_TARGETS[field as keyof typeof REJECTION_FIELD_TARGETS]) : '-'))];
  return `rejections corpus: ${evaluation.cases} cases x ${evaluation.styles.length} styles ("sender" = right original found; "direct" = no forward, the baseline)\n${renderTable(header, [...rows, targets])}`;
}

/** The forward-formats table: one row per form. */
export function renderForwardFormatsTable(evaluation: ForwardFormatsEvaluation): string {
  const header = ['form', ...FORWARD_FORMAT_FIELDS];
  const rows = FORMS.map((form) => [
    form,
    ...FORWARD_FORMAT_FIELDS.map((field) => {
      const { right, total } = evaluation.tally.counts(`${form}:${field}`);
      return total === 0 ? '-' : `${formatPercent(right / total)} (${right}/${total})`;
    }),
  ]);
  return `forward-formats corpus: ${evaluation.cases} cases x ${FORMS.length} forms (target ${formatPercent(FORWARD_FORMATS_TARGET)} on "case")\n${renderTable(header, rows)}`;
}

/** The held-out table: one row per forward style and one for all cases, one column per field. */
export function renderHeldOutTable(evaluation: HeldOutEvaluation): string {
  const header = ['style', ...HELD_OUT_FIELDS];
  const rows = [...evaluation.styles, 'all'].map((style) => [
    style,
    ...HELD_OUT_FIELDS.map((field) => {
      const { right, total } = evaluation.tally.counts(`${style}:${field}`);
      return total === 0 ? '-' : `${formatPercent(right / total)} (${right}/${total})`;
    }),
  ]);
  return `held-out set (test/fixtures/eml/held-out): ${evaluation.cases} invented forwards written apart from the corpus (see expected.json for first-measured figures)\n${renderTable(header, rows)}`;
}

/** The misses, one per line: case, style, field, expected, got. */
export function renderMisses(title: string, misses: readonly Miss[]): string {
  const lines = misses.map((miss) => `  ${miss.caseId}  ${miss.style}  ${miss.field}  expected ${JSON.stringify(miss.expected)}  got ${JSON.stringify(miss.got)}`);
  return `${title} (${misses.length}):\n${lines.join('\n') || '  none'}`;
}

/** The whole evaluation as one JSON-serialisable object. */
export function summariseEvaluation(
  rejections: RejectionEvaluation | null,
  forwardFormats: ForwardFormatsEvaluation | null,
  heldOut: HeldOutEvaluation | null,
  withMisses: boolean,
): unknown {
  return {
    rejections: rejections && {
      cases: rejections.cases,
      targets: REJECTION_FIELD_TARGETS,
      accuracy: Object.fromEntries(
        rejections.styles.map((style) => [style, Object.fromEntries(rejections.fields.map((field) => [field, rejections.tally.accuracy(`${style}:${field}`)]))]),
      ),
      ...(withMisses ? { misses: rejections.misses } : {}),
    },
    forwardFormats: forwardFormats && {
      cases: forwardFormats.cases,
      target: FORWARD_FORMATS_TARGET,
      accuracy: Object.fromEntries(
        FORMS.map((form) => [form, Object.fromEntries(FORWARD_FORMAT_FIELDS.map((field) => [field, forwardFormats.tally.accuracy(`${form}:${field}`)]))]),
      ),
      ...(withMisses ? { misses: forwardFormats.misses } : {}),
    },
    heldOut: heldOut && {
      cases: heldOut.cases,
      accuracy: Object.fromEntries(HELD_OUT_FIELDS.map((field) => [field, heldOut.tally.accuracy(`all:${field}`)])),
      ...(withMisses ? { misses: heldOut.misses } : {}),
    },
  };
}
