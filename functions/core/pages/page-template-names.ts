/**
 * The template files a page renderer needs, by name (file = `<name>.hbs`, styles = `styles.css`,
 * texts = `texts.hbs`, the pages' words: see page-texts.ts). Apart from page-renderer.ts (which
 * re-exports them) so that reading the files needs no Handlebars.
 */
export const PAGE_TEMPLATE_NAMES = ['layout', 'confirm', 'result', 'edit', 'overview', 'expired', 'message'] as const;
export type PageTemplateName = (typeof PAGE_TEMPLATE_NAMES)[number];
export type PageTemplateSources = Record<PageTemplateName, string> & { styles: string; texts: string };
