/**
 * The deployed bundles replace some packages by stand-ins (infra/bundling-options.ts,
 * MODULE_ALIASES): linkify-it and tlds, which mailparser loads for text links the core turns off.
 * This builds the MIME reading the way the functions are bundled, runs it on every project
 * fixture, and checks it reads each exactly as the unbundled code does.
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULE_ALIASES, toEsbuildOptions } from '../../../infra/bundling-options.js';
import { parseMime } from '../../../functions/core/understanding/parse-mime.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE_ROOTS = [join(REPO_ROOT, 'test/fixtures/eml'), join(REPO_ROOT, 'local/samples')];

type ParseMime = typeof parseMime;

/** parseMime from a bundle built with the functions' options (aliases included). */
async function bundledParseMime(): Promise<ParseMime> {
  const dir = mkdtempSync(join(tmpdir(), 'not-today-bundled-parsing-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { parseMime } from ${JSON.stringify(join(REPO_ROOT, 'functions/core/understanding/parse-mime.ts'))};\n`);
  await build({ ...toEsbuildOptions({ entry, outdir: join(dir, 'out'), absWorkingDir: REPO_ROOT }), logLevel: 'silent' });
  const module = (await import(pathToFileURL(join(dir, 'out', 'index.mjs')).href)) as { parseMime: ParseMime };
  return module.parseMime;
}

async function readFixtures(): Promise<{ file: string; raw: Buffer }[]> {
  const fixtures: { file: string; raw: Buffer }[] = [];
  for (const root of FIXTURE_ROOTS) {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.eml'))) {
      const file = join(entry.parentPath, entry.name);
      fixtures.push({ file, raw: await readFile(file) });
    }
  }
  return fixtures;
}

/** What parseMime made of a message, or the error it threw, as comparable data. */
async function readWith(parse: ParseMime, raw: Buffer): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await parse(raw)));
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

describe('MIME reading in the deployed bundles', () => {
  it('stands in for linkify-it and tlds', () => {
    // Assess
    expect(MODULE_ALIASES['linkify-it']).toMatch(/no-linkify\.cjs$/);
    expect(MODULE_ALIASES['tlds']).toMatch(/no-tlds\.cjs$/);
  });

  it('reads every fixture exactly as the unbundled code does', async () => {
    // Prepare
    const bundled = await bundledParseMime();
    const fixtures = await readFixtures();

    // Act
    const differences: string[] = [];
    for (const { file, raw } of fixtures) {
      const [expected, got] = [await readWith(parseMime, raw), await readWith(bundled, raw)];
      if (JSON.stringify(expected) !== JSON.stringify(got)) differences.push(file);
    }

    // Assess
    expect(fixtures.length).toBeGreaterThan(50);
    expect(differences).toEqual([]);
  }, 60_000);
});
