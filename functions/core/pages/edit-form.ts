/**
 * The fix-details form: its fields, its server-side validation (clear per-field messages,
 * every value kept on error) and its view model. The form is the owner's own input, but it
 * is still treated as untrusted text: single lines are cleaned of control characters and
 * line breaks, lengths are capped, the address must be a plain address.
 */
import * as z from '../zod-mini.js';
import { DRAFT_LANGUAGE_NAMES, DRAFT_LANGUAGES, draftLanguageOf, type DraftLanguage } from '../drafting/draft-languages.js';
import type { Cadence, ContactStatus, ContactView } from '../model.js';
import { isPlausibleEmailAddress } from '../rendering/compose-links.js';
import { stripControlCharacters, toSingleLine } from '../rendering/text-safety.js';
import { describeWho, labelStatus, nameWho } from './page-formatting.js';
import type { PageTextName, PageTexts } from './page-texts.js';
import type { EditPageView, SelectFieldView, TextFieldView } from './page-views.js';

/** Longest company, name or role the form accepts. */
export const EDIT_LINE_MAX = 120;
/** Longest address the form accepts (RFC 5321 path limit). */
export const EDIT_EMAIL_MAX = 254;
/** Longest notes the form accepts. */
export const EDIT_NOTES_MAX = 2000;

/** The cadences the form offers, in this order (labels: `cadence-<value>` in texts.hbs). */
export const CADENCE_CHOICES: readonly Cadence[] = ['default', 'monthly', 'quarterly', 'half-yearly', 'never'];

/** The languages the drafts can be written in, each named in its own words. */
export const LANGUAGE_OPTIONS: readonly { value: DraftLanguage; label: string }[] = DRAFT_LANGUAGES.map((language) => ({
  value: language,
  label: DRAFT_LANGUAGE_NAMES[language].native,
}));

/** Statuses the owner may pick; the contact's current status is always offered too. */
export const SETTABLE_STATUSES: readonly ContactStatus[] = ['active', 'stopped', 'ignored'];

/** What a valid form gives: null means "unknown / cleared". */
export interface EditFormValues {
  company: string | null;
  contactName: string | null;
  contactEmail: string | null;
  role: string | null;
  notes: string;
  cadence: Cadence;
  status: ContactStatus;
  /** The language of the drafts (the rejection's, until the owner picks another). */
  language: DraftLanguage;
}

export type EditFieldName = keyof EditFormValues;

/** The raw strings of the form, as posted (or as prefilled from the contact). */
export type EditFormRaw = Record<EditFieldName, string>;

export type EditFormResult =
  | { ok: true; values: EditFormValues }
  | { ok: false; raw: EditFormRaw; errors: Partial<Record<EditFieldName, string>> };

const optionalLine = (tooLong: string) =>
  z.pipe(
    z
      .pipe(
        z.string().check(z.maxLength(EDIT_LINE_MAX * 2, tooLong)),
        z.transform((value: string) => toSingleLine(value, EDIT_LINE_MAX * 2)),
      )
      .check(z.refine((value) => value.length <= EDIT_LINE_MAX, tooLong)),
    z.transform((value: string) => (value === '' ? null : value)),
  );

/** The form's checks, with messages worded from templates/pages/texts.hbs. */
function formSchema(texts: PageTexts, allowedStatuses: readonly ContactStatus[]) {
  const tooLong = (field: PageTextName) => texts.say('edit-error-too-long', { field: texts.say(field), max: EDIT_LINE_MAX });
  return z.object({
    company: optionalLine(tooLong('edit-company')),
    contactName: optionalLine(tooLong('edit-contact-name')),
    contactEmail: z.pipe(
      z
        .pipe(
          z.string(),
          z.transform((value: string) => value.trim()),
        )
        .check(
          z.refine((value) => value.length <= EDIT_EMAIL_MAX, texts.say('edit-error-address-too-long')),
          z.refine((value) => value === '' || isPlausibleEmailAddress(value), texts.say('edit-error-address')),
        ),
      z.transform((value: string) => (value === '' ? null : value.toLowerCase())),
    ),
    role: optionalLine(tooLong('edit-role')),
    notes: z
      .pipe(
        z.string(),
        z.transform((value: string) => stripControlCharacters(value).trim()),
      )
      .check(z.refine((value) => value.length <= EDIT_NOTES_MAX, texts.say('edit-error-notes-too-long', { max: EDIT_NOTES_MAX }))),
    cadence: z.enum(CADENCE_CHOICES as [Cadence, ...Cadence[]], {
      error: texts.say('edit-error-cadence'),
    }),
    language: z.enum(LANGUAGE_OPTIONS.map((option) => option.value) as [DraftLanguage, ...DraftLanguage[]], {
      error: texts.say('edit-error-language'),
    }),
    status: z.pipe(
      z.string().check(
        z.refine((value) => (allowedStatuses as readonly string[]).includes(value), {
          message: texts.say('edit-error-status'),
        }),
      ),
      z.transform((value: string) => value as ContactStatus),
    ),
  });
}

/** The statuses offered for a contact: the settable ones plus its current one. */
export function statusChoicesFor(current: ContactStatus): ContactStatus[] {
  return SETTABLE_STATUSES.includes(current) ? [...SETTABLE_STATUSES] : [current, ...SETTABLE_STATUSES];
}

/** The form's fields from a posted body (missing fields are empty strings). */
export function readEditForm(body: Record<string, string | undefined>): EditFormRaw {
  const field = (name: EditFieldName): string => body[name] ?? '';
  return {
    company: field('company'),
    contactName: field('contactName'),
    contactEmail: field('contactEmail'),
    role: field('role'),
    notes: field('notes'),
    cadence: field('cadence'),
    status: field('status'),
    language: field('language'),
  };
}

/** The form prefilled from what is stored. */
export function prefillEditForm(view: ContactView): EditFormRaw {
  const { contact, plan } = view;
  return {
    company: contact.company ?? '',
    contactName: contact.contactName ?? '',
    contactEmail: contact.contactEmail ?? '',
    role: contact.role ?? '',
    notes: contact.notes,
    cadence: plan.cadence,
    status: plan.status,
    language: draftLanguageOf(contact),
  };
}

/**
 * Validates the posted form. On error, every field's raw value comes back with its message
 * (worded from `texts`).
 */
export function validateEditForm(texts: PageTexts, raw: EditFormRaw, currentStatus: ContactStatus): EditFormResult {
  const parsed = formSchema(texts, statusChoicesFor(currentStatus)).safeParse(raw);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Partial<Record<EditFieldName, string>> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as EditFieldName | undefined;
    if (name && !errors[name]) errors[name] = issue.message;
  }
  return { ok: false, raw, errors };
}

/** The draft shown under the form, so the owner sees the effect of the details. */
export interface EditDraftPreview {
  label: string;
  subject: string | null;
  text: string;
}

export interface EditPageInput {
  /** The pages' words (templates/pages/texts.hbs). */
  texts: PageTexts;
  view: ContactView;
  token: string;
  raw: EditFormRaw;
  errors: Partial<Record<EditFieldName, string>>;
  saved: boolean;
  draft: EditDraftPreview | null;
  overviewPath: string | null;
}

/** The fix-details page's view model. */
export function buildEditPage(input: EditPageInput): EditPageView {
  const { raw, errors, texts } = input;
  const text = (
    name: EditFieldName,
    label: string,
    options: Partial<Pick<TextFieldView, 'hint' | 'inputType' | 'multiline' | 'maxLength'>> = {},
  ): TextFieldView => ({
    name,
    label,
    hint: options.hint ?? null,
    value: raw[name],
    error: errors[name] ?? null,
    inputType: options.inputType ?? 'text',
    multiline: options.multiline ?? false,
    maxLength: options.maxLength ?? EDIT_LINE_MAX,
  });
  const select = (
    name: EditFieldName,
    label: string,
    options: readonly { value: string; label: string }[],
  ): SelectFieldView => ({
    name,
    label,
    error: errors[name] ?? null,
    options: options.map((option) => ({ ...option, selected: option.value === raw[name] })),
  });
  const statusOptions = statusChoicesFor(input.view.plan.status).map((status) => ({
    value: status,
    label:
      status === input.view.plan.status
        ? texts.say('status-choice-now', { status: labelStatus(texts, status) })
        : texts.say(`status-choice-${status}`),
  }));
  const cadenceOptions = CADENCE_CHOICES.map((cadence) => ({ value: cadence, label: texts.say(`cadence-${cadence}`) }));
  const who = nameWho(describeWho(input.view.contact));
  const hasErrors = Object.keys(errors).length > 0;
  return {
    page: 'edit',
    title: texts.say('edit-title', { who }),
    heading: who,
    token: input.token,
    saved: input.saved && !hasErrors,
    hasErrors,
    textFields: [
      text('company', texts.say('edit-company')),
      text('contactName', texts.say('edit-contact-name'), { hint: texts.say('edit-contact-name-hint') }),
      text('contactEmail', texts.say('edit-contact-email'), { inputType: 'email', maxLength: EDIT_EMAIL_MAX }),
      text('role', texts.say('edit-role'), { hint: texts.say('edit-role-hint') }),
      text('notes', texts.say('edit-notes'), { hint: texts.say('edit-notes-hint'), multiline: true, maxLength: EDIT_NOTES_MAX }),
    ],
    selectFields: [
      select('cadence', texts.say('edit-cadence'), cadenceOptions),
      select('status', texts.say('edit-status'), statusOptions),
      select('language', texts.say('edit-language'), LANGUAGE_OPTIONS),
    ],
    draft: input.draft
      ? {
          label: texts.say('edit-draft-label', { label: input.draft.label }),
          explanation: texts.say('edit-draft-explanation'),
          subject: input.draft.subject,
          text: input.draft.text,
        }
      : null,
    overviewPath: input.overviewPath,
  };
}
