/**
 * How every Lambda function is bundled, in ONE place: the CDK house construct
 * (infra/constructs/not-today-function.ts) builds each function's asset with esbuild's JS API and
 * these options, and the benchmark (bench/) and the bundle tests build with the same options, so
 * the bundle they measure is the bundle CDK deploys. Plain data and mapping functions: no
 * aws-cdk-lib import here, so the benchmark does not load CDK.
 *
 * Why not NodejsFunction: it writes one file (its esbuild command line has --outfile), so it
 * cannot split lazily loaded code into files of their own (see FUNCTION_BUNDLING.splitting).
 */
import type { BuildOptions } from 'esbuild';

/**
 * Lets CommonJS dependencies bundled into an ESM file call `require` (esbuild keeps their
 * `require()` calls for Node built-ins), and gives them `__filename`/`__dirname`.
 */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __notTodayCreateRequire } from 'module';",
  "import { fileURLToPath as __notTodayFileURLToPath } from 'url';",
  "import { dirname as __notTodayDirname } from 'path';",
  'const require = __notTodayCreateRequire(import.meta.url);',
  'const __filename = __notTodayFileURLToPath(import.meta.url);',
  'const __dirname = __notTodayDirname(__filename);',
].join(' ');

/**
 * The Node.js major version the functions run on: the esbuild target. The construct's
 * FUNCTION_RUNTIME must be this version (test/infra/stateless-stack.test.ts checks it).
 */
export const FUNCTION_NODE_MAJOR = 24;

/**
 * Module aliases (esbuild `alias`, paths relative to the repository root). A package reached both by `require()` (its CommonJS build) and by `import` (its ESM
 * build) is bundled twice; pointing it at its CommonJS build keeps one copy (same version, same
 * code). html-to-text: mailparser require()s it; the core imported it too until it got its own
 * HTML walker (html-to-plain-text.ts), and the alias keeps any such import on the one copy.
 * htmlparser2: mailparser's html-to-text require()s it and the core imports it. source-map: see below.
 */
export const MODULE_ALIASES: Readonly<Record<string, string>> = {
  'html-to-text': './node_modules/html-to-text/lib/html-to-text.cjs',
  // One copy of htmlparser2, the CommonJS one (about 145 KB less in inbound).
  htmlparser2: './node_modules/htmlparser2/dist/commonjs/index.js',
  // Handlebars' compiler require()s source-map only to emit source maps of compiled templates
  // (its `srcName` option, never passed here); without it Handlebars builds the template code
  // with its own string builder (as in its browser build). About 26 KB less in every bundle.
  'source-map': './functions/runtime/no-source-map.cjs',
  // mailparser builds a linkify-it matcher over every top-level domain when loaded, for text
  // links; the core parses with skipTextLinks, so it is never used. About 6 ms less per inbound
  // cold start (the benchmark's references are built with the same aliases: it shows in the
  // absolute times, not in the ratios).
  'linkify-it': './functions/runtime/no-linkify.cjs',
  tlds: './functions/runtime/no-tlds.cjs',
};

/** The bundling settings of every function, as plain data (toEsbuildOptions maps them to esbuild's). */
export const FUNCTION_BUNDLING = {
  format: 'esm',
  platform: 'node',
  target: `node${FUNCTION_NODE_MAJOR}`,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // Bundle the AWS SDK too: the versions we tested ship, not whatever the runtime carries.
  externalModules: [] as string[],
  minify: true,
  // Class and function names are not kept: every error sets its own name (functions/core/errors.ts,
  // checked on a minified build by test/unit/errors/error-names.test.ts), and keeping names cost
  // each bundle about a tenth of its import time.
  keepNames: false,
  sourceMap: false,
  /**
   * Code splitting: every `await import()` becomes a file of its own, loaded when that line first
   * runs, and a cold start reads and compiles only the statically imported files. The functions
   * import lazily what only some invocations need: the prompt renderer (Handlebars, the drafting
   * phrases) and MailComposer, which an empty sweep never uses (actions loads the renderers when
   * its first request builds the wiring, MailComposer when it first sends), and the SDK does the
   * same with its credential providers. In one file V8 still had to read all of it at import.
   */
  splitting: true,
  /** Where the lazily loaded files go, beside the entry (index.mjs). */
  chunkNames: 'chunks/[name]-[hash]',
} as const;

/** The name of each function's entry file. */
const ENTRY_NAME = 'index';
/** The extension of every output file: ESM, whatever package.json says (Lambda reads .mjs as ESM). */
const OUTPUT_EXTENSION = '.mjs';
/** The file each function's bundle starts from. */
export const BUNDLE_OUTPUT_FILE = `${ENTRY_NAME}${OUTPUT_EXTENSION}`;
/** The Lambda handler setting of every function: the `handler` export of the entry file. */
export const FUNCTION_HANDLER = `${ENTRY_NAME}.handler`;

/**
 * The esbuild options of FUNCTION_BUNDLING for one function: bundle `entry` into `outdir`, as
 * index.mjs plus its chunks. The CDK construct (infra/constructs/not-today-function.ts) builds
 * each function's asset with these, and the benchmark and the bundle tests build with the same.
 */
export function toEsbuildOptions(input: { entry: string; outdir: string; absWorkingDir: string }): BuildOptions {
  return {
    entryPoints: { [ENTRY_NAME]: input.entry },
    outdir: input.outdir,
    outExtension: { '.js': OUTPUT_EXTENSION },
    chunkNames: FUNCTION_BUNDLING.chunkNames,
    splitting: FUNCTION_BUNDLING.splitting,
    absWorkingDir: input.absWorkingDir,
    bundle: true,
    format: FUNCTION_BUNDLING.format,
    platform: FUNCTION_BUNDLING.platform,
    target: FUNCTION_BUNDLING.target,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    banner: { js: FUNCTION_BUNDLING.banner },
    external: [...FUNCTION_BUNDLING.externalModules],
    minify: FUNCTION_BUNDLING.minify,
    keepNames: FUNCTION_BUNDLING.keepNames,
    sourcemap: FUNCTION_BUNDLING.sourceMap,
    alias: { ...MODULE_ALIASES },
  };
}
