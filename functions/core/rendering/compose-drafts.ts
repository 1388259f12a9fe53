/**
 * The drafted notes: rendered from templates/drafts/*.hbs with the contact's details, each
 * with a recipient, a subject, a plain-text body, its word count, and ready-made mailto: and
 * Gmail compose links. Pure; used by the prompt renderer and by the actions pages (to show
 * the current draft again after the owner fixed a detail).
 */
import { draftLanguageOf, type DraftLanguage } from '../drafting/draft-languages.js';
import type { PromptKind } from '../model.js';
import { buildGmailComposeUrl, buildMailtoUrl, isPlausibleEmailAddress } from './compose-links.js';
import { tidyMultiline, toSingleLine } from './text-safety.js';
import {
  CHECK_IN_DRAFTS,
  compileTemplates,
  FEEDBACK_FOLLOW_UP_DRAFTS,
  THANK_YOU_DRAFTS,
  type CompiledDraft,
  type CompiledTemplates,
} from './template-set.js';
import { buildDraftView, type DraftInput, type DraftView } from './view-model.js';
import { countWords, DRAFT_MAX_WORDS } from './word-count.js';

/** Longest draft subject, in characters. */
export const MAX_DRAFT_SUBJECT_LENGTH = 140;
/** Longest draft label, in characters. */
const MAX_DRAFT_LABEL_LENGTH = 80;

/** One drafted note, ready to copy or to open in a mail program. */
export interface Draft {
  /** The draft file it came from (templates/drafts/<id>.hbs), e.g. "thank-you-short". */
  id: string;
  /** A short name for the owner ("Short and warm"). */
  label: string;
  /** The recipient, or '' when there is no one to write to (no-reply or unknown address). */
  to: string;
  subject: string;
  /** Plain text with LF line breaks. */
  body: string;
  /** Words in the rendered body (greeting and signature included). */
  wordCount: number;
  mailtoUrl: string;
  gmailComposeUrl: string;
}

/** Renders the drafts for a prompt. Create once (compiles the templates), call many times. */
export interface DraftComposer {
  /** The drafts for `input.prompt`: three for a thank-you, one otherwise, none for needs-review. */
  composeDrafts(input: DraftInput): Draft[];
}

/** Which draft files a prompt uses. */
export function selectDraftNames(prompt: PromptKind, view: DraftView): readonly string[] {
  switch (prompt) {
    case 'thank-you':
      return THANK_YOU_DRAFTS;
    case 'feedback-follow-up':
      return FEEDBACK_FOLLOW_UP_DRAFTS;
    case 'check-in':
      return view.checkIn ? [CHECK_IN_DRAFTS[view.checkIn.idea]] : [];
    case 'needs-review':
      return [];
  }
}

/**
 * Views to try in turn for one draft: as is, then without the compliment, then without the
 * reason too. The sentences a note writes for them are short, but long names and roles can
 * add up; a note over the word limit loses these touches before it loses its shape.
 */
function withLessDetail(view: DraftView): DraftView[] {
  const noCompliment = { ...view, personal: { ...view.personal, complimented: false, complimentTopic: null, complimentAbout: null } };
  return [view, noCompliment, { ...noCompliment, personal: { ...noCompliment.personal, reasonKind: null } }];
}

/**
 * The language a contact's drafts are written in with these templates: its draft language
 * when templates/drafts/<language>/ exists (English always does), else English, so a note
 * never mixes the words of one language with the template of another.
 */
export function selectDraftLanguage(compiled: CompiledTemplates, input: DraftInput): DraftLanguage {
  const language = draftLanguageOf(input.contact);
  return language === 'en' || compiled.draftsByLanguage[language] ? language : 'en';
}

/** Renders drafts from already compiled templates (shared by the prompt renderer); build `view` with selectDraftLanguage. */
export function renderDrafts(compiled: CompiledTemplates, view: DraftView): Draft[] {
  const drafts = compiled.draftsByLanguage[view.language] ?? compiled.drafts;
  return selectDraftNames(view.prompt, view).map((name) => {
    const template = drafts[name]!;
    let draft = renderOneDraft(template, view);
    for (const fewer of withLessDetail(view).slice(1)) {
      if (draft.wordCount <= DRAFT_MAX_WORDS) break;
      draft = renderOneDraft(template, fewer);
    }
    return draft;
  });
}

function renderOneDraft(template: CompiledDraft, view: DraftView): Draft {
  const to = toSingleLine(template.headers.to(view), MAX_DRAFT_SUBJECT_LENGTH);
  const subject = toSingleLine(template.headers.subject(view), MAX_DRAFT_SUBJECT_LENGTH);
  const body = tidyMultiline(template.body(view));
  const recipient = isPlausibleEmailAddress(to) ? to : '';
  return {
    id: template.name,
    label: toSingleLine(template.headers.label(view), MAX_DRAFT_LABEL_LENGTH),
    to: recipient,
    subject,
    body,
    wordCount: countWords(body),
    mailtoUrl: buildMailtoUrl({ to: recipient, subject, body }),
    gmailComposeUrl: buildGmailComposeUrl({ to: recipient, subject, body }),
  };
}

/**
 * Compiles the draft templates once and returns a composer.
 * @param templates every template file, `relative path -> source` (see loadTemplates).
 */
export function createDraftComposer(templates: Readonly<Record<string, string>>): DraftComposer {
  const compiled = compileTemplates(templates);
  return { composeDrafts: (input) => renderDrafts(compiled, buildDraftView(input, selectDraftLanguage(compiled, input))) };
}
