/**
 * The one-click pages: the confirm page (GET: what the link will do, with a button that
 * POSTs the token) and the result page (POST: what it did, with undo). The sentences come
 * from the use cases (previewAction / performAction); this module picks the page, the
 * button's words and the onward links. Every text is still untrusted: templates escape it.
 */
import type { ContactView } from '../model.js';
import type { StateAction } from '../plan/plan-actions.js';
import type { ActionOutcome, ActionPreview } from '../use-cases/perform-action.js';
import { describeWho, nameWho } from './page-formatting.js';
import type { ConfirmPageView, ExpiredPageView, MessagePageView, ResultPageView } from './page-views.js';

/** The button of each confirm page. */
export const CONFIRM_BUTTONS: Record<StateAction, string> = {
  sent: 'Yes, I wrote to them',
  replied: 'Yes, they replied',
  'snooze-1w': 'Snooze 1 week',
  'snooze-1m': 'Snooze 1 month',
  'snooze-3m': 'Snooze 3 months',
  stop: 'Stop follow-ups',
  resume: 'Resume follow-ups',
  ignore: 'Ignore it',
  track: 'Track it',
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
  preview: ActionPreview & { action: StateAction; view: ContactView },
  token: string,
  onward: OnwardPaths,
): ConfirmPageView | ResultPageView | MessagePageView {
  if (preview.alreadyDone) {
    return {
      page: 'result',
      title: preview.title,
      headline: 'Already done',
      detail: preview.message,
      undo: null,
      ...onward,
    };
  }
  if (!preview.applicable) {
    return {
      page: 'message',
      title: 'Nothing to do',
      eyebrow: 'Nothing to do',
      tone: 'warn',
      heading: `${preview.title.replace(/\?$/, '')}: not now`,
      message: preview.message,
      overviewPath: onward.overviewPath,
    };
  }
  return {
    page: 'confirm',
    title: preview.title,
    question: preview.title,
    explanation: preview.message,
    buttonLabel: CONFIRM_BUTTONS[preview.action],
    who: describeWho(preview.view.contact),
    token,
  };
}

/** The POST page: what happened, undo where there is one, and onward links. */
export function buildOutcomePage(
  outcome: ActionOutcome,
  undo: { path: string; token: string } | null,
  onward: OnwardPaths,
): ResultPageView | MessagePageView {
  if (outcome.status === 'not-applicable') {
    return {
      page: 'message',
      title: outcome.title,
      eyebrow: 'Nothing changed',
      tone: 'warn',
      heading: outcome.title,
      message: outcome.message,
      overviewPath: onward.overviewPath,
    };
  }
  return {
    page: 'result',
    title: outcome.title,
    headline: `${outcome.title}.`,
    detail: outcome.message,
    undo: undo && outcome.undo ? { ...undo, label: outcome.undo.label } : null,
    ...onward,
  };
}

/**
 * The page of an authentic link that can no longer act (expired), or of a "resend" link:
 * it offers "send me a fresh email" as a POST of the same token.
 */
export function buildExpiredPage(input: { view: ContactView | null; token: string; expired: boolean }): ExpiredPageView {
  const who = input.view ? nameWho(describeWho(input.view.contact)) : null;
  const about = who ? ` about ${who}` : '';
  return {
    page: 'expired',
    title: input.expired ? 'This link has expired' : 'Send a fresh email',
    eyebrow: input.expired ? 'Link expired' : 'Fresh email',
    heading: input.expired ? 'This link has expired' : `Send a fresh email${about}?`,
    explanation: input.expired
      ? `Links in Not Today emails work for a limited time, so an old email cannot act for long. Ask for a fresh email${about} and use the links in it.`
      : `Not Today will email you again${about}, with new links.`,
    token: input.token,
  };
}

/** The short pages: errors and notices. Never includes details of what went wrong. */
export const MESSAGE_PAGES = {
  forbidden: {
    status: 403,
    view: {
      page: 'message',
      title: 'Link not valid',
      eyebrow: 'Link not valid',
      tone: 'danger',
      heading: 'This link is not valid',
      message: 'It may have been copied incompletely or changed. Nothing was changed. Use the link from your latest Not Today email.',
      overviewPath: null,
    },
  },
  expiredOwnerWide: {
    status: 410,
    view: {
      page: 'message',
      title: 'This link has expired',
      eyebrow: 'Link expired',
      tone: 'warn',
      heading: 'This link has expired',
      message: 'Open the overview from the footer of any recent Not Today email: its links are fresh.',
      overviewPath: null,
    },
  },
  notFound: {
    status: 404,
    view: {
      page: 'message',
      title: 'Not found',
      eyebrow: 'Not found',
      tone: 'warn',
      heading: 'There is nothing here',
      message: 'Check the address, or use a link from one of your Not Today emails.',
      overviewPath: null,
    },
  },
  contactGone: {
    status: 404,
    view: {
      page: 'message',
      title: 'Contact not found',
      eyebrow: 'Not found',
      tone: 'warn',
      heading: 'This contact no longer exists',
      message: 'Nothing was changed.',
      overviewPath: null,
    },
  },
  badRequest: {
    status: 400,
    view: {
      page: 'message',
      title: 'Something is missing',
      eyebrow: 'Bad request',
      tone: 'warn',
      heading: 'That request was incomplete',
      message: 'Nothing was changed. Go back and use the button on the page.',
      overviewPath: null,
    },
  },
  methodNotAllowed: {
    status: 405,
    view: {
      page: 'message',
      title: 'Not allowed',
      eyebrow: 'Not allowed',
      tone: 'warn',
      heading: 'That is not something this page does',
      message: 'Nothing was changed.',
      overviewPath: null,
    },
  },
  busy: {
    status: 503,
    view: {
      page: 'message',
      title: 'Please try again',
      eyebrow: 'Busy',
      tone: 'warn',
      heading: 'Not Today is busy for a moment',
      message: 'Nothing was changed. Please try again in a minute.',
      overviewPath: null,
    },
  },
  failed: {
    status: 500,
    view: {
      page: 'message',
      title: 'Something went wrong',
      eyebrow: 'Error',
      tone: 'danger',
      heading: 'Something went wrong on our side',
      message: 'It has been logged. Please try again later.',
      overviewPath: null,
    },
  },
} as const satisfies Record<string, { status: number; view: MessagePageView }>;

export type MessagePageName = keyof typeof MESSAGE_PAGES;

/** "A fresh email is on its way" after the expired page's button. */
export function buildResentPage(sent: boolean): MessagePageView {
  return {
    page: 'message',
    title: 'A fresh email is on its way',
    eyebrow: 'Sent',
    tone: 'ok',
    heading: sent ? 'A fresh email is on its way' : 'A fresh email was sent recently',
    message: sent
      ? 'Check your inbox in a minute: it has new links that work.'
      : 'To keep your inbox calm, Not Today sends at most one fresh email at a time. Use the links in the latest one.',
    overviewPath: null,
  };
}
