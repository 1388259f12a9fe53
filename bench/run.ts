/**
 * `npm run bench` (full, at most ~10 minutes) and `npm run bench -- --quick` (under a minute):
 * measures what Not Today exists for and prints one Markdown table; the full run also writes
 * bench/RESULTS.md (the quick run writes bench/.work/RESULTS-quick.md).
 *
 *   1 understanding throughput vs mailparser alone   (understanding/throughput.ts)
 *   2 cold start: bundle sizes, import times, first invocation (cold-start/)
 *   3 the schedule at scale on the local stack      (schedule/schedule-scale.ts)
 *   4 end to end, SMTP to the owner's inbox          (end-to-end/end-to-end.ts)
 *   5 monthly cost from the figures above            (cost/)
 *
 * `npm run bench -- --quick --only cold-start` runs part 2 alone (bundles, imports, first
 * invocations on the local stack) and prints its rows; it writes bench/.work/RESULTS-cold-start.md,
 * never bench/RESULTS.md. Without --only every part runs, as before.
 *
 * No network but 127.0.0.1, no AWS. Inputs come from the project's own fixtures.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalStack } from '../local/stack/start-local-stack.js';
import { DEFAULT_OWNER } from '../test/support/build-forward.js';
import { buildAllBundles } from './cold-start/bundles.js';
import { measureTemplateCompilation, runColdStartImports, runFirstInvocation, templatesDirOf } from './cold-start/cold-start.js';
import { runCost } from './cost/cost.js';
import { runEndToEnd } from './end-to-end/end-to-end.js';
import { runScheduleScale } from './schedule/schedule-scale.js';
import { parseBenchArgs } from './support/args.js';
import { describeMachine } from './support/machine.js';
import { REPO_ROOT, WORK_DIR } from './support/paths.js';
import { countVerdicts, formatMs, renderMarkdownTable, type ResultRow } from './support/table.js';
import { runUnderstandingThroughput } from './understanding/throughput.js';

/** Repeats of the template compilation after the first (cold) one. */
const TEMPLATE_COMPILE_REPEATS = 5;
const argv = process.argv.slice(2);
/** `--only cold-start`: part 2 alone (the one part that can run alone; default: every part). */
const ONLY_PARTS = ['cold-start'] as const;
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
if (onlyAt >= 0 && !ONLY_PARTS.includes(only as (typeof ONLY_PARTS)[number])) {
  throw new Error(`usage: npm run bench -- [--quick] --only ${ONLY_PARTS.join('|')} (bad: ${only ?? 'nothing'})`);
}
const coldStartOnly = only === 'cold-start';
const sizes = parseBenchArgs(onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv);
const started = performance.now();
const startedAt = new Date();
const loadAtStart = loadavg();
const log = (line: string) => process.stdout.write(`${line}\n`);
const elapsed = () => formatMs(performance.now() - started);
const rows: ResultRow[] = [];
const notes: Record<string, string[]> = {};

log(`Not Today benchmark (${sizes.quick ? 'quick' : 'full'}) — ${startedAt.toISOString()}`);

if (!coldStartOnly) {
  log(`[${elapsed()}] 1 understanding: ${sizes.forwards} forwards`);
  const understanding = await runUnderstandingThroughput({ messages: sizes.forwards });
  rows.push(...understanding.rows);
  notes['1 understanding'] = understanding.notes;
}

log(`[${elapsed()}] 2 cold start: bundling, then ${sizes.importRuns} fresh processes per bundle`);
const bundles = await buildAllBundles();
const coldStart = await runColdStartImports(bundles, sizes.importRuns);
rows.push(...coldStart.rows);
notes['2 cold start'] = coldStart.notes;

log(`[${elapsed()}] starting the local stack (in memory)`);
// `process.stdout` stays for the table: the stack's and the handlers' own lines are silenced.
const stack = await startLocalStack({
  memory: true,
  writeStackFile: false,
  dispatchIntervalMs: 0,
  handlerLogLevel: 'SILENT',
  ownerAddresses: [DEFAULT_OWNER.email],
  log: { info: () => undefined, warn: (line) => process.stderr.write(`[local] ${line}\n`), error: (line) => process.stderr.write(`[local] ${line}\n`) },
  ports: { smtp: 0, actions: 0, mailViewer: 0, dynamo: 0, s3: 0 },
});
let firstInvocation: Awaited<ReturnType<typeof runFirstInvocation>>;
let schedule: Awaited<ReturnType<typeof runScheduleScale>> | undefined;
try {
  log(`[${elapsed()}] 2 cold start: first invocations (${sizes.invokeRuns} per function)`);
  firstInvocation = await runFirstInvocation(stack, bundles, sizes.invokeRuns);
  rows.push(...firstInvocation.rows);
  rows.push(...(await measureTemplateCompilation(TEMPLATE_COMPILE_REPEATS, templatesDirOf(bundles.get('inbound')!))));

  if (!coldStartOnly) {
    log(`[${elapsed()}] 3 schedule: ${sizes.due} due, ${sizes.notDue} not due`);
    schedule = await runScheduleScale(stack, { due: sizes.due, notDue: sizes.notDue, countingMailer: sizes.countingMailer, seedBudgetMs: sizes.seedBudgetMs }, log);
    rows.push(...schedule.rows);
    notes['3 schedule'] = schedule.notes;

    log(`[${elapsed()}] 4 end to end: ${sizes.endToEnd.map((level) => `${level.forwards} at ${level.inFlight} in flight`).join(', ')}`);
    const endToEnd = await runEndToEnd(stack, sizes.endToEnd);
    rows.push(...endToEnd.rows);
    notes['4 end to end'] = endToEnd.notes;
  }
} finally {
  await stack.stop();
}

let cost: ReturnType<typeof runCost> | undefined;
if (schedule) {
  log(`[${elapsed()}] 5 cost`);
  cost = runCost({
    inboundColdMs: firstInvocation.figures.inbound.importMs + firstInvocation.figures.inbound.firstMs,
    dispatchColdMs: firstInvocation.figures.dispatch.importMs + firstInvocation.figures.dispatch.firstMs,
    actionsWarmMs: firstInvocation.figures.actions.secondMs,
    dispatchMsPerPrompt: schedule.sweepMs.perPromptCounting,
    writeUnitsPerPrompt: schedule.perPrompt.writeUnits,
    readUnitsPerPrompt: schedule.perPrompt.readUnits,
  });
  rows.push(...cost.rows);
  notes['5 cost'] = cost.notes;
}

const machine = describeMachine();
const loadAtEnd = loadavg();
const duration = performance.now() - started;
const verdicts = countVerdicts(rows);
const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
const table = renderMarkdownTable(rows);
log('');
log(table);
log('');
log(`${verdicts.pass} targets PASS, ${verdicts.fail} FAIL; ${formatMs(duration)} on ${machine.cpuModel} (${machine.cores} cores), Node ${machine.node}`);


const markdown = [
  '# Not Today — benchmark results',
  '',
  `Generated by \`${command}\` on ${startedAt.toISOString()} (${sizes.quick ? 'quick sizes' : 'full sizes'}; took ${formatMs(duration)}).`,
  '',
  `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}. ` +
    `Load average at start ${loadAtStart.map((value) => value.toFixed(1)).join(' / ')}, at end ${loadAtEnd.map((value) => value.toFixed(1)).join(' / ')} ` +
    '(other work shared the machine: absolute times are for context; the ratios compare figures measured side by side in the same run).',
  '',
  `**${verdicts.pass} targets PASS, ${verdicts.fail} FAIL.**`,
  '',
  table,
  '',
  '## How each part was measured',
  '',
  ...Object.entries(notes).flatMap(([section, lines]) => [`### ${section}`, '', ...lines.map((line) => `- ${line}`), '']),
  ...(cost ? ['## Cost breakdown (part 5)', '', cost.markdown, ''] : []),
].join('\n');

const out = coldStartOnly
  ? join(WORK_DIR, 'RESULTS-cold-start.md')
  : sizes.quick
    ? join(WORK_DIR, 'RESULTS-quick.md')
    : join(REPO_ROOT, 'bench', 'RESULTS.md');
await mkdir(WORK_DIR, { recursive: true });
await writeFile(out, markdown);
log(`written: ${out.slice(REPO_ROOT.length)}`);
