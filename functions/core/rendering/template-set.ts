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
 *   drafts/<lang>/<draft>.hbs   the same note in another language (every draft, once the folder exists)
 *   drafts/<lang>/partials/<name>.hbs   partials for that language's drafts (greeting, sign-off)
 *   partials/<name>.html.hbs / <name>.text.hbs / <name>.hbs   partials for HTML, text, or both
 */
import Handlebars from 'handlebars';
import type { PromptKind } from '../model.js';
import {
  ALL_DRAFTS,
  DRAFT_LANGUAGE_FOLDER,
  findDraftLanguageFolders,
  requiredDraftFilesOf,
  PROMPT_KINDS,
  REQUIRED_TEMPLATE_FILES,
  TemplateError,
  type EmailPart,
} from './template-files.js';

export {
  CHECK_IN_DRAFTS,
  CHECK_IN_IDEAS,
  FEEDBACK_FOLLOW_UP_DRAFTS,
  PROMPT_KINDS,
  REQUIRED_PARTIALS,
  REQUIRED_TEMPLATE_FILES,
  THANK_YOU_DRAFTS,
  TemplateError,
  type CheckInIdea,
} from './template-files.js';

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
  /** The English drafts (templates/drafts/<draft>.hbs), by draft name. */
  drafts: Record<string, CompiledDraft>;
  /** Drafts in other languages (templates/drafts/<language>/), by language code, then draft name. */
  draftsByLanguage: Record<string, Record<string, CompiledDraft>>;
}

const PARAGRAPH_STYLE_DEFAULT = 'margin:0 0 12px 0;';
/** French words that lose their final vowel before a vowel ("de" + "Acme" = "d'Acme"). */
const ELIDING_WORDS = new Set(['de', 'le', 'la', 'que', 'je']);
/** A word that elides the one before it: it starts with a vowel. */
const ELIDED_BEFORE = /^[aeiouyàâäéèêëîïôöûüœæ]/i;

function registerHelpers(env: typeof Handlebars, mode: 'html' | 'text'): void {
  env.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find((value) => Boolean(value)) ?? '');
  env.registerHelper('not', (value: unknown) => !value);
  env.registerHelper('gt', (left: unknown, right: unknown) => typeof left === 'number' && typeof right === 'number' && left > right);
  /** 1-based numbering for {{#each}}: {{inc @index}}. */
  env.registerHelper('inc', (value: unknown) => (typeof value === 'number' ? value + 1 : ''));
  /**
   * French elision: {{elide 'de' contact.role}} gives "d'Ingénieur" before a vowel and
   * "de Chef de projet" otherwise (also for 'le', 'la', 'que', 'je'). An initial h is not
   * elided: role and company names starting with h are mostly English ("Head of ...").
   */
  env.registerHelper('elide', (word: unknown, next: unknown) => {
    const before = String(word ?? '');
    const after = String(next ?? '');
    return ELIDING_WORDS.has(before.toLowerCase()) && ELIDED_BEFORE.test(after) ? `${before.slice(0, -1)}'${after}` : `${before} ${after}`;
  });
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

/**
 * When templates are compiled. 'eager': all at creation, each called once with an empty
 * context, so a syntax error or a missing partial fails at once, naming the file (tests, the
 * local stack, a template check). 'lazy': each on its first use (a Lambda cold start compiles
 * only what it renders: an empty sweep nothing, a thank-you its own files); a missing file
 * still fails at creation, a broken one on its first render, naming the file.
 */
export type CompileMode = 'eager' | 'lazy';

/**
 * Templates compiled ahead of time (at build: see precompileTemplates), by unit key (see
 * unitKeyOf): the source each was compiled from and Handlebars' template specification. The
 * runtime hands them in so a cold start does not run Handlebars' compiler (the bench's
 * "first invocation" rows in bench/RESULTS.md show what that saves). A unit whose source
 * differs from the file read, or whose specification this Handlebars cannot run, is compiled
 * from the source as usual, so a stale entry can never change what is rendered.
 */
export type PrecompiledTemplates = Readonly<Record<string, { source: string; spec: TemplateSpecification }>>;
/** What Handlebars.precompile produces and Handlebars.template takes back. */
export type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

type CompileOptions = { noEscape?: boolean };

/** How this compilation runs: when templates compile, and what was compiled ahead of time. */
interface CompileContext {
  mode: CompileMode;
  precompiled?: PrecompiledTemplates;
  /** When set, every unit met is recorded here (precompileTemplates). */
  units?: Map<string, { file: string; source: string; options: CompileOptions }>;
}

/**
 * One unit of compilation: a whole template file, a partial in one flavour, or one header line
 * or the body of a draft. The flavour is part of the key because HTML and text compile the same
 * partial differently (escaping or not).
 */
function unitKeyOf(file: string, options: CompileOptions, part?: string): string {
  return `${options.noEscape ? 'text' : 'html'}:${file}${part ? `#${part}` : ''}`;
}

const UNIT_KEY = /^(?:html|text):([^#]+)(?:#(.+))?$/;

/** The template file a unit key names (the inverse of unitKeyOf), or null for a key of another shape. */
export function fileOfUnitKey(key: string): string | null {
  return UNIT_KEY.exec(key)?.[1] ?? null;
}

/** The compiler revision of this Handlebars (its runtime refuses specifications of another; its types omit it). */
const COMPILER_REVISION = (Handlebars as unknown as { COMPILER_REVISION: number }).COMPILER_REVISION;

/** True when this Handlebars can run the specification: made by the same compiler revision, with a main template. */
function isRunnableSpec(spec: TemplateSpecification): boolean {
  const { compiler, main } = spec as { compiler?: unknown; main?: unknown };
  return Array.isArray(compiler) && compiler[0] === COMPILER_REVISION && typeof main === 'function';
}

/** Runs `step` on a template; what it throws comes out as a TemplateError naming the file ("template <file> <failure>: ..."). */
function withTemplateError<T>(file: string, failure: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new TemplateError(`template ${file} ${failure}: ${(error as Error).message}`, file, { cause: error });
  }
}

/** One unit's template: made from its ahead-of-time specification when that matches the source, else compiled. */
interface UnitTemplate {
  file: string;
  make: () => Handlebars.TemplateDelegate;
  /** Throws TemplateError naming the file when the source does not parse (a precompiled unit parsed at build). */
  checkSyntax: () => void;
}

function unitTemplateOf(
  env: typeof Handlebars,
  file: string,
  source: string,
  options: CompileOptions,
  context: CompileContext,
  part?: string,
): UnitTemplate {
  const key = unitKeyOf(file, options, part);
  context.units?.set(key, { file, source, options });
  const ahead = context.precompiled?.[key];
  if (ahead && ahead.source === source && isRunnableSpec(ahead.spec)) {
    return { file, make: () => env.template(ahead.spec), checkSyntax: () => undefined };
  }
  return {
    file,
    make: () => env.compile(source, options),
    checkSyntax: () => withTemplateError(file, 'does not compile', () => env.parse(source)),
  };
}

function compileOnce(unit: UnitTemplate): Handlebars.TemplateDelegate {
  unit.checkSyntax();
  const template = unit.make();
  // Handlebars compiles on the first call: make that call now, with an empty context, so a
  // missing partial fails here, naming the file.
  withTemplateError(unit.file, 'does not render', () => template({}));
  return template;
}

function compileChecked(
  env: typeof Handlebars,
  file: string,
  source: string,
  options: CompileOptions,
  context: CompileContext,
  part?: string,
): Render {
  const unit = unitTemplateOf(env, file, source, options, context, part);
  // Lazy: Handlebars compiles on the first call; a syntax error or a missing partial then
  // fails that render, naming the file.
  let template = context.mode === 'eager' ? compileOnce(unit) : undefined;
  return (view: unknown) => {
    const ready = (template ??= unit.make());
    return withTemplateError(file, 'failed to render', () => ready(view));
  };
}

function compilePartial(
  env: typeof Handlebars,
  file: string,
  source: string,
  options: CompileOptions,
  context: CompileContext,
): Handlebars.TemplateDelegate {
  const unit = unitTemplateOf(env, file, source, options, context);
  // Lazy: Handlebars itself compiles a template on its first call; a syntax error then
  // surfaces through the template that uses the partial.
  if (context.mode === 'eager') unit.checkSyntax();
  return unit.make();
}

/**
 * Splits a draft file into its header lines (`Label:`, `To:`, `Subject:`) and its body.
 * Headers are compiled separately from the body, so no rendered value can add a header line.
 */
function compileDraft(env: typeof Handlebars, file: string, source: string, context: CompileContext, name: string): CompiledDraft {
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
    headers[header] = compileChecked(env, file, headerSource, { noEscape: true }, context, header);
  }
  return { name, headers, body: compileChecked(env, file, normalized.slice(blank + 2), { noEscape: true }, context, 'body') };
}

/**
 * Compiles every template once, now ('eager', the default) or each on its first use ('lazy',
 * see CompileMode), taking a unit's ahead-of-time specification instead when `precompiled`
 * holds one for the same source. Throws TemplateError naming the first missing (either mode)
 * or broken ('eager') file; a draft's header lines are checked at once in both modes.
 */
export function compileTemplates(
  sources: Readonly<Record<string, string>>,
  mode: CompileMode = 'eager',
  precompiled?: PrecompiledTemplates,
): CompiledTemplates {
  return compileWith(sources, { mode, ...(precompiled ? { precompiled } : {}) });
}

/**
 * Compiles every unit of the template set ahead of time (at build: the CDK bundling writes the
 * result beside the templates as PRECOMPILED_TEMPLATES_FILE), so a cold start renders without
 * running Handlebars' compiler. Returns the text of an ES module whose default export is the
 * PrecompiledTemplates record. Units are found by the same walk compileTemplates makes, so the
 * keys cannot drift from what the runtime asks for; the walk is eager (every template compiled
 * and rendered once with an empty view), so a template that does not compile, or names a
 * partial that does not exist, fails the build instead of its first render.
 * @throws TemplateError naming the first missing or broken file.
 */
export function precompileTemplates(sources: Readonly<Record<string, string>>): string {
  const units: NonNullable<CompileContext['units']> = new Map();
  compileWith(sources, { mode: 'eager', units });
  const entries = [...units].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([key, unit]) => {
    const spec = withTemplateError(unit.file, 'does not compile', () => Handlebars.precompile(unit.source, unit.options) as string);
    return `${JSON.stringify(key)}:{source:${JSON.stringify(unit.source)},spec:${spec}}`;
  });
  return `export default {\n${entries.join(',\n')}\n};\n`;
}

function compileWith(sources: Readonly<Record<string, string>>, context: CompileContext): CompiledTemplates {
  for (const file of REQUIRED_TEMPLATE_FILES) {
    if (typeof sources[file] !== 'string') throw new TemplateError(`template file missing: templates/${file}`, file);
  }
  const html = Handlebars.create();
  const text = Handlebars.create();
  registerHelpers(html, 'html');
  registerHelpers(text, 'text');

  const languages = findDraftLanguageFolders(Object.keys(sources));
  for (const language of languages) {
    const missing = requiredDraftFilesOf(language).find((file) => typeof sources[file] !== 'string');
    if (missing) throw new TemplateError(`template file missing: templates/${missing} (every draft of the drafts/${language}/ folder)`, missing);
  }

  registerSharedPartials(sources, html, 'html', context);
  registerSharedPartials(sources, text, 'text', context);

  const emails = {} as CompiledTemplates['emails'];
  for (const prompt of PROMPT_KINDS) {
    const file = (part: EmailPart) => `${prompt}.${part}.hbs`;
    emails[prompt] = {
      subject: compileChecked(text, file('subject'), sources[file('subject')]!, { noEscape: true }, context),
      html: compileChecked(html, file('html'), sources[file('html')]!, {}, context),
      text: compileChecked(text, file('text'), sources[file('text')]!, { noEscape: true }, context),
    };
  }

  const drafts: Record<string, CompiledDraft> = {};
  for (const draft of ALL_DRAFTS) {
    const file = `drafts/${draft}.hbs`;
    drafts[draft] = compileDraft(text, file, sources[file]!, context, draft);
  }
  const draftsByLanguage: CompiledTemplates['draftsByLanguage'] = {};
  for (const language of languages) draftsByLanguage[language] = compileLanguageDrafts(sources, language, context);
  return { emails, drafts, draftsByLanguage };
}

/**
 * Registers every shared partial (templates/partials/) in one environment: `<name>.hbs` in
 * both, `<name>.html.hbs` in the HTML one, `<name>.text.hbs` in the text one.
 */
function registerSharedPartials(sources: Readonly<Record<string, string>>, env: typeof Handlebars, flavour: 'html' | 'text', context: CompileContext): void {
  for (const [file, source] of Object.entries(sources)) {
    const match = /^partials\/([a-z0-9-]+?)(\.html|\.text)?\.hbs$/.exec(file);
    if (!match) continue;
    const [, name, only] = match as unknown as [string, string, string | undefined];
    // Partials are registered as compiled templates (not wrapped) so they keep @partial-block,
    // inline partials and @data; a render error in one surfaces through the calling template.
    if (flavour === 'html' && only !== '.text') env.registerPartial(name, compilePartial(env, file, source, {}, context));
    if (flavour === 'text' && only !== '.html') env.registerPartial(name, compilePartial(env, file, source, { noEscape: true }, context));
  }
}

/**
 * One language's drafts, in a text environment of their own: the shared partials, then the
 * language's own (drafts/<language>/partials/<name>.hbs) in their place, so `{{> greeting}}`
 * in a German draft greets in German.
 */
function compileLanguageDrafts(sources: Readonly<Record<string, string>>, language: string, context: CompileContext): Record<string, CompiledDraft> {
  const env = Handlebars.create();
  registerHelpers(env, 'text');
  registerSharedPartials(sources, env, 'text', context);
  for (const [file, source] of Object.entries(sources)) {
    const match = DRAFT_LANGUAGE_FOLDER.exec(file);
    if (!match || match[1] !== language) continue;
    const partial = /^partials\/([a-z0-9-]+)\.hbs$/.exec(match[2]!);
    if (partial) env.registerPartial(partial[1]!, compilePartial(env, file, source, { noEscape: true }, context));
  }
  const drafts: Record<string, CompiledDraft> = {};
  for (const draft of ALL_DRAFTS) {
    const file = `drafts/${language}/${draft}.hbs`;
    drafts[draft] = compileDraft(env, file, sources[file]!, context, draft);
  }
  return drafts;
}
