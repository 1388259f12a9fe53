/**
 * The inputs of the understanding benchmark, generated from the project's own fixtures only
 * (test/fixtures/eml/forwards and local/samples; never ../shared): each fixture as it is, and
 * the original found inside each fixture re-wrapped in every forward style of
 * test/support/build-forward.ts (the wrapping code the evaluation uses: Gmail text+HTML,
 * Outlook HTML only, Apple Mail text, attachment rfc822, Gmail with the owner's note on top,
 * and the original sent directly), in as many variants (message id, date) as the size asks.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findOriginal } from '../../functions/core/understanding/find-original.js';
import { parseMime } from '../../functions/core/understanding/parse-mime.js';
import { buildForward, DEFAULT_OWNER, FORWARD_STYLES, type ForwardStyleName, type OriginalSpec } from '../../test/support/build-forward.js';
import { REPO_ROOT } from '../support/paths.js';

/** Fixture folders the inputs come from. */
export const FIXTURE_DIRS = ['test/fixtures/eml/forwards', 'local/samples'];
/** Every style the builder knows, the direct original included. */
export const BENCH_STYLES: readonly ForwardStyleName[] = [...FORWARD_STYLES, 'direct'];
/** Owner addresses of the fixtures (the builder's owner and the samples' default owner). */
export const FIXTURE_OWNER_ADDRESSES = [DEFAULT_OWNER.email, 'you@example.com'];
const MILLISECONDS_PER_DAY = 86_400_000;

export interface BenchMessage {
  /** Where it came from: "<fixture>:<style>#<variant>" or "<fixture>:as-is". */
  label: string;
  style: string;
  raw: Buffer;
}

async function listEml(dir: string): Promise<string[]> {
  const entries = await readdir(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.eml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface FixtureOriginal {
  name: string;
  raw: Buffer;
  original: OriginalSpec | null;
}

/** Reads each fixture and the original inside it (core code, used here only to build inputs). */
async function readFixtures(): Promise<FixtureOriginal[]> {
  const files = (await Promise.all(FIXTURE_DIRS.map(listEml))).flat();
  const fixtures: FixtureOriginal[] = [];
  for (const file of files) {
    const raw = await readFile(file);
    const name = file.slice(REPO_ROOT.length);
    const found = await findOriginal(await parseMime(raw), { ownerAddresses: FIXTURE_OWNER_ADDRESSES });
    const original =
      found.found && found.original.from.address && found.original.text.trim()
        ? {
            fromName: found.original.from.name,
            fromEmail: found.original.from.address,
            subject: found.original.subject ?? '(no subject)',
            body: found.original.text,
          }
        : null;
    fixtures.push({ name, raw, original });
  }
  return fixtures;
}

/** The originals found inside the project's fixtures (for the end-to-end benchmark too). */
export async function loadFixtureOriginals(): Promise<{ name: string; original: OriginalSpec }[]> {
  return (await readFixtures()).flatMap((fixture) => (fixture.original ? [{ name: fixture.name, original: fixture.original }] : []));
}

/**
 * About `target` messages: the fixtures as they are, then every fixture's original in every
 * style, variant after variant, until the target is reached.
 */
export async function generateForwards(target: number): Promise<{ messages: BenchMessage[]; fixtures: number; originals: number }> {
  const fixtures = await readFixtures();
  const messages: BenchMessage[] = fixtures.map((fixture) => ({ label: `${fixture.name}:as-is`, style: 'fixture as-is', raw: fixture.raw }));
  const originals = fixtures.filter((fixture) => fixture.original !== null);
  if (originals.length === 0) throw new Error('no fixture yielded an original to wrap');
  for (let variant = 0; messages.length < target; variant += 1) {
    for (const fixture of originals) {
      for (const style of BENCH_STYLES) {
        if (messages.length >= target) break;
        const spec: OriginalSpec = {
          ...fixture.original!,
          messageId: `<bench-${variant}-${messages.length}@fixtures.not-today.invalid>`,
          date: new Date(Date.UTC(2026, 0, 5) + variant * MILLISECONDS_PER_DAY),
        };
        messages.push({ label: `${fixture.name}:${style}#${variant}`, style, raw: await buildForward(style, spec, DEFAULT_OWNER) });
      }
    }
  }
  return { messages, fixtures: fixtures.length, originals: originals.length };
}
