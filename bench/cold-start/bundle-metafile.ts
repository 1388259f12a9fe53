/**
 * Readings of an esbuild metafile for the benchmark and the bundle tests: which output is the
 * entry, which files a cold start loads, and how many bytes each input puts into them.
 */
import type { Metafile } from 'esbuild';

/** An esbuild metafile's outputs. */
export type BundleOutputs = Metafile['outputs'];

/**
 * The path of the output file built from `entry` (as esbuild records it: relative to the build's
 * working directory). Lazily imported chunks are entry points too, so the entry is named.
 */
export function entryOutputOf(outputs: BundleOutputs, entry: string): string {
  const path = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === entry);
  if (!path) throw new Error(`esbuild wrote no output for the entry ${entry}`);
  return path;
}

/** The bytes each input puts into the given output files (all of them by default), inputs with none left out. */
export function inputBytesOf(outputs: BundleOutputs, files: readonly string[] = Object.keys(outputs)): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const file of files) {
    for (const [path, input] of Object.entries(outputs[file]?.inputs ?? {})) {
      if (input.bytesInOutput > 0) bytes[path] = (bytes[path] ?? 0) + input.bytesInOutput;
    }
  }
  return bytes;
}

/**
 * The output files a cold start loads before the handler can run: the entry and everything it
 * imports statically, transitively (lazily imported chunks excluded). Paths as in `outputs`.
 */
export function staticClosureOf(outputs: BundleOutputs, entryPath: string): string[] {
  const seen = new Set<string>([entryPath]);
  const pending = [entryPath];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const imported of outputs[current]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external || seen.has(imported.path) || !outputs[imported.path]) continue;
      seen.add(imported.path);
      pending.push(imported.path);
    }
  }
  return [...seen];
}
