/**
 * What a function that renders mail carries beside its code: a copy of templates/, and the same
 * templates compiled at build (PRECOMPILED_TEMPLATES_FILE), so its cold start renders without
 * running Handlebars' compiler. ONE function for the CDK construct and the benchmark, so the
 * benchmark measures what is deployed. No aws-cdk-lib import here.
 */
import { transformSync } from 'esbuild';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRECOMPILED_TEMPLATES_FILE } from '../functions/core/rendering/template-files.js';
import { precompileTemplates } from '../functions/core/rendering/template-set.js';
import { loadTemplates } from '../functions/runtime/load-templates.js';
import { FUNCTION_BUNDLING } from './bundling-options.js';

/**
 * Copies `templatesSource` to `targetDir` and writes the compiled templates beside the copy,
 * minified for the functions' Node target.
 * @throws TemplateError naming a missing or broken template: a broken template fails the build
 *   (cdk synth), not a cold start.
 */
export function writeBundledTemplates(templatesSource: string, targetDir: string): void {
  // The compiled units are made from what loadTemplates reads: the very record the runtime
  // compares them with (a template must be unchanged to be used compiled).
  const sources = loadTemplates(templatesSource);
  cpSync(templatesSource, targetDir, { recursive: true });
  writeFileSync(join(targetDir, PRECOMPILED_TEMPLATES_FILE), compiledModuleOf(sources));
}

/** The last compiled module, by its sources: every function of a synth carries the same one. */
let lastCompiled: { sources: string; moduleText: string } | null = null;

/** The minified module of compiled templates for these sources, compiled once for a synth's functions. */
function compiledModuleOf(sources: Readonly<Record<string, string>>): string {
  const key = JSON.stringify(sources);
  if (lastCompiled?.sources !== key) {
    const moduleText = precompileTemplates(sources);
    const minified = transformSync(moduleText, { loader: 'js', format: 'esm', minify: true, target: FUNCTION_BUNDLING.target, charset: 'utf8' }).code;
    lastCompiled = { sources: key, moduleText: minified };
  }
  return lastCompiled.moduleText;
}
