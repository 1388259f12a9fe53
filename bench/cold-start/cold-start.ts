/**
 * Part 2: cold start. Each function's bundle as CDK deploys it (bundles.ts), its size, and
 * the median over N fresh `node` processes of the time to import it, against an empty Node
 * process and reference bundles built with the same settings. Processes run one at a time,
 * the variants interleaved round after round so drift in the machine's load hits all alike.
 * Children get no configuration: importing a handler must need no config and no network.
 *
 * Then the first invocation, which a cold start also pays (the wiring: config, SDK clients,
 * template compilation, signing keys): a fresh process imports the bundle, calls the handler
 * once (cold) and again (warm), against the running local stack.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildReceiptEvent, PASSING_VERDICTS, newSesMessageId } from '../../local/stack/receipt-event.js';
import type { LocalStack } from '../../local/stack/start-local-stack.js';
import { buildForward, DEFAULT_OWNER } from '../../test/support/build-forward.js';
import { REPO_ROOT, WORK_DIR } from '../support/paths.js';
import { median, ratio } from '../support/stats.js';
import { formatBytes, formatMs, formatRatio, row, type ResultRow } from '../support/table.js';
import { HANDLER_NAMES, largestPackagesOf, mimeParserInputsOf, type BuiltBundle, type HandlerName } from './bundles.js';

const IMPORT_CHILD = fileURLToPath(new URL('./import-child.mjs', import.meta.url));
const RENDER_CHILD = fileURLToPath(new URL('./render-child.ts', import.meta.url));

/** What render-child.ts prints. */
interface RenderChildTimes {
  renderMs: number;
}
const INVOKE_CHILD = fileURLToPath(new URL('./invoke-child.mjs', import.meta.url));
/** Targets (issue 6). */
export const LEAN_IMPORT_TARGET = 1.2;
export const INBOUND_IMPORT_TARGET = 1.1;
const EMPTY_PROCESS = 'node (no import)';
const LARGEST_PACKAGES_LISTED = 6;

interface ChildTimes {
  sinceStartMs: number;
  importMs: number;
  wallMs: number;
}

/** Runs `node [nodeFlags] <script> <args>` with `env`; resolves with its JSON line and the wall time. */
function runChild<T>(script: string, args: string[], env: Record<string, string>, nodeFlags: readonly string[] = []): Promise<T & { wallMs: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`child ${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
        return;
      }
      resolve({ ...(JSON.parse(line) as T), wallMs });
    });
  });
}

/** The environment of an import child: nothing but PATH (no config, no credentials). */
const bareEnv = (): Record<string, string> => ({ PATH: process.env.PATH ?? '' });

export interface ColdStartFigures {
  rows: ResultRow[];
  notes: string[];
  /** Median import time (since process start) per bundle name, for the cost model. */
  medianSinceStartMs: Record<string, number>;
}

export async function runColdStartImports(bundles: Map<string, BuiltBundle>, runs: number): Promise<ColdStartFigures> {
  const section = '2 cold start';
  const variants: { name: string; file: string | null }[] = [
    { name: EMPTY_PROCESS, file: null },
    ...[...bundles.values()].map((bundle) => ({ name: bundle.name, file: bundle.file })),
  ];
  const times = new Map<string, ChildTimes[]>(variants.map((variant) => [variant.name, []]));
  // One warm-up round (file-system cache), then `runs` rounds, rotating the order each round.
  for (let round = -1; round < runs; round += 1) {
    for (let offset = 0; offset < variants.length; offset += 1) {
      const variant = variants[(Math.max(round, 0) + offset) % variants.length]!;
      const result = await runChild<ChildTimes>(IMPORT_CHILD, variant.file ? [variant.file] : [], bareEnv());
      if (round >= 0) times.get(variant.name)!.push(result);
    }
  }
  const med = (name: string, key: keyof ChildTimes) => median(times.get(name)!.map((item) => item[key]));
  const medianSinceStartMs = Object.fromEntries(variants.map((variant) => [variant.name, med(variant.name, 'sinceStartMs')]));

  const rows: ResultRow[] = [];
  const describe = (name: string) => {
    const bundle = bundles.get(name);
    const size = bundle ? `${formatBytes(bundle.importedBytes)} loaded at import (${bundle.importedFiles} of ${bundle.files} files; ${formatBytes(bundle.bytes)} in all); ` : '';
    return `${size}import done at ${formatMs(med(name, 'sinceStartMs'))} (import alone ${formatMs(med(name, 'importMs'))}), wall ${formatMs(med(name, 'wallMs'))}`;
  };
  rows.push(row(section, `empty Node process (median of ${runs})`, formatMs(med(EMPTY_PROCESS, 'sinceStartMs')), `wall ${formatMs(med(EMPTY_PROCESS, 'wallMs'))}`));
  const lean = (name: HandlerName) => {
    const bundle = bundles.get(name)!;
    const parsers = mimeParserInputsOf(bundle.inputs);
    rows.push(row(section, `${name}: MIME parser in bundle (metafile)`, parsers.length === 0 ? 'none' : parsers.join(', '), `${bundle.inputs.length} inputs, ${formatBytes(bundle.bytes)} in all files`,
      { text: 'no mailparser/libmime/html-to-text', pass: parsers.length === 0 }));
    const value = ratio(med(name, 'sinceStartMs'), med('ref-sdk', 'sinceStartMs'));
    rows.push(row(section, `${name} import / SDK-only bundle import`, formatRatio(value), `${describe(name)}; SDK-only: ${describe('ref-sdk')}; import-alone ratio ${formatRatio(ratio(med(name, 'importMs'), med('ref-sdk', 'importMs')))}`,
      { text: `< ${LEAN_IMPORT_TARGET}x`, pass: value < LEAN_IMPORT_TARGET }));
  };
  lean('dispatch');
  lean('actions');
  const inboundRatio = ratio(med('inbound', 'sinceStartMs'), med('ref-mailparser-sdk', 'sinceStartMs'));
  rows.push(row(section, 'inbound import / (mailparser + SDK incl. S3) bundle import', formatRatio(inboundRatio),
    `${describe('inbound')}; reference: ${describe('ref-mailparser-sdk')}; import-alone ratio ${formatRatio(ratio(med('inbound', 'importMs'), med('ref-mailparser-sdk', 'importMs')))}`,
    { text: `<= ${INBOUND_IMPORT_TARGET}x`, pass: inboundRatio <= INBOUND_IMPORT_TARGET }));
  rows.push(row(section, 'inbound import / mailparser-alone bundle import', formatRatio(ratio(med('inbound', 'sinceStartMs'), med('ref-mailparser', 'sinceStartMs'))), `mailparser alone: ${describe('ref-mailparser')}`));
  rows.push(row(section, 'SDK-only bundle import / empty process', formatRatio(ratio(med('ref-sdk', 'sinceStartMs'), med(EMPTY_PROCESS, 'sinceStartMs'))), `SDK + S3: ${describe('ref-sdk-s3')}`));
  const notes = [
    `Bundles: esbuild JS API with infra/bundling-options.ts, the options the CDK construct builds each function's asset with (ESM, ${'node24'} target, minified without kept names, all dependencies bundled, code-split: each \`await import()\` is a chunk loaded when first reached, html-to-text and htmlparser2 aliased to their CommonJS builds so each is bundled once). The references are built with the same options. templates/ is copied beside the bundle on deploy, with the templates compiled at build (infra/bundled-templates.ts), and read at first invocation, not at import.`,
    `References: "SDK-only" is the AWS SDK as dispatch and actions use it, the clients and the commands they send (bench/cold-start/references/sdk-only.ts); "SDK incl. S3" adds S3 and GetObject for inbound; "mailparser" is simpleParser alone.`,
    `Import children run with no environment but PATH: no handler needed config or network to import. ${runs} rounds (+1 warm-up), variants rotated each round, one process at a time. "import done at" is performance.now() in the child after await import() (includes Node's own start-up); targets compare these medians.`,
  ];
  for (const name of HANDLER_NAMES) {
    const largest = largestPackagesOf(bundles.get(name)!, LARGEST_PACKAGES_LISTED);
    notes.push(`${name} bundle, largest parts: ${largest.map((item) => `${item.name} ${formatBytes(item.bytes)}`).join(', ')}.`);
  }
  return { rows, notes, medianSinceStartMs };
}

/** Writes an event to bench/.work/events/<name>.json; returns the path. */
async function writeEvent(name: string, event: unknown): Promise<string> {
  const dir = join(WORK_DIR, 'events');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(event));
  return file;
}

let inboundEventCount = 0;
const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;

/** An SES receipt event for a new forward, its raw mail stored in the stack's bucket. */
async function inboundEvent(stack: LocalStack, label: string): Promise<unknown> {
  const raw = await buildForward('gmail', {
    fromName: 'Dana Whitfield',
    fromEmail: 'dana.whitfield@brightloop.example',
    subject: 'Your application for Senior Product Designer',
    body: 'Hi Alex,\n\nThank you for your interest in Brightloop and for the time you spent with our team.\nAfter careful consideration we have decided to move forward with other candidates whose experience more closely matches our needs.\n\nWe enjoyed your portfolio and would welcome an application for future openings.\n\nBest regards,\nDana Whitfield\nTalent Partner, Brightloop',
    messageId: `<cold-${label}-${Date.now()}@brightloop.example>`,
    // An inline forward keeps no Message-ID: the date makes each forward a new contact.
    date: new Date(Date.UTC(2026, 0, 1) + (inboundEventCount += 1) * MILLISECONDS_PER_MINUTE + Date.now() % MILLISECONDS_PER_DAY),
  });
  const messageId = newSesMessageId();
  await stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `${stack.rawMailPrefix}${messageId}`, Body: raw }));
  const { event } = await buildReceiptEvent({
    raw,
    messageId,
    mailFrom: DEFAULT_OWNER.email,
    recipients: [stack.inboundAddress],
    receivedAt: new Date(),
    defaultVerdicts: PASSING_VERDICTS,
    functionName: 'not-today-inbound',
  });
  return event;
}

const scheduledEvent = (label: string) => ({
  id: `bench-${label}`,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  time: new Date().toISOString(),
  resources: ['arn:aws:events:us-east-1:111111111111:rule/not-today-dispatch'],
});

const functionUrlEvent = (label: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: '/a/not-a-valid-token',
  rawQueryString: '',
  headers: { host: '127.0.0.1', 'user-agent': 'bench' },
  isBase64Encoded: false,
  requestContext: { requestId: `bench-${label}`, http: { method: 'GET', path: '/a/not-a-valid-token', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' } },
});

/** First (cold) and second (warm) invocation of each handler bundle in fresh processes. */
export interface InvocationFigures {
  importMs: number;
  firstMs: number;
  secondMs: number;
}

export async function runFirstInvocation(
  stack: LocalStack,
  bundles: Map<string, BuiltBundle>,
  runs: number,
): Promise<{ rows: ResultRow[]; figures: Record<HandlerName, InvocationFigures> }> {
  const section = '2 cold start';
  const envOf = (bundle: BuiltBundle): Record<string, string> => ({
    ...stack.env,
    PATH: process.env.PATH ?? '',
    // CDK puts templates/ (and the templates compiled at build) into the bundle and sets
    // TEMPLATES_DIR to it; bundles.ts does the same with the same function.
    TEMPLATES_DIR: templatesDirOf(bundle),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const rows: ResultRow[] = [];
  const figures = {} as Record<HandlerName, InvocationFigures>;
  for (const name of HANDLER_NAMES) {
    const results: { importMs: number; firstMs: number; secondMs: number; firstOutcome: string; secondOutcome: string }[] = [];
    for (let run = 0; run < runs; run += 1) {
      const label = `${name}-${run}`;
      const [first, second] =
        name === 'inbound'
          ? [await inboundEvent(stack, `${label}-a`), await inboundEvent(stack, `${label}-b`)]
          : name === 'dispatch'
            ? [scheduledEvent(`${label}-a`), scheduledEvent(`${label}-b`)]
            : [functionUrlEvent(`${label}-a`), functionUrlEvent(`${label}-b`)];
      results.push(
        await runChild(INVOKE_CHILD, [bundles.get(name)!.file, await writeEvent(`${label}-a`, first), await writeEvent(`${label}-b`, second)], envOf(bundles.get(name)!)),
      );
    }
    const firstMs = median(results.map((item) => item.firstMs));
    const secondMs = median(results.map((item) => item.secondMs));
    const importMs = median(results.map((item) => item.importMs));
    figures[name] = { importMs, firstMs, secondMs };
    const outcomes = [...new Set(results.map((item) => `${item.firstOutcome}/${item.secondOutcome}`))].join(', ');
    rows.push(row(section, `${name}: first invocation (cold wiring) / second (warm)`, formatRatio(ratio(firstMs, secondMs)),
      `first ${formatMs(firstMs)}, second ${formatMs(secondMs)}, import ${formatMs(importMs)} (median of ${runs}; outcomes ${outcomes})`));
    // What a user waits for on a cold start: work moved from import to the first call shows here, not as a gain.
    rows.push(row(section, `${name}: import + first invocation (a cold start's own work)`, formatMs(importMs + firstMs), `import ${formatMs(importMs)} + first invocation ${formatMs(firstMs)}`));
  }
  return { rows, figures };
}

/**
 * What compiling the templates costs the first invocation: the prompt templates (every function
 * that sends mail) and the page templates (actions), built as the runtime builds them. Measured
 * in this process: the first build (cold, as in a fresh Lambda) and the median of the next ones.
 */
/** A handler bundle's templates/ as deployed (bundles.ts writes it as CDK does). */
export function templatesDirOf(bundle: BuiltBundle): string {
  if (!bundle.templatesDir) throw new Error(`bundle ${bundle.name} carries no templates`);
  return bundle.templatesDir;
}

/**
 * What the templates cost a first invocation. `deployedTemplatesDir`: a handler bundle's
 * templates/, with the templates compiled at build, as CDK deploys it.
 */
export async function measureTemplateCompilation(repeats: number, deployedTemplatesDir: string): Promise<ResultRow[]> {
  const section = '2 cold start';
  const { createPromptRenderer } = await import('../../functions/core/rendering/create-prompt-renderer.js');
  const { loadTemplates } = await import('../../functions/runtime/load-templates.js');
  const { loadPageTemplates } = await import('../../functions/runtime/actions-deps.js');
  const { createPageRenderer } = await import('../../functions/core/pages/page-renderer.js');
  const time = (build: () => unknown): number[] =>
    Array.from({ length: repeats + 1 }, () => {
      const start = performance.now();
      build();
      return performance.now() - start;
    });
  const templatesDir = join(REPO_ROOT, 'templates');
  // The first thank-you from a cold start, each way in fresh processes (alternated): with the
  // templates as deployed (compiled at build) and from a checkout's sources.
  const firstRenders = { deployed: [] as RenderChildTimes[], sources: [] as RenderChildTimes[] };
  for (let run = 0; run < repeats; run += 1) {
    const order = run % 2 === 0 ? (['deployed', 'sources'] as const) : (['sources', 'deployed'] as const);
    for (const mode of order) {
      const dir = mode === 'deployed' ? deployedTemplatesDir : templatesDir;
      // Under tsx, as this process: its loader flags come with process.execArgv.
      firstRenders[mode].push(await runChild<RenderChildTimes>(RENDER_CHILD, [mode, dir], { PATH: process.env.PATH ?? '' }, process.execArgv));
    }
  }
  const medianOf = (mode: keyof typeof firstRenders) => median(firstRenders[mode].map((item) => item.renderMs));
  // A template check (and the tests): compile and test-render every template at creation.
  const eager = time(() => createPromptRenderer(loadTemplates(templatesDir)));
  // As the actions runtime builds it: page templates compiled, their texts on first use.
  const pages = time(() => createPageRenderer(loadPageTemplates(templatesDir), { compile: 'lazy' }));
  return [
    row(section, 'first thank-you from a cold start: templates compiled at build (as deployed) / from the sources (a checkout)', formatRatio(ratio(medianOf('deployed'), medianOf('sources'))),
      `build the renderer as the runtime does (buildPromptRenderer) and render: ${formatMs(medianOf('deployed'))} with the compiled templates, ${formatMs(medianOf('sources'))} compiling each on first use (medians of ${repeats} fresh processes each, alternated; the code runs from its sources under tsx)`),
    row(section, 'compile every prompt template at once (a template check; not on the Lambda path)', formatMs(eager[0]!), `then ${formatMs(median(eager.slice(1)))} (median of ${repeats})`),
    row(section, 'first invocation: compile page templates (actions, texts lazily, as deployed)', formatMs(pages[0]!), `then ${formatMs(median(pages.slice(1)))} (median of ${repeats})`),
  ];
}
