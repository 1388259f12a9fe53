/**
 * The actions function's wiring: the shared delivery ports (container.ts: repository, mailer,
 * prompt renderer, signer, clock, ids, log, owner), the draft composer (the prompt renderer
 * is one) and the page renderer compiled from templates/pages/. Built once per cold start;
 * the renderer's module (Handlebars) is loaded then, not when the handler is imported.
 * Imports no email-understanding code and no S3 client (see container.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageRenderer } from '../core/pages/page-renderer.js';
import { PAGE_TEMPLATE_NAMES, type PageTemplateSources } from '../core/pages/page-template-names.js';
import type { PageDeps } from '../core/pages/link-pages.js';
import { TemplateError } from '../core/rendering/template-files.js';
import { buildDeliverDeps, memoizeAsync } from './container.js';
import type { Config } from './config.js';
import { resolveTemplatesDir } from './load-templates.js';

/** The pages' folder inside the templates directory. */
export const PAGE_TEMPLATES_SUBDIR = 'pages';
/** The pages' one stylesheet (inlined into every page and allowed by its CSP hash). */
export const PAGE_STYLES_FILE = 'styles.css';
/** The pages' words (titles, messages, buttons, calendar answers), one inline partial each. */
export const PAGE_TEXTS_FILE_NAME = 'texts.hbs';

/** What the actions handler needs. */
export interface ActionsHandlerDeps {
  pages: PageDeps;
  renderer: PageRenderer;
}

/**
 * Reads templates/pages/ (TEMPLATES_DIR when set), naming any missing file; a text missing
 * from texts.hbs is named when the renderer is created (createPageRenderer), also at cold start.
 */
export function loadPageTemplates(templatesDir?: string): PageTemplateSources {
  const root = resolveTemplatesDir(templatesDir);
  const dir = join(root, PAGE_TEMPLATES_SUBDIR);
  const read = (file: string): string => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      throw new TemplateError(`page template missing: ${join(dir, file)}`, `${PAGE_TEMPLATES_SUBDIR}/${file}`, { cause: error });
    }
  };
  const sources = { styles: read(PAGE_STYLES_FILE), texts: read(PAGE_TEXTS_FILE_NAME) } as PageTemplateSources;
  for (const name of PAGE_TEMPLATE_NAMES) sources[name] = read(`${name}.hbs`);
  return sources;
}

/**
 * Builds the actions wiring for one configuration (the process's config by default).
 * `requestBaseUrl` (https://<host the request came to>) stands in for ACTIONS_BASE_URL,
 * which the deployed actions function cannot be given (it would name its own URL).
 */
export async function buildActionsHandlerDeps(config?: Config, requestBaseUrl?: string): Promise<ActionsHandlerDeps> {
  const deliver = await buildDeliverDeps(config, requestBaseUrl);
  // Handlebars is loaded here, not when the handler is imported (as buildPromptRenderer does).
  const { createPageRenderer } = await import('../core/pages/page-renderer.js');
  // Lazy: each text of texts.hbs compiles on its first use (the names are still checked now).
  const renderer = createPageRenderer(loadPageTemplates(deliver.config.TEMPLATES_DIR), { compile: 'lazy' });
  return {
    pages: { ...deliver, drafts: deliver.renderer, texts: renderer.texts },
    renderer,
  };
}

let requestBaseUrlOfColdStart: string | undefined;
const loadActionsHandlerDepsOnce = memoizeAsync(() => buildActionsHandlerDeps(undefined, requestBaseUrlOfColdStart));

/**
 * The process's actions wiring, built once per cold start. The first request's host gives the
 * base URL when ACTIONS_BASE_URL is unset (a Function URL's host never changes).
 */
export function loadActionsHandlerDeps(requestBaseUrl?: string): Promise<ActionsHandlerDeps> {
  requestBaseUrlOfColdStart ??= requestBaseUrl;
  return loadActionsHandlerDepsOnce();
}
