/**
 * The template files Not Today needs, and their compilation into two Handlebars
 * environments: one for HTML (escapes every {{value}}) and one for plain text (no HTML
 * escaping; control characters are stripped from the values and the output instead).
 *
 * The sources arrive as a record `relative path -> source` (functions/runtime/load-templates.ts
 * reads them from templates/); core never touches the file system.
 *
 * Layout of templates/:
 *   <prompt>.subject.hbs, <prompt>.html.hbs, <prompt>.text.hbs   one owner email per prompt kind
 *   drafts/<draft>.hbs    a drafted note: header lines (Label:, To:, Subject:), a blank line, the body
 *   partials/<name>.html.hbs / <name>.text.hbs / <name>.hbs   partials for HTML, text, or both
 */
import Handlebars from 'handlebars';
import { AppError } from '../errors.js';
import type { PromptKind } from '../model.js';

/** A template file is missing or cannot be compiled. Permanent: fix the file and redeploy. */
export class TemplateError extends AppError {
  readonly code = 'template';
  readonly permanent = true;
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const PROMPT_KINDS: readonly PromptKind[] = ['thank-you', 'feedback-follow-up', 'check-in', 'needs-review'];
const EMAIL_PARTS = ['subject', 'html', 'text'] as const;
type EmailPart = (typeof EMAIL_PARTS)[number];

/** The concrete idea a check-in carries, in the order the check-ins use them (then repeating). */
export const CHECK_IN_IDEAS = ['share-useful', 'ask-openings', 'owner-update'] as const;
export type CheckInIdea = (typeof CHECK_IN_IDEAS)[number];

/** The drafts written for each prompt (file names under templates/drafts/, without .hbs). */
export const THANK_YOU_DRAFTS = ['thank-you-short', 'thank-you-feedback', 'thank-you-hr'] as const;
export const FEEDBACK_FOLLOW_UP_DRAFTS = ['feedback-follow-up'] as const;
export const CHECK_IN_DRAFTS: Record<CheckInIdea, string> = {
  'share-useful': 'check-in-share-useful',
  'ask-openings': 'check-in-ask-openings',
  'owner-update': 'check-in-owner-update',
};
const ALL_DRAFTS = [...THANK_YOU_DRAFTS, ...FEEDBACK_FOLLOW_UP_DRAFTS, ...Object.values(CHECK_IN_DRAFTS)];

/** Partials the shipped templates use; a user may add more (any file under partials/). */
export const REQUIRED_PARTIALS = [
  'partials/layout.html.hbs',
  'partials/button.html.hbs',
  'partials/understood-row.html.hbs',
  'partials/layout.text.hbs',
  'partials/understood.html.hbs',
  'partials/understood.text.hbs',
  'partials/drafts.html.hbs',
  'partials/drafts.text.hbs',
  'partials/actions.html.hbs',
  'partials/actions.text.hbs',
  'partials/review-headline.hbs',
  'partials/review-explanation.hbs',
  'partials/greeting.hbs',
  'partials/sign-off.hbs',
] as const;

/** Every file that must exist in templates/ (relative paths, forward slashes). */
export const REQUIRED_TEMPLATE_FILES: readonly string[] = [
  ...PROMPT_KINDS.flatMap((prompt) => EMAIL_PARTS.map((part) => `${prompt}.${part}.hbs`)),
  ...ALL_DRAFTS.map((draft) => `drafts/${draft}.hbs`),
  ...REQUIRED_PARTIALS,
];

/** Header lines a draft file must start with. */
const DRAFT_HEADERS = ['label', 'to', 'subject'] as const;
type DraftHeader = (typeof DRAFT_HEADERS)[number];

type Render = (context: unknown) => string;

/** One compiled draft file: each header line and the body are separate templates. */
export interface CompiledDraft {
  name: string;
  headers: Record<DraftHeader, Render>;
  body: Render;
}

/** Everything compiled, ready to render many times. */
export interface CompiledTemplates {
  emails: Record<PromptKind, Record<EmailPart, Render>>;
  drafts: Record<string, CompiledDraft>;
}

const PARAGRAPH_STYLE_DEFAULT = 'margin:0 0 12px 0;';

function registerHelpers(env: typeof Handlebars, mode: 'html' | 'text'): void {
  env.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find((value) => Boolean(value)) ?? '');
  env.registerHelper('not', (value: unknown) => !value);
  env.registerHelper('gt', (left: unknown, right: unknown) => typeof left === 'number' && typeof right === 'number' && left > right);
  /** 1-based numbering for {{#each}}: {{inc @index}}. */
  env.registerHelper('inc', (value: unknown) => (typeof value === 'number' ? value + 1 : ''));
  if (mode === 'text') {
    /** A heading of the text part, underlined with dashes exactly as long as it: {{#underline}}...{{/underline}}. */
    env.registerHelper('underline', function (this: unknown, options: Handlebars.HelperOptions) {
      const heading = options.fn(this).trim();
      return `${heading}\n${'-'.repeat([...heading].length)}`;
    });
  }
  if (mode === 'html') {
    /** Escaped text as paragraphs: blank lines split paragraphs, single line breaks become <br>. */
    env.registerHelper('paragraphs', (text: unknown, options: Handlebars.HelperOptions) => {
      const style = typeof options.hash.style === 'string' ? options.hash.style : PARAGRAPH_STYLE_DEFAULT;
      const paragraphs = String(text ?? '')
        .split(/\n{2,}/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph) => paragraph.split('\n').map((line) => env.escapeExpression(line)).join('<br>'))
        .map((paragraph) => `<p style="${env.escapeExpression(style)}">${paragraph}</p>`);
      return new env.SafeString(paragraphs.join('\n'));
    });
  }
}

function compileChecked(env: typeof Handlebars, file: string, source: string, options: CompileOptions): Render {
  try {
    env.parse(source);
  } catch (error) {
    throw new TemplateError(`template ${file} does not compile: ${(error as Error).message}`, file, { cause: error });
  }
  const template = env.compile(source, options);
  // Handlebars compiles lazily, on the first call: make that call now, with an empty context,
  // so the cost lands at start-up and a missing partial fails here, naming the file.
  try {
    template({});
  } catch (error) {
    throw new TemplateError(`template ${file} does not render: ${(error as Error).message}`, file, { cause: error });
  }
  return (context: unknown) => {
    try {
      return template(context);
    } catch (error) {
      throw new TemplateError(`template ${file} failed to render: ${(error as Error).message}`, file, { cause: error });
    }
  };
}

type CompileOptions = { noEscape?: boolean };

function compilePartial(env: typeof Handlebars, file: string, source: string, options: CompileOptions): Handlebars.TemplateDelegate {
  try {
    env.parse(source);
  } catch (error) {
    throw new TemplateError(`template ${file} does not compile: ${(error as Error).message}`, file, { cause: error });
  }
  return env.compile(source, options);
}

/**
 * Splits a draft file into its header lines (`Label:`, `To:`, `Subject:`) and its body.
 * Headers are compiled separately from the body, so no rendered value can add a header line.
 */
function compileDraft(env: typeof Handlebars, file: string, source: string): CompiledDraft {
  const normalized = source.replace(/\r\n?/g, '\n');
  const blank = normalized.indexOf('\n\n');
  if (blank < 0) throw new TemplateError(`draft ${file} needs header lines, a blank line, then the body`, file);
  const headerSources = new Map<string, string>();
  for (const line of normalized.slice(0, blank).split('\n')) {
    const match = /^([A-Za-z-]+):[ \t]?(.*)$/.exec(line);
    if (!match) throw new TemplateError(`draft ${file}: "${line}" is not a header line (Label:, To:, Subject:)`, file);
    headerSources.set(match[1]!.toLowerCase(), match[2]!);
  }
  const headers = {} as Record<DraftHeader, Render>;
  for (const header of DRAFT_HEADERS) {
    const headerSource = headerSources.get(header);
    if (headerSource === undefined) throw new TemplateError(`draft ${file} has no "${header[0]!.toUpperCase()}${header.slice(1)}:" line`, file);
    headers[header] = compileChecked(env, file, headerSource, { noEscape: true });
  }
  const name = file.replace(/^drafts\//, '').replace(/\.hbs$/, '');
  return { name, headers, body: compileChecked(env, file, normalized.slice(blank + 2), { noEscape: true }) };
}

/**
 * Compiles every template once. Throws TemplateError naming the first missing or broken file.
 */
export function compileTemplates(sources: Readonly<Record<string, string>>): CompiledTemplates {
  for (const file of REQUIRED_TEMPLATE_FILES) {
    if (typeof sources[file] !== 'string') throw new TemplateError(`template file missing: templates/${file}`, file);
  }
  const html = Handlebars.create();
  const text = Handlebars.create();
  registerHelpers(html, 'html');
  registerHelpers(text, 'text');

  for (const [file, source] of Object.entries(sources)) {
    const match = /^partials\/([a-z0-9-]+?)(\.html|\.text)?\.hbs$/.exec(file);
    if (!match) continue;
    const [, name, flavour] = match as unknown as [string, string, string | undefined];
    // Partials are registered as compiled templates (not wrapped) so they keep @partial-block,
    // inline partials and @data; a render error in one surfaces through the calling template.
    if (flavour !== '.text') html.registerPartial(name, compilePartial(html, file, source, {}));
    if (flavour !== '.html') text.registerPartial(name, compilePartial(text, file, source, { noEscape: true }));
  }

  const emails = {} as CompiledTemplates['emails'];
  for (const prompt of PROMPT_KINDS) {
    const file = (part: EmailPart) => `${prompt}.${part}.hbs`;
    emails[prompt] = {
      subject: compileChecked(text, file('subject'), sources[file('subject')]!, { noEscape: true }),
      html: compileChecked(html, file('html'), sources[file('html')]!, {}),
      text: compileChecked(text, file('text'), sources[file('text')]!, { noEscape: true }),
    };
  }

  const drafts: Record<string, CompiledDraft> = {};
  for (const draft of ALL_DRAFTS) {
    const file = `drafts/${draft}.hbs`;
    drafts[draft] = compileDraft(text, file, sources[file]!);
  }
  return { emails, drafts };
}
