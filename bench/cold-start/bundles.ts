/**
 * Builds the bundles the cold-start benchmark imports: each handler exactly as CDK deploys it
 * (the shared settings of infra/bundling-options.ts, through esbuild's JS API), and the
 * reference bundles (empty, mailparser alone, SDK only, SDK + S3, mailparser + SDK) with the
 * same settings. Output: bench/.work/bundles/<name>/index.mjs and its chunks, plus the metafile's
 * inputs; beside each handler, templates/ as CDK bundles it (the copy and the templates compiled
 * at build: infra/bundled-templates.ts).
 */
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBundledTemplates } from '../../infra/bundled-templates.js';
import { BUNDLE_OUTPUT_FILE, toEsbuildOptions } from '../../infra/bundling-options.js';
import { entryOutputOf, inputBytesOf, staticClosureOf } from './bundle-metafile.js';
import { REPO_ROOT, WORK_DIR } from '../support/paths.js';

export interface BundleSpec {
  name: string;
  /** Entry, relative to the repository root. */
  entry: string;
  kind: 'handler' | 'reference';
}

export const HANDLER_NAMES = ['inbound', 'dispatch', 'actions'] as const;
export type HandlerName = (typeof HANDLER_NAMES)[number];

export const BUNDLE_SPECS: readonly BundleSpec[] = [
  ...HANDLER_NAMES.map((name) => ({ name, entry: `functions/handlers/${name}.ts`, kind: 'handler' as const })),
  { name: 'ref-empty', entry: 'bench/cold-start/references/empty.ts', kind: 'reference' },
  { name: 'ref-mailparser', entry: 'bench/cold-start/references/mailparser-only.ts', kind: 'reference' },
  { name: 'ref-sdk', entry: 'bench/cold-start/references/sdk-only.ts', kind: 'reference' },
  { name: 'ref-sdk-s3', entry: 'bench/cold-start/references/sdk-with-s3.ts', kind: 'reference' },
  { name: 'ref-mailparser-sdk', entry: 'bench/cold-start/references/mailparser-and-sdk.ts', kind: 'reference' },
];

export interface BuiltBundle extends BundleSpec {
  /** The entry file (index.mjs). */
  file: string;
  /** A handler's templates/ as deployed (TEMPLATES_DIR); null for a reference. */
  templatesDir: string | null;
  /** Every output file: the entry and all its chunks, lazily loaded ones included (what is deployed). */
  bytes: number;
  /** The files a cold start loads before the handler runs: the entry and its static imports. */
  importedBytes: number;
  /** Output files in all, and how many of them a cold start loads. */
  files: number;
  importedFiles: number;
  /** Input paths that put bytes into any output file (from esbuild's metafile). */
  inputs: string[];
  /** Bytes each input puts into the outputs. */
  inputBytes: Record<string, number>;
}

/** Input path fragments of a MIME parser: none may be in dispatch or actions. */
export const MIME_PARSER_INPUTS = ['node_modules/mailparser/', 'node_modules/libmime/', 'node_modules/html-to-text/'];

/** The MIME-parser inputs present in a bundle (empty when it carries none). */
export function mimeParserInputsOf(inputs: readonly string[]): string[] {
  return MIME_PARSER_INPUTS.filter((fragment) => inputs.some((path) => path.includes(fragment)));
}

/** Builds one bundle into bench/.work/bundles/<name>/. */
export async function buildBundle(spec: BundleSpec): Promise<BuiltBundle> {
  const dir = join(WORK_DIR, 'bundles', spec.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const result = await build({
    ...toEsbuildOptions({ entry: join(REPO_ROOT, spec.entry), outdir: dir, absWorkingDir: REPO_ROOT }),
    // Only adds the metafile to the result; the bundle's bytes are the same.
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const entryPath = entryOutputOf(outputs, spec.entry);
  const imported = staticClosureOf(outputs, entryPath);
  const templatesDir = spec.kind === 'handler' ? join(dir, 'templates') : null;
  if (templatesDir) writeBundledTemplates(join(REPO_ROOT, 'templates'), templatesDir);
  const inputBytes = inputBytesOf(outputs);
  const sizeOf = (paths: string[]) => paths.reduce((sum, path) => sum + outputs[path]!.bytes, 0);
  return {
    ...spec,
    file: join(dir, BUNDLE_OUTPUT_FILE),
    templatesDir,
    bytes: sizeOf(Object.keys(outputs)),
    importedBytes: sizeOf(imported),
    files: Object.keys(outputs).length,
    importedFiles: imported.length,
    inputs: Object.keys(inputBytes),
    inputBytes,
  };
}

/** Builds every bundle of BUNDLE_SPECS. */
export async function buildAllBundles(): Promise<Map<string, BuiltBundle>> {
  const built = new Map<string, BuiltBundle>();
  for (const spec of BUNDLE_SPECS) built.set(spec.name, await buildBundle(spec));
  return built;
}

/** The package (or project folder) an input path belongs to. */
export function packageOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return path.split('/').slice(0, 3).join('/');
  const parts = path.slice(at + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** The `count` packages that put the most bytes into a bundle, largest first. */
export function largestPackagesOf(bundle: Pick<BuiltBundle, 'inputBytes'>, count: number): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const [path, bytes] of Object.entries(bundle.inputBytes)) totals.set(packageOf(path), (totals.get(packageOf(path)) ?? 0) + bytes);
  return [...totals.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, count);
}
