/**
 * The prompt renderer: turns a prompt (thank-you, feedback follow-up, check-in, needs-review)
 * into the finished email the owner receives, from the Handlebars files in templates/.
 * Templates are compiled once (at creation, or each on its first use with `compile: 'lazy'`)
 * and rendered many times.
 */
import type { OwnerEmail, PromptRenderer, PromptRenderInput } from '../ports.js';
import { renderDrafts, selectDraftLanguage, type DraftComposer } from './compose-drafts.js';
import { stripControlCharacters, toSingleLine } from './text-safety.js';
import { compileTemplates, type CompileMode, type PrecompiledTemplates } from './template-set.js';
import { buildDraftView, buildPromptView } from './view-model.js';

/** Longest subject line of an owner email, in characters (RFC 5322 recommends 78 per line). */
export const MAX_OWNER_SUBJECT_LENGTH = 140;

/** A PromptRenderer that can also render the drafts alone (for the actions pages). */
export interface NotTodayRenderer extends PromptRenderer, DraftComposer {}

function tidyText(text: string): string {
  return stripControlCharacters(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
}

function tidyHtml(html: string): string {
  return stripControlCharacters(html)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/**
 * Creates the renderer. Throws TemplateError (naming the file) when a template is missing or,
 * when compiled eagerly (the default), does not compile, so a broken template fails at
 * start-up, not in the middle of a send.
 * @param templates every template file, `relative path -> source` (see loadTemplates).
 * @param options.compile 'lazy' compiles each template on its first use (the Lambda runtime:
 *   a cold start pays only for what it renders); see CompileMode.
 * @param options.precompiled templates compiled at build (see precompileTemplates): used for
 *   every unit whose source is unchanged, so a cold start skips Handlebars' compiler.
 */
export function createPromptRenderer(
  templates: Readonly<Record<string, string>>,
  options: { compile?: CompileMode; precompiled?: PrecompiledTemplates } = {},
): NotTodayRenderer {
  const compiled = compileTemplates(templates, options.compile, options.precompiled);
  return {
    renderPrompt(input: PromptRenderInput): OwnerEmail {
      // The owner email is in English; its drafts are in the contact's draft language.
      const ownerView = buildDraftView(input, 'en');
      const language = selectDraftLanguage(compiled, input);
      const draftView = language === 'en' ? ownerView : buildDraftView(input, language);
      const view = { ...buildPromptView(input, ownerView, language), drafts: renderDrafts(compiled, draftView) };
      const email = compiled.emails[input.prompt];
      return {
        subject: toSingleLine(email.subject(view), MAX_OWNER_SUBJECT_LENGTH),
        text: tidyText(email.text(view)),
        html: tidyHtml(email.html(view)),
      };
    },
    composeDrafts(input) {
      return renderDrafts(compiled, buildDraftView(input, selectDraftLanguage(compiled, input)));
    },
  };
}
