/**
 * How every Lambda function is bundled, in ONE place: the CDK house construct
 * (infra/constructs/not-today-function.ts) hands these settings to NodejsFunction, and the
 * benchmark (bench/) hands the same settings to esbuild's JS API, so the bundle it measures is
 * the bundle CDK deploys. Plain data and a mapping function: no aws-cdk-lib import here, so the
 * benchmark does not load CDK.
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
 * The Node.js major version the functions run on. Must match the construct's FUNCTION_RUNTIME
 * (NODEJS_24_X); CDK would derive the same esbuild target from the runtime.
 */
export const FUNCTION_NODE_MAJOR = 24;

/**
 * Module aliases (esbuild `--alias`, paths relative to the repository root, where CDK runs
 * esbuild). A package reached both by `require()` (its CommonJS build) and by `import` (its ESM
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
};

/** The bundling settings of every function (NodejsFunction `bundling` props, as plain data). */
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
  /** NodejsFunction's `esbuildArgs`: CDK passes `--alias` entries as `--alias:<name>=<path>`. */
  esbuildArgs: { '--alias': Object.entries(MODULE_ALIASES).map(([name, path]) => `${name}=${path}`) },
} as const;

/** The file NodejsFunction writes for an ESM bundle (index.mjs; index.js for CommonJS). */
export const BUNDLE_OUTPUT_FILE = 'index.mjs';

/**
 * The esbuild options NodejsFunction's local bundling passes on its command line for
 * FUNCTION_BUNDLING (`esbuild --bundle <entry> --target --platform --format --outfile
 * --minify --banner:js --main-fields --alias:<name>=<path>`), for esbuild's JS API.
 */
export function toEsbuildOptions(input: { entry: string; outfile: string; absWorkingDir: string }): BuildOptions {
  return {
    entryPoints: [input.entry],
    outfile: input.outfile,
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
