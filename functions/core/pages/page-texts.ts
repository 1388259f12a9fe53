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

/**
 * Reads the inline partials of texts.hbs and compiles each. Line breaks (with the indentation
 * around them) inside a text read as one space, so a long text may span several lines.
 * Throws a TemplateError naming the texts that are missing, defined twice or cannot render.
 */
export function createPageTexts(source: string): PageTexts {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(`${PAGE_TEXTS_FILE} does not parse: ${(error as Error).message}`, PAGE_TEXTS_FILE, { cause: error });
  }
  const handlebars = Handlebars.create();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const statement of program.body) {
    if (statement.type !== 'DecoratorBlock') continue;
    const block = statement as unknown as hbs.AST.BlockStatement; // a DecoratorBlock has a block's shape
    const param = block.params[0] as hbs.AST.StringLiteral | undefined;
    if ((block.path as hbs.AST.PathExpression).original !== 'inline' || param?.type !== 'StringLiteral') continue;
    if (compiled.has(param.value)) {
      throw new TemplateError(`${PAGE_TEXTS_FILE} defines "${param.value}" twice`, PAGE_TEXTS_FILE);
    }
    compiled.set(param.value, handlebars.compile(joinLines(block.program), { noEscape: true, strict: false }));
  }
  const missing = PAGE_TEXT_NAMES.filter((name) => !compiled.has(name));
  if (missing.length > 0) {
    throw new TemplateError(`${PAGE_TEXTS_FILE} lacks the text(s): ${missing.join(', ')}`, PAGE_TEXTS_FILE);
  }
  // Render each text once now, so a text that cannot render (an unknown helper or partial)
  // stops the function at cold start, named, instead of breaking a page (or the error page).
  for (const [name, template] of compiled) {
    try {
      template({});
    } catch (error) {
      throw new TemplateError(`${PAGE_TEXTS_FILE}: the text "${name}" cannot be rendered: ${(error as Error).message}`, PAGE_TEXTS_FILE, {
        cause: error,
      });
    }
  }
  return {
    say(name, values = {}) {
      const template = compiled.get(name) as HandlebarsTemplateDelegate;
      return template({ ...values }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
  };
}

/** The text's own words with line breaks read as spaces and the ends trimmed (values untouched). */
function joinLines(program: hbs.AST.Program): hbs.AST.Program {
  const body = program.body.map((statement) =>
    statement.type === 'ContentStatement'
      ? { ...statement, value: (statement as hbs.AST.ContentStatement).value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') }
      : statement,
  );
  const first = body[0];
  if (first?.type === 'ContentStatement') {
    body[0] = { ...first, value: (first as hbs.AST.ContentStatement).value.trimStart() } as hbs.AST.ContentStatement;
  }
  const last = body.at(-1);
  if (last?.type === 'ContentStatement') {
    body[body.length - 1] = { ...last, value: (last as hbs.AST.ContentStatement).value.trimEnd() } as hbs.AST.ContentStatement;
  }
  return { ...program, body };
}
