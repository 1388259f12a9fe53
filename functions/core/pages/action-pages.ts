/**
 * The one-click pages: the confirm page (GET: what the link will do, with a button that
 * POSTs the token) and the result page (POST: what it did, with undo). The sentences come
 * from the use cases (previewAction / performAction); this module picks the page, the
 * button and the onward links. The words around them come from templates/pages/texts.hbs
 * (PageTexts). Every text is still untrusted: templates escape it.
 */
import type { ContactView } from '../model.js';
import type { StateAction } from '../plan/plan-actions.js';
import type { ActionOutcome, ActionPreview } from '../use-cases/perform-action.js';
import { describeWho, nameWho } from './page-formatting.js';
import type { PageTextName, PageTexts } from './page-texts.js';
import type { ConfirmPageView, ExpiredPageView, MessagePageView, ResultPageView } from './page-views.js';

/** The text of each confirm page's button (templates/pages/texts.hbs). */
const CONFIRM_BUTTON_TEXTS: Record<StateAction, PageTextName> = {
  sent: 'button-sent',
  replied: 'button-replied',
  'snooze-1w': 'button-snooze-1w',
  'snooze-1m': 'button-snooze-1m',
  'snooze-3m': 'button-snooze-3m',
  stop: 'button-stop',
  resume: 'button-resume',
  ignore: 'button-ignore',
  track: 'button-track',
};

/** Onward links of a result page, relative to the page (under /a/). */
export interface OnwardPaths {
  editPath: string | null;
  overviewPath: string | null;
}

/**
 * The GET page of a state action. An applicable, not-yet-done action gets the confirm page
 * (which submits itself for people with scripts); one already done with this very link, or
 * one that does not apply to the contact's state, gets a plain page that says so.
 */
export function buildPreviewPage(
  texts: PageTexts,
  preview: ActionPreview & { action: StateAction; view: ContactView },
  token: string,
  onward: OnwardPaths,
): ConfirmPageView | ResultPageView | MessagePageView {
  if (preview.alreadyDone) {
    return {
      page: 'result',
      title: preview.title,
      headline: texts.say('already-done-heading'),
      detail: preview.message,
      undo: null,
      ...onward,
    };
  }
  if (!preview.applicable) {
    return {
      page: 'message',
      title: texts.say('not-applicable-title'),
      eyebrow: texts.say('not-applicable-eyebrow'),
      tone: 'warn',
      heading: texts.say('not-applicable-heading', { question: preview.title.replace(/\?$/, '') }),
      message: preview.message,
      overviewPath: onward.overviewPath,
    };
  }
  return {
    page: 'confirm',
    title: preview.title,
    question: preview.title,
    explanation: preview.message,
    buttonLabel: texts.say(CONFIRM_BUTTON_TEXTS[preview.action]),
    who: describeWho(preview.view.contact),
    token,
  };
}

/** The POST page: what happened, undo where there is one, and onward links. */
export function buildOutcomePage(
  texts: PageTexts,
  outcome: ActionOutcome,
  undo: { path: string; token: string } | null,
  onward: OnwardPaths,
): ResultPageView | MessagePageView {
  if (outcome.status === 'not-applicable') {
    return {
      page: 'message',
      title: outcome.title,
      eyebrow: texts.say('nothing-changed-eyebrow'),
      tone: 'warn',
      heading: outcome.title,
      message: outcome.message,
      overviewPath: onward.overviewPath,
    };
  }
  return {
    page: 'result',
    title: outcome.title,
    headline: texts.say('done-headline', { title: outcome.title }),
    detail: outcome.message,
    undo: undo && outcome.undo ? { ...undo, label: outcome.undo.label } : null,
    ...onward,
  };
}

/**
 * The page of an authentic link that can no longer act (expired), or of a "resend" link:
 * it offers "send me a fresh email" as a POST of the same token.
 */
export function buildExpiredPage(
  texts: PageTexts,
  input: { view: ContactView | null; token: string; expired: boolean },
): ExpiredPageView {
  const values = { who: input.view ? nameWho(describeWho(input.view.contact)) : '' };
  const prefix = input.expired ? 'expired' : 'resend';
  return {
    page: 'expired',
    title: texts.say(`${prefix}-title`, values),
    eyebrow: texts.say(`${prefix}-eyebrow`, values),
    heading: texts.say(`${prefix}-heading`, values),
    explanation: texts.say(`${prefix}-explanation`, values),
    token: input.token,
  };
}

/**
 * The short pages: errors and notices, each with its HTTP status and the prefix of its texts
 * in templates/pages/texts.hbs (`<prefix>-title`, `-eyebrow`, `-heading`, `-message`).
 * Never includes details of what went wrong.
 */
export const MESSAGE_PAGES = {
  forbidden: { status: 403, texts: 'forbidden', tone: 'danger' },
  expiredOwnerWide: { status: 410, texts: 'expired-owner-wide', tone: 'warn' },
  notFound: { status: 404, texts: 'not-found', tone: 'warn' },
  contactGone: { status: 404, texts: 'contact-gone', tone: 'warn' },
  badRequest: { status: 400, texts: 'bad-request', tone: 'warn' },
  methodNotAllowed: { status: 405, texts: 'method-not-allowed', tone: 'warn' },
  busy: { status: 503, texts: 'busy', tone: 'warn' },
  failed: { status: 500, texts: 'failed', tone: 'danger' },
} as const satisfies Record<string, { status: number; texts: string; tone: MessagePageView['tone'] }>;

export type MessagePageName = keyof typeof MESSAGE_PAGES;

/** A short page by name, worded from the texts file. */
export function buildMessagePage(texts: PageTexts, name: MessagePageName): { status: number; view: MessagePageView } {
  const { status, texts: prefix, tone } = MESSAGE_PAGES[name];
  return {
    status,
    view: {
      page: 'message',
      title: texts.say(`${prefix}-title`),
      eyebrow: texts.say(`${prefix}-eyebrow`),
      tone,
      heading: texts.say(`${prefix}-heading`),
      message: texts.say(`${prefix}-message`),
      overviewPath: null,
    },
  };
}

/** "A fresh email is on its way" after the expired page's button. */
export function buildResentPage(texts: PageTexts, sent: boolean): MessagePageView {
  return {
    page: 'message',
    title: texts.say('resent-title'),
    eyebrow: texts.say('resent-eyebrow'),
    tone: 'ok',
    heading: texts.say(sent ? 'resent-heading' : 'resent-recently-heading'),
    message: texts.say(sent ? 'resent-message' : 'resent-recently-message'),
    overviewPath: null,
  };
}
