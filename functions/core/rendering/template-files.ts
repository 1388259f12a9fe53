/**
 * The template files Not Today needs (names only) and the error naming a bad one. Kept apart
 * from template-set.ts, which loads Handlebars, so the runtime can check that every file
 * exists at cold start without loading the compiler (see functions/runtime/load-templates.ts).
 */
import { AppError } from '../errors.js';
import type { PromptKind } from '../model.js';

/** A template file is missing or cannot be compiled. Permanent: fix the file and redeploy. */
export class TemplateError extends AppError {
  override readonly name: string = 'TemplateError';
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

/**
 * The file, beside the .hbs files of a deployed bundle, that holds them compiled at build (an
 * ES module: see precompileTemplates in template-set.ts). Not a template: only .hbs files are.
 */
export const PRECOMPILED_TEMPLATES_FILE = 'precompiled-templates.mjs';

export const PROMPT_KINDS: readonly PromptKind[] = ['thank-you', 'feedback-follow-up', 'check-in', 'needs-review'];
export const EMAIL_PARTS = ['subject', 'html', 'text'] as const;
export type EmailPart = (typeof EMAIL_PARTS)[number];

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
export const ALL_DRAFTS = [...THANK_YOU_DRAFTS, ...FEEDBACK_FOLLOW_UP_DRAFTS, ...Object.values(CHECK_IN_DRAFTS)];

/**
 * Drafts in other languages: `drafts/<language>/<draft>.hbs` (every draft of ALL_DRAFTS), with
 * optional `drafts/<language>/partials/<name>.hbs` that replace the shared partial of that name
 * (greeting, sign-off) for those drafts only. English is `drafts/<draft>.hbs`.
 */
export const DRAFT_LANGUAGE_FOLDER = /^drafts\/([a-z]{2,3})\/(.+)$/;

/** A folder under drafts/ named like a language code ("de", "fr"): a language folder. */
export function isDraftLanguageFolderName(name: string): boolean {
  return /^[a-z]{2,3}$/.test(name);
}

/** The draft files a language folder must hold (relative paths). */
export function requiredDraftFilesOf(language: string): string[] {
  return ALL_DRAFTS.map((draft) => `drafts/${language}/${draft}.hbs`);
}

/** The languages that have a folder under drafts/, from a list of template paths. */
export function findDraftLanguageFolders(files: Iterable<string>): string[] {
  const languages = new Set<string>();
  for (const file of files) {
    const match = DRAFT_LANGUAGE_FOLDER.exec(file);
    if (match) languages.add(match[1]!);
  }
  return [...languages].sort();
}

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
