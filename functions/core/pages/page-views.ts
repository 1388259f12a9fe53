/**
 * View models of the owner's pages: plain data, already worded, with every untrusted value
 * as a plain string. The templates (templates/pages/) escape every value with {{ }}; nothing
 * here is ever marked safe HTML.
 */

/** Who a page is about, as far as it is known. */
export interface WhoView {
  company: string | null;
  person: string | null;
  role: string | null;
}

/** GET /a/<token> for a state-changing action: what will happen, and a form that does it. */
export interface ConfirmPageView {
  page: 'confirm';
  title: string;
  question: string;
  explanation: string;
  buttonLabel: string;
  who: WhoView;
  token: string;
}

/** POST /a/<token>: what happened, with undo. Paths are relative to /a/. */
export interface ResultPageView {
  page: 'result';
  title: string;
  headline: string;
  detail: string | null;
  undo: { path: string; token: string; label: string } | null;
  editPath: string | null;
  overviewPath: string | null;
}

export interface TextFieldView {
  name: string;
  label: string;
  hint: string | null;
  value: string;
  error: string | null;
  inputType: 'text' | 'email';
  multiline: boolean;
  maxLength: number;
}

export interface SelectFieldView {
  name: string;
  label: string;
  error: string | null;
  options: { value: string; label: string; selected: boolean }[];
}

/** The fix-details form, with the draft it produces. */
export interface EditPageView {
  page: 'edit';
  title: string;
  heading: string;
  token: string;
  saved: boolean;
  hasErrors: boolean;
  textFields: TextFieldView[];
  selectFields: SelectFieldView[];
  draft: { label: string; explanation: string; subject: string | null; text: string } | null;
  overviewPath: string | null;
}

export interface OverviewRowView {
  company: string;
  person: string | null;
  role: string;
  statusKey: string;
  statusLabel: string;
  lastAction: string;
  nextPrompt: string;
  editPath: string;
}

/** Every contact, sorted by what is due next, and the secret calendar feed's address. */
export interface OverviewPageView {
  page: 'overview';
  title: string;
  wide: true;
  summary: string;
  rows: OverviewRowView[];
  calendarUrl: string | null;
  /** The same feed as a webcal: link, which calendar apps open as a subscription. */
  calendarSubscribeUrl: string | null;
  inboundAddress: string;
}

/** An authentic but expired link: say so, and offer a fresh email. */
export interface ExpiredPageView {
  page: 'expired';
  title: string;
  eyebrow: string;
  heading: string;
  explanation: string;
  token: string;
}

/** Any short message: errors (403, 404, 500...) and "a fresh email is on its way". */
export interface MessagePageView {
  page: 'message';
  title: string;
  eyebrow: string;
  tone: 'ok' | 'warn' | 'danger' | null;
  heading: string;
  message: string;
  overviewPath: string | null;
}

export type PageView =
  | ConfirmPageView
  | ResultPageView
  | EditPageView
  | OverviewPageView
  | ExpiredPageView
  | MessagePageView;

export type PageName = PageView['page'];
