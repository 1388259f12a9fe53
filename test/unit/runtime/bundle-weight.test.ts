/**
 * What keeps the handler bundles light at cold start, checked on the bundles CDK deploys (the
 * settings of infra/bundling-options.ts, esbuild in-process, nothing written, no sockets):
 * validation uses zod's tree-shakable API (zod/mini), never the classic API that carries all of
 * zod; and html-to-text and htmlparser2 are bundled once (their CommonJS builds), not once per module format.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entryOutputOf, inputBytesOf, staticClosureOf, type BundleOutputs } from '../../../bench/cold-start/bundle-metafile.js';
import { toEsbuildOptions } from '../../../infra/bundling-options.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Classic zod's own modules (zod/mini shares zod/v4/core, which is fine). */
const CLASSIC_ZOD = 'node_modules/zod/v4/classic/';
/** Far above what the handlers' schemas need from zod/mini (about 40 KB), far below classic zod (about 460 KB). */
const MAX_ZOD_BYTES = 100 * 1024;

/** Each handler's deployed bundle, built once (in memory) and shared by the tests below. */
const builds = new Map<string, Promise<{ outputs: BundleOutputs; entry: string }>>();

function buildHandler(handlerName: string): Promise<{ outputs: BundleOutputs; entry: string }> {
  let built = builds.get(handlerName);
  if (!built) {
    built = build({
      ...toEsbuildOptions({ entry: `functions/handlers/${handlerName}.ts`, outdir: `/tmp/not-today-bundle-weight/${handlerName}`, absWorkingDir: REPO_ROOT }),
      write: false,
      metafile: true,
      logLevel: 'silent',
    }).then((result) => {
      const outputs = result.metafile.outputs;
      return { outputs, entry: entryOutputOf(outputs, `functions/handlers/${handlerName}.ts`) };
    });
    builds.set(handlerName, built);
  }
  return built;
}

/** The inputs that put bytes into a handler's deployed bundle (all its files), with their byte counts. */
async function bundledInputsOf(handlerName: string): Promise<Record<string, number>> {
  return inputBytesOf((await buildHandler(handlerName)).outputs);
}

/** The inputs in the files a cold start loads (index.mjs and its static imports), and in the rest. */
async function importedAndLazyInputsOf(handlerName: string): Promise<{ imported: Set<string>; lazy: Set<string> }> {
  const { outputs, entry } = await buildHandler(handlerName);
  const loaded = staticClosureOf(outputs, entry);
  const rest = Object.keys(outputs).filter((file) => !loaded.includes(file));
  return { imported: new Set(Object.keys(inputBytesOf(outputs, loaded))), lazy: new Set(Object.keys(inputBytesOf(outputs, rest))) };
}

const HANDLEBARS = 'node_modules/handlebars/';
/** nodemailer's MailComposer (its ESM build under dist/esm, or lib/ for CommonJS). */
const MAIL_COMPOSER = '/mail-composer/index.js';
const hasInput = (inputs: Set<string>, fragment: string) => [...inputs].some((path) => path.includes(fragment));

describe('what a cold start loads (code splitting)', () => {
  it('dispatch loads neither Handlebars nor MailComposer at import: an empty sweep never needs them', async () => {
    // Act
    const { imported, lazy } = await importedAndLazyInputsOf('dispatch');

    // Assess
    expect(hasInput(imported, HANDLEBARS)).toBe(false);
    expect(hasInput(imported, MAIL_COMPOSER)).toBe(false);
    expect(hasInput(lazy, HANDLEBARS)).toBe(true);
    expect(hasInput(lazy, MAIL_COMPOSER)).toBe(true);
  });

  it('actions loads MailComposer only when it sends (a fresh link, a corrected draft)', async () => {
    // Act
    const { imported, lazy } = await importedAndLazyInputsOf('actions');

    // Assess
    expect(hasInput(imported, MAIL_COMPOSER)).toBe(false);
    expect(hasInput(lazy, MAIL_COMPOSER)).toBe(true);
  });
});

describe('handler bundle weight', () => {
  it.each(['inbound', 'dispatch', 'actions'])('%s carries zod/mini only, not classic zod', async (handlerName) => {
    // Act
    const inputs = await bundledInputsOf(handlerName);

    // Assess
    const zodPaths = Object.keys(inputs).filter((path) => path.includes('node_modules/zod/'));
    const zodBytes = zodPaths.reduce((sum, path) => sum + inputs[path]!, 0);
    expect(zodPaths.some((path) => path.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(zodPaths.filter((path) => path.includes(CLASSIC_ZOD))).toEqual([]);
    expect(zodBytes).toBeLessThan(MAX_ZOD_BYTES);
  });

  it('inbound carries one build of html-to-text (the CommonJS one mailparser requires)', async () => {
    // Act
    const inputs = await bundledInputsOf('inbound');

    // Assess
    const builds = Object.keys(inputs).filter((path) => /node_modules\/html-to-text\/lib\/html-to-text\.(c|m)?js$/.test(path));
    expect(builds).toEqual(['node_modules/html-to-text/lib/html-to-text.cjs']);
  });

  it('inbound carries no linkify-it or tlds (mailparser loads them for text links, which the core turns off)', async () => {
    // Act
    const inputs = await bundledInputsOf('inbound');

    // Assess
    const paths = Object.keys(inputs);
    expect(paths.filter((path) => path.includes('node_modules/linkify-it/') || path.includes('node_modules/tlds/'))).toEqual([]);
    expect(paths).toContain('functions/runtime/no-linkify.cjs');
  });

  it('inbound carries one build of htmlparser2 (the core\'s HTML walker and html-to-text share it)', async () => {
    // Act
    const inputs = await bundledInputsOf('inbound');

    // Assess
    const builds = new Set(
      Object.keys(inputs)
        .map((path) => /node_modules\/htmlparser2\/dist\/(commonjs|esm)\//.exec(path)?.[1])
        .filter((build) => build !== undefined),
    );
    expect([...builds]).toEqual(['commonjs']);
  });
});
