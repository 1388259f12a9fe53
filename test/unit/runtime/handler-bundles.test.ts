/**
 * Cold start stays lean: each handler is bundled the way the CDK stack bundles it (esbuild,
 * ESM, node) and the modules that end up in its output are listed. Dispatch and actions must
 * not carry the email-understanding code (mailparser and friends), and only inbound needs S3.
 * No sockets: esbuild runs in-process on the sources.
 */
import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The input files that contribute bytes to the handler's bundle. */
async function bundledInputsOf(handlerName: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [`functions/handlers/${handlerName}.ts`],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'][string][] = Object.values(result.metafile.outputs);
  return outputs.flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
}

const includes = (inputs: string[], fragment: string): boolean => inputs.some((path) => path.includes(fragment));

describe('handler bundles', () => {
  it('inbound carries the understanding code and the S3 client (it reads raw mail)', async () => {
    // Prepare
    const handlerName = 'inbound';

    // Act
    const inputs = await bundledInputsOf(handlerName);

    // Assess
    expect(includes(inputs, 'node_modules/mailparser/')).toBe(true);
    expect(includes(inputs, 'functions/core/understanding/')).toBe(true);
    expect(includes(inputs, 'node_modules/@aws-sdk/client-s3/')).toBe(true);
  });

  it.each(['dispatch', 'actions'])('%s carries no mailparser, no understanding code and no S3 client', async (handlerName) => {
    // Prepare
    const heavy = ['node_modules/mailparser/', 'functions/core/understanding/', 'node_modules/@aws-sdk/client-s3/'];

    // Act
    const inputs = await bundledInputsOf(handlerName);

    // Assess
    expect(inputs.length).toBeGreaterThan(0);
    expect(heavy.filter((fragment) => includes(inputs, fragment))).toEqual([]);
  });
});
