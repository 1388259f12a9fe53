/**
 * Renders the owner's pages from the Handlebars files in templates/pages/ (the runtime reads
 * them from disk and hands in their text; core does no fs).
 *
 * Safety by construction:
 * - every value is written with {{ }} (HTML-escaped); the templates use no triple-stash;
 * - the only inline script is AUTO_SUBMIT_SCRIPT, a constant, and the only inline style is
 *   the styles partial; the Content-Security-Policy allows exactly these two by their
 *   sha256, computed here from the very text the pages embed, so editing the CSS file cannot
 *   desynchronise the policy and no other script can ever run.
 */
import Handlebars from 'handlebars';
import { InvalidInputError } from '../errors.js';
import type { CompileMode } from '../rendering/template-set.js';
import type { PageName, PageView } from './page-views.js';
import { createPageTexts, type PageTexts } from './page-texts.js';
import { buildSecurityHeaders } from './security-headers.js';
import { PAGE_TEMPLATE_NAMES, type PageTemplateSources } from './page-template-names.js';

/**
 * Submits the confirm form for people whose browser runs scripts; link scanners that do not
 * run scripts only ever see the page. Its exact text is hashed into the CSP.
 */
export const AUTO_SUBMIT_SCRIPT =
  'var f=document.getElementById("confirm-form");if(f&&!window.__nt){window.__nt=1;f.submit();}';

// The file names live in a module without Handlebars, so the runtime can read the files
// before it loads the renderer.
export { PAGE_TEMPLATE_NAMES, type PageTemplateName, type PageTemplateSources } from './page-template-names.js';

/** Pages whose view turns on the auto-submit script. */
const AUTO_SUBMIT_PAGES: ReadonlySet<PageName> = new Set(['confirm']);

/** Renders pages and knows the security headers that go with them. */
export interface PageRenderer {
  /** The whole HTML document of a page. */
  renderPage(view: PageView): string;
  /** Security headers for every response (HTML, ICS, plain text alike). */
  readonly securityHeaders: Readonly<Record<string, string>>;
  /** The pages' words from texts.hbs (the page builders in core word the pages with them). */
  readonly texts: PageTexts;
  /** The exact inline texts the CSP allows (exposed for tests). */
  readonly inline: { script: string; style: string };
}

/**
 * Compiles the page templates once (cold start) and returns the renderer. `compile` says when
 * the texts of texts.hbs are compiled (see createPageTexts; the Lambda runtime passes 'lazy').
 */
export function createPageRenderer(sources: PageTemplateSources, options: { compile?: CompileMode } = {}): PageRenderer {
  const texts = createPageTexts(sources.texts, options);
  const handlebars = Handlebars.create();
  if (sources.styles.includes('{{') || sources.styles.includes('</')) {
    throw new InvalidInputError('templates/pages/styles.css must not contain "{{" or "</"');
  }
  handlebars.registerPartial('styles', sources.styles);
  handlebars.registerPartial('auto-submit-script', AUTO_SUBMIT_SCRIPT);
  handlebars.registerPartial('layout', sources.layout);
  const compileOptions = { strict: false, noEscape: false, preventIndent: true } as const;
  const compiled = new Map<PageName, HandlebarsTemplateDelegate>();
  for (const name of PAGE_TEMPLATE_NAMES) {
    if (name === 'layout') continue;
    compiled.set(name, handlebars.compile(sources[name], compileOptions));
  }
  // The inline texts exactly as the layout embeds them, so their hashes match the pages.
  const style = handlebars.compile('{{> styles}}', compileOptions)({});
  const script = handlebars.compile('{{> auto-submit-script}}', compileOptions)({});
  const securityHeaders = Object.freeze(buildSecurityHeaders({ scripts: [script], styles: [style] }));

  return {
    securityHeaders,
    texts,
    inline: { script, style },
    renderPage(view: PageView): string {
      const template = compiled.get(view.page);
      if (!template) throw new InvalidInputError(`no page template for "${view.page}"`);
      return template(
        { ...view, autoSubmit: AUTO_SUBMIT_PAGES.has(view.page) },
        { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
      );
    },
  };
}
