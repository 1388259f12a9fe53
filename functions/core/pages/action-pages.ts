/**
 * The words of the one-click pages: what an action will do (confirm page, before the POST)
 * and what it did (result page, after it), e.g. "Snooze Acme – Jane Doe until 14 March?".
 * Dates come from the plan the action gives (previewed or stored), in the owner's time zone.
 */
import type { ActionKind, ContactView, Plan } from '../model.js';
import { describeWho, formatDay, nameWho } from './page-formatting.js';
import type { ConfirmPageView, ExpiredPageView, MessagePageView, ResultPageView } from './page-views.js';

/** The actions that change state through the confirm-then-POST flow. */
export const STATE_ACTIONS = ['sent', 'replied', 'snooze-1w', 'snooze-1m', 'snooze-3m', 'stop', 'resume', 'ignore', 'track'] as const;
export type StateAction = (typeof STATE_ACTIONS)[number];

export function isStateAction(action: ActionKind): action is StateAction {
  return (STATE_ACTIONS as readonly string[]).includes(action);
}

interface Wording {
  question: string;
  button: string;
  explanation: string;
  headline: string;
  detail: string | null;
}

/** Dates and names an action's wording needs. */
interface WordingInput {
  who: string;
  /** When the next prompt comes after the action, formatted; null when none. */
  next: string | null;
  /** The snooze's end, formatted. */
  until: string | null;
}

const nextLine = (next: string | null, fallback: string): string =>
  next ? `Your next prompt about this contact comes on ${next}.` : fallback;

function wordAction(action: StateAction, input: WordingInput): Wording {
  const { who, next, until } = input;
  switch (action) {
    case 'sent':
      return {
        question: `Mark your note to ${who} as sent?`,
        button: 'Yes, I sent it',
        explanation: `The clock restarts from today. ${nextLine(next, '')}`.trim(),
        headline: `Marked as sent: ${who}.`,
        detail: nextLine(next, 'Nothing more is scheduled for this contact.'),
      };
    case 'replied':
      return {
        question: `Did ${who} reply?`,
        button: 'Yes, they replied',
        explanation: `Good news is worth noting: the clock restarts from today. ${nextLine(next, '')}`.trim(),
        headline: `Noted: ${who} replied.`,
        detail: nextLine(next, 'Nothing more is scheduled for this contact.'),
      };
    case 'snooze-1w':
    case 'snooze-1m':
    case 'snooze-3m':
      return {
        question: `Snooze ${who} until ${until ?? 'later'}?`,
        button: until ? `Snooze until ${until}` : 'Snooze',
        explanation: 'You will not get prompts about this contact until then.',
        headline: `Snoozed ${who} until ${until ?? 'later'}.`,
        detail: 'Prompts about this contact pick up again then.',
      };
    case 'stop':
      return {
        question: `Stop all prompts about ${who}?`,
        button: 'Stop prompts',
        explanation: 'Nothing more will be drafted for this contact. You can resume any time.',
        headline: `Stopped prompts about ${who}.`,
        detail: 'The contact stays in your list; nothing more will be sent about it.',
      };
    case 'resume':
      return {
        question: `Resume prompts about ${who}?`,
        button: 'Resume prompts',
        explanation: nextLine(next, 'Prompts about this contact start again.'),
        headline: `Resumed prompts about ${who}.`,
        detail: next ? nextLine(next, '') : null,
      };
    case 'ignore':
      return {
        question: `Ignore the email about ${who}?`,
        button: 'Ignore it',
        explanation: 'It stays stored, but you will not hear about it again.',
        headline: `Ignored ${who}.`,
        detail: 'Changed your mind? You can track it after all.',
      };
    case 'track':
      return {
        question: `Track ${who} anyway?`,
        button: 'Track it',
        explanation: 'Not Today will treat it like a rejection: a thank-you draft now, check-ins later.',
        headline: `Tracking ${who}.`,
        detail: nextLine(next, 'Your thank-you draft is on its way.'),
      };
  }
}

function wordingInput(action: StateAction, view: ContactView, plan: Plan, now: Date, timeZone: string): WordingInput {
  const who = nameWho(describeWho(view.contact));
  const snoozeEnd = plan.snoozedUntil ?? plan.nextDueAt;
  return {
    who,
    next: plan.nextDueAt && plan.status !== 'stopped' ? formatDay(plan.nextDueAt, now, timeZone) : null,
    until: action.startsWith('snooze') && snoozeEnd ? formatDay(snoozeEnd, now, timeZone) : null,
  };
}

export interface ConfirmPageInput {
  action: StateAction;
  view: ContactView;
  /** The plan as it would be after the action (the preview). */
  planAfter: Plan;
  token: string;
  now: Date;
  timeZone: string;
}

/** "Snooze Acme – Jane Doe until 14 March?" with a button that POSTs the token. */
export function buildConfirmPage(input: ConfirmPageInput): ConfirmPageView {
  const wording = wordAction(input.action, wordingInput(input.action, input.view, input.planAfter, input.now, input.timeZone));
  return {
    page: 'confirm',
    title: wording.question,
    question: wording.question,
    explanation: wording.explanation,
    buttonLabel: wording.button,
    who: describeWho(input.view.contact),
    token: input.token,
  };
}

export interface ResultPageInput {
  action: StateAction;
  /** The contact and plan as stored after the action. */
  view: ContactView;
  /** False when the action had already been applied (a double submit). */
  changed: boolean;
  undo: { path: string; token: string; label: string } | null;
  editPath: string | null;
  overviewPath: string | null;
  now: Date;
  timeZone: string;
}

/** "Snoozed Acme – Jane Doe until 14 March." with undo and onward links. */
export function buildResultPage(input: ResultPageInput): ResultPageView {
  const wording = wordAction(input.action, wordingInput(input.action, input.view, input.view.plan, input.now, input.timeZone));
  const detail = input.changed ? wording.detail : [wording.detail, 'It was already done, so nothing changed.'].filter(Boolean).join(' ');
  return {
    page: 'result',
    title: wording.headline,
    headline: wording.headline,
    detail: detail || null,
    undo: input.undo,
    editPath: input.editPath,
    overviewPath: input.overviewPath,
  };
}

/** The authentic-but-expired page, with "send me a fresh email". */
export function buildExpiredPage(input: { view: ContactView | null; token: string }): ExpiredPageView {
  const who = input.view ? nameWho(describeWho(input.view.contact)) : null;
  return {
    page: 'expired',
    title: 'This link has expired',
    explanation: who
      ? `Links in Not Today emails work for a limited time. Ask for a fresh email about ${who} and use the links in it.`
      : 'Links in Not Today emails work for a limited time. Ask for a fresh email and use the links in it.',
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
