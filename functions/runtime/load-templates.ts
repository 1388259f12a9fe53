/**
 * Reads the wording of every owner email from disk, once per cold start, and hands it to the
 * core renderer (which does no file I/O). On AWS the CDK stack bundles templates/ and sets
 * TEMPLATES_DIR; locally the repository's templates/ is used.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PrecompiledTemplates } from '../core/rendering/template-set.js';
import {
  findDraftLanguageFolders,
  isDraftLanguageFolderName,
  PRECOMPILED_TEMPLATES_FILE,
  REQUIRED_TEMPLATE_FILES,
  requiredDraftFilesOf,
  TemplateError,
} from '../core/rendering/template-files.js';

/** The repository's templates/ directory (functions/runtime/ -> ../../templates). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
/** Only these files are templates; anything else in the directory (README, backups) is skipped. */
const TEMPLATE_EXTENSION = '.hbs';
/** A template larger than this is a mistake (or not a template). */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** The templates directory to read: `templatesDir` (config's TEMPLATES_DIR) when set, else the repository's templates/. */
export function resolveTemplatesDir(templatesDir?: string): string {
  return templatesDir && templatesDir.trim() !== '' ? templatesDir : DEFAULT_TEMPLATES_DIR;
}

/** Every file that must exist: the required ones, and every draft of each language folder. */
function requiredFilesFor(languages: readonly string[]): string[] {
  return [...REQUIRED_TEMPLATE_FILES, ...[...languages].sort().flatMap(requiredDraftFilesOf)];
}

/** The language folders under drafts/ (templates/drafts/<language>/), read from the directory. */
function listDraftLanguageFolders(dir: string): string[] {
  const draftsDir = join(dir, 'drafts');
  if (!existsSync(draftsDir)) return [];
  return readdirSync(draftsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isDraftLanguageFolderName(entry.name))
    .map((entry) => entry.name);
}

function listTemplateFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listTemplateFiles(path));
    else if (entry.isFile() && entry.name.endsWith(TEMPLATE_EXTENSION)) files.push(path);
  }
  return files;
}

/**
 * Checks, without reading them, that the templates directory holds every required file (and
 * every draft of each language folder under drafts/): a
 * cheap cold-start check for a function that loads the templates only when it needs them
 * (dispatch, when something is due), so a missing file still fails at start.
 * @throws TemplateError as loadTemplates does for a missing directory or file.
 */
export function checkTemplateFiles(templatesDir?: string): void {
  const dir = resolveTemplatesDir(templatesDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new TemplateError(`templates directory not found: ${dir} (set TEMPLATES_DIR to the folder holding the .hbs files)`, dir);
  }
  const missing = requiredFilesFor(listDraftLanguageFolders(dir)).filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new TemplateError(
      `template file${missing.length > 1 ? 's' : ''} missing in ${dir}: ${missing.map((file) => join(dir, file)).join(', ')}`,
      missing[0]!,
    );
  }
}

/**
 * Reads every `*.hbs` file under the templates directory into a record keyed by its path
 * relative to that directory, with forward slashes (e.g. "drafts/thank-you-short.hbs").
 *
 * @param templatesDir the directory to read: pass config's TEMPLATES_DIR when it is set;
 *   omitted or empty, the repository's templates/ is used.
 * @throws TemplateError naming the directory when it does not exist, or the full path of
 *   every required file that is missing.
 */
export function loadTemplates(templatesDir?: string): Record<string, string> {
  const dir = resolveTemplatesDir(templatesDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new TemplateError(`templates directory not found: ${dir} (set TEMPLATES_DIR to the folder holding the .hbs files)`, dir);
  }
  const templates: Record<string, string> = {};
  for (const path of listTemplateFiles(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    const size = statSync(path).size;
    if (size > MAX_TEMPLATE_BYTES) throw new TemplateError(`template ${path} is ${size} bytes, over ${MAX_TEMPLATE_BYTES}`, name);
    templates[name] = readFileSync(path, 'utf8');
  }
  // The files were just listed: the language folders come from their names, not another read.
  const missing = requiredFilesFor(findDraftLanguageFolders(Object.keys(templates))).filter((file) => templates[file] === undefined);
  if (missing.length > 0) {
    throw new TemplateError(
      `template file${missing.length > 1 ? 's' : ''} missing in ${dir}: ${missing.map((file) => join(dir, file)).join(', ')}`,
      missing[0]!,
    );
  }
  return templates;
}

function isPrecompiledRecord(value: unknown): value is PrecompiledTemplates {
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).every(
    (entry: unknown) =>
      !!entry && typeof entry === 'object' && typeof (entry as { source?: unknown }).source === 'string' && !!(entry as { spec?: unknown }).spec && typeof (entry as { spec?: unknown }).spec === 'object',
  );
}

/**
 * Loads the templates compiled at build (PRECOMPILED_TEMPLATES_FILE beside the .hbs files: the
 * CDK bundling writes it into each function that renders mail), so a cold start renders without
 * running Handlebars' compiler. The file is code (Handlebars' compiled templates), so it is
 * looked for only in a TEMPLATES_DIR the deployment names (the bundle's own copy, read-only on
 * Lambda), never in the repository's templates/ that the owner edits: a checkout (the local
 * stack, the tests) compiles from the sources. The renderer uses an entry only when its source
 * is the file read now, so an entry can never render stale wording.
 * @param templatesDir config's TEMPLATES_DIR; unset, blank or the repository's templates/:
 *   undefined, nothing is loaded.
 * @throws TemplateError when the file exists but does not load, or is not such a record: a
 *   broken build, better seen at once than hidden behind a slower cold start.
 */
export async function loadPrecompiledTemplates(templatesDir?: string): Promise<PrecompiledTemplates | undefined> {
  if (!templatesDir || templatesDir.trim() === '' || resolve(templatesDir) === resolve(DEFAULT_TEMPLATES_DIR)) return undefined;
  const file = join(templatesDir, PRECOMPILED_TEMPLATES_FILE);
  if (!existsSync(file)) return undefined;
  let loaded: unknown;
  try {
    loaded = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new TemplateError(`precompiled templates ${file} do not load: ${(error as Error).message}`, PRECOMPILED_TEMPLATES_FILE, { cause: error });
  }
  if (!isPrecompiledRecord(loaded)) throw new TemplateError(`precompiled templates ${file} are not a record of compiled templates`, PRECOMPILED_TEMPLATES_FILE);
  return loaded;
}
