/**
 * `not-today eval [--misses] [--json] [--only rejections|forward-formats|held-out] [--corpus DIR]`:
 * measures extraction accuracy against ../shared/corpus (beside the repository), the development
 * set, and against the project's own held-out fixtures (mail the extraction was not tuned on).
 * A benchmark, not a test: `npm test` never reads ../shared.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusMissingError, loadForwardFormatCases, loadRejectionCases } from '../../bench/eval/corpus.js';
import { evaluateForwardFormats, type ForwardFormatsEvaluation } from '../../bench/eval/evaluate-forward-formats.js';
import { evaluateHeldOut, type HeldOutEvaluation } from '../../bench/eval/evaluate-held-out.js';
import { evaluateRejections, type RejectionEvaluation } from '../../bench/eval/evaluate-rejections.js';
import {
  renderForwardFormatsTable,
  renderHeldOutTable,
  renderMisses,
  renderRejectionTable,
  summariseEvaluation,
} from '../../bench/eval/report.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the corpora live by default: ../shared/corpus relative to the repository root. */
export const DEFAULT_CORPUS_DIR = resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** The sections `--only` can pick. */
const SECTIONS = ['rejections', 'forward-formats', 'held-out'] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `usage: not-today eval [--misses] [--json] [--only ${SECTIONS.join('|')}] [--corpus DIR]\n`;

/** Runs the evaluation; returns the exit code (1 when the corpus is missing). */
export async function run(argv: string[]): Promise<number> {
  let values: { misses?: boolean; json?: boolean; only?: string; corpus?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        misses: { type: 'boolean' },
        json: { type: 'boolean' },
        only: { type: 'string' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`not-today eval: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.only && !(SECTIONS as readonly string[]).includes(values.only)) {
    process.stderr.write(`not-today eval: --only must be one of ${SECTIONS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const wanted = (section: Section): boolean => !values.only || values.only === section;
  const corpusDir = resolve(values.corpus ?? DEFAULT_CORPUS_DIR);
  let rejections: RejectionEvaluation | null = null;
  let forwardFormats: ForwardFormatsEvaluation | null = null;
  let heldOut: HeldOutEvaluation | null = null;
  const started = performance.now();
  try {
    if (wanted('rejections')) rejections = await evaluateRejections(await loadRejectionCases(corpusDir));
    if (wanted('forward-formats')) forwardFormats = await evaluateForwardFormats(await loadForwardFormatCases(corpusDir));
    if (wanted('held-out')) heldOut = await evaluateHeldOut();
  } catch (error) {
    if (error instanceof CorpusMissingError) {
      process.stderr.write(`not-today eval: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summariseEvaluation(rejections, forwardFormats, heldOut, !!values.misses))}\n`);
    return 0;
  }
  const sections: string[] = [];
  if (rejections) sections.push(renderRejectionTable(rejections));
  if (forwardFormats) sections.push(renderForwardFormatsTable(forwardFormats));
  if (heldOut) sections.push(renderHeldOutTable(heldOut));
  if (values.misses && rejections) sections.push(renderMisses('rejection misses', rejections.misses));
  if (values.misses && forwardFormats) sections.push(renderMisses('forward-format misses', forwardFormats.misses));
  if (values.misses && heldOut) sections.push(renderMisses('held-out misses', heldOut.misses));
  sections.push(`(${seconds} s)`);
  process.stdout.write(`${sections.join('\n\n')}\n`);
  return 0;
}
