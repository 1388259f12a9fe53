/**
 * What keeps the handler bundles light at cold start, checked on the bundles CDK deploys (the
 * settings of infra/bundling-options.ts, esbuild in-process, nothing written, no sockets):
 * validation uses zod's tree-shakable API (zod/mini), never the classic API that carries all of
 * zod; and html-to-text and htmlparser2 are bundled once (their CommonJS builds), not once per module format.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toEsbuildOptions } from '../../../infra/bundling-options.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Classic zod's own modules (zod/mini shares zod/v4/core, which is fine). */
const CLASSIC_ZOD = 'node_modules/zod/v4/classic/';
/** Far above what the handlers' schemas need from zod/mini (about 40 KB), far below classic zod (about 460 KB). */
const MAX_ZOD_BYTES = 100 * 1024;

/** The inputs that put bytes into a handler's deployed bundle, with their byte counts. */
async function bundledInputsOf(handlerName: string): Promise<Record<string, number>> {
  const result = await build({
    ...toEsbuildOptions({
      entry: `functions/handlers/${handlerName}.ts`,
      outfile: `/tmp/not-today-bundle-weight/${handlerName}/index.mjs`,
      absWorkingDir: REPO_ROOT,
    }),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.fromEntries(
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path, input]) => [path, input.bytesInOutput]),
  );
}

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
