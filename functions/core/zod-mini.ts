/**
 * zod for the functions: zod 4's tree-shakable functional API (`zod/mini`), with the English
 * messages classic zod shows by default (mini ships none: without them every problem would
 * read "Invalid input"). Import it as `import * as z from '<path>/core/zod-mini.js'`.
 *
 * Why mini: the Lambda bundles import every module at cold start. Classic zod carries its
 * whole method-chaining API (about 460 KB minified) whatever a schema uses; with mini the
 * bundle keeps only the schemas and checks named here (about 30 KB) and imports in a fraction
 * of the time. Same package, same core, same messages: `z.string().min(1)` becomes
 * `z.string().check(z.minLength(1))`, `.optional()` becomes `z.optional(...)`,
 * `.default(v)` becomes `z._default(..., v)`, `.transform(f)` becomes
 * `z.pipe(..., z.transform(f))` and `.refine(f, message)` becomes `.check(z.refine(f, message))`.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export * from 'zod/mini';

/**
 * A schema (or anything) built on its first use and kept: `const schemaOf = onFirstUse(() =>
 * z.object(...))`, then `schemaOf().safeParse(value)`. Why: a Lambda bundle evaluates every
 * module it carries when it is imported, and building zod schemas there is import time paid
 * before the first request; built on first use it is paid by the invocation that needs it.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
