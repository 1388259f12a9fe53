/**
 * The words of the owner's pages, read from templates/pages/texts.hbs: one Handlebars inline
 * partial per text (`{{#*inline "forbidden-title"}}Link not valid{{/inline}}`), so a user can
 * reword every page in one file, the way the emails are worded in templates/.
 *
 * Core still decides WHICH text a page shows and computes the values (names, dates in the
 * owner's time zone); the file only holds the words around them.
 *
 * Escaping: a text is rendered into a plain string (values inserted as they are), and that
 * string reaches the HTML only through the page templates' `{{ }}`, which HTML-escape it
 * whole. So a value from an inbound email stays escaped exactly once, whatever the wording.
 * Calendar texts go out as text/plain.
 */
import Handlebars from 'handlebars';
import { TemplateError } from '../rendering/template-files.js';
import type { CompileMode } from '../rendering/template-set.js';

/** The texts file, relative to the templates directory. */
export const PAGE_TEXTS_FILE = 'pages/texts.hbs';

/** Every text the pages use. A missing one stops the function at cold start, named. */
export const PAGE_TEXT_NAMES = [
  // Message pages (errors and notices): title (browser tab), eyebrow (small label), heading, message.
  ...(['forbidden', 'expired-owner-wide', 'not-found', 'contact-gone', 'bad-request', 'method-not-allowed', 'busy', 'failed'] as const).flatMap(
    (page) => [`${page}-title`, `${page}-eyebrow`, `${page}-heading`, `${page}-message`] as const,
  ),
  // The confirm page's button, per action.
  'button-sent',
  'button-replied',
  'button-snooze-1w',
  'button-snooze-1m',
  'button-snooze-3m',
  'button-stop',
  'button-resume',
  'button-ignore',
  'button-track',
  // Confirm / result pages around the use cases' sentences.
  'already-done-heading',
  'not-applicable-title',
  'not-applicable-eyebrow',
  'not-applicable-heading',
  'nothing-changed-eyebrow',
  'done-headline',
  // Expired link and "send me a fresh email".
  'expired-title',
  'expired-eyebrow',
  'expired-heading',
  'expired-explanation',
  'resend-title',
  'resend-eyebrow',
  'resend-heading',
  'resend-explanation',
  'resent-title',
  'resent-eyebrow',
  'resent-heading',
  'resent-message',
  'resent-recently-heading',
  'resent-recently-message',
  // Calendar feed answers (text/plain).
  'calendar-expired',
  'calendar-invalid',
  'calendar-unavailable',
  // Labels of statuses, prompts and actions (overview and fix-details pages).
  ...(['active', 'snoozed', 'stopped', 'quiet', 'needs-review', 'ignored'] as const).map((status) => `status-${status}` as const),
  ...(['thank-you', 'feedback-follow-up', 'check-in', 'needs-review'] as const).map((prompt) => `prompt-${prompt}` as const),
  ...(
    ['sent', 'replied', 'snooze-1w', 'snooze-1m', 'snooze-3m', 'stop', 'resume', 'ignore', 'track', 'edit', 'overview', 'calendar', 'resend'] as const
  ).map((action) => `action-${action}` as const),
  // The overview page.
  'overview-title',
  'overview-summary',
  'overview-empty',
  'overview-last-action',
  'overview-last-sent',
  'overview-next',
  'overview-none-until-resume',
  'overview-unknown-company',
  // The fix-details page: title, fields, choices, draft preview.
  'edit-title',
  'edit-company',
  'edit-contact-name',
  'edit-contact-name-hint',
  'edit-contact-email',
  'edit-role',
  'edit-role-hint',
  'edit-notes',
  'edit-notes-hint',
  'edit-cadence',
  'edit-status',
  'edit-language',
  'edit-draft-label',
  'edit-draft-explanation',
  ...(['default', 'monthly', 'quarterly', 'half-yearly', 'never'] as const).map((cadence) => `cadence-${cadence}` as const),
  ...(['active', 'snoozed', 'stopped', 'quiet', 'needs-review', 'ignored'] as const).map((status) => `status-choice-${status}` as const),
  'status-choice-now',
  'edit-error-too-long',
  'edit-error-address-too-long',
  'edit-error-address',
  'edit-error-notes-too-long',
  'edit-error-cadence',
  'edit-error-language',
  'edit-error-status',
  // The sentences of the actions (use-cases/perform-action.ts): question, result, what next, undo.
  ...(['sent', 'replied', 'snooze', 'stop', 'resume', 'ignore', 'track'] as const).flatMap(
    (action) => [`question-${action}`, `done-${action}`] as const,
  ),
  'nothing-changed-title',
  'already-done-message',
  'already-done-effect',
  'owner-wide-calendar',
  'owner-wide-overview',
  'resend-question',
  'edit-question',
  'effect-next',
  ...(['thank-you', 'feedback-follow-up', 'check-in', 'needs-review'] as const).map((prompt) => `next-${prompt}` as const),
  'effect-stopped',
  'effect-quiet',
  'effect-ignored',
  'effect-needs-review',
  'effect-none',
  ...(['snooze', 'stop', 'resume', 'ignore', 'track'] as const).map((action) => `undo-${action}` as const),
] as const;

export type PageTextName = (typeof PAGE_TEXT_NAMES)[number];

/** Values a text may use, e.g. `{{who}}` (numbers for counts, booleans for `{{#if}}`). */
export type PageTextValues = Readonly<Record<string, string | number | boolean>>;

/** The pages' words. */
export interface PageTexts {
  /** The text `name` with its values filled in (plain text: the page templates escape it). */
  say(name: PageTextName, values?: PageTextValues): string;
}

/** Comments of texts.hbs (long and short form); they may mention `{{#*inline}}` themselves. */
const COMMENTS = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;
/** One text: `{{#*inline "name"}}words{{/inline}}`. */
const TEXT_BLOCKS = /\{\{#\*inline\s+"([^"]+)"\s*\}\}([\s\S]*?)\{\{\/inline\}\}/g;

/**
 * Reads the texts of texts.hbs and compiles each, now ('eager', the default: a text that does
 * not compile or render is named at once) or on its first use ('lazy': what the Lambda
 * runtime does, as for the emails, so a cold start does not pay for every text). Finding
 * the texts is a plain scan either way, so a missing or doubled text is always named at
 * creation. Line breaks (with the indentation around them) inside a text read as one
 * space, so a long text may span several lines; the ends are trimmed.
 */
export function createPageTexts(source: string, options: { compile?: CompileMode } = {}): PageTexts {
  const handlebars = Handlebars.create();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [, name, body] of source.replace(COMMENTS, '').matchAll(TEXT_BLOCKS)) {
    const text = (body as string).replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();
    if (compiled.has(name as string)) throw new TemplateError(`${PAGE_TEXTS_FILE} defines "${name}" twice`, PAGE_TEXTS_FILE);
    compiled.set(name as string, handlebars.compile(text, { noEscape: true, strict: false }));
  }
  const missing = PAGE_TEXT_NAMES.filter((name) => !compiled.has(name));
  if (missing.length > 0) {
    throw new TemplateError(`${PAGE_TEXTS_FILE} lacks the text(s): ${missing.join(', ')}`, PAGE_TEXTS_FILE);
  }
  if ((options.compile ?? 'eager') === 'eager') {
    // Render each text once now (Handlebars compiles on first render), so a text that cannot
    // render (bad syntax, an unknown helper or partial) is named here, not on a page.
    for (const [name, template] of compiled) {
      try {
        template({});
      } catch (error) {
        throw new TemplateError(`${PAGE_TEXTS_FILE}: the text "${name}" cannot be rendered: ${(error as Error).message}`, PAGE_TEXTS_FILE, {
          cause: error,
        });
      }
    }
  }
  return {
    say(name, values = {}) {
      const template = compiled.get(name) as HandlebarsTemplateDelegate;
      return template({ ...values }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
  };
}
