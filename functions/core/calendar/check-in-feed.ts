/**
 * Turns the owner's contacts into the events of the secret calendar feed: one event per
 * upcoming prompt, at the time it is due, with the drafted message in its description, so
 * a calendar app shows "Check in with Jane Doe (Acme)" on the right day with the words ready.
 */
import type { ContactStatus, ContactView, PromptKind } from '../model.js';
import { toOptionalLine } from '../rendering/text-safety.js';
import { buildCalendar, ICS_EVENT_MINUTES, type CalendarEvent } from './ics.js';

/** The feed's display name in calendar apps. */
export const CHECK_IN_FEED_NAME = 'Not Today check-ins';
/** Domain part of every event UID (RFC 5545 recommends a host-like right-hand side). */
export const CHECK_IN_UID_DOMAIN = 'not-today.invalid';

/** Longest company or person name in an event summary. */
const CONTACT_LINE_MAX = 120;

/** Statuses whose next prompt will really be sent (a stopped or ignored contact has none). */
const SCHEDULED_STATUSES: ReadonlySet<ContactStatus> = new Set(['active', 'snoozed']);

/** What an event's description holds besides the why-now line. */
export interface DraftForFeed {
  /** The drafted message the owner will send (plain text). */
  text: string;
}

export interface CheckInFeedInput {
  views: readonly ContactView[];
  now: Date;
  /** The drafted message for a view's next prompt, or null when none can be drafted. */
  draftFor: (view: ContactView) => DraftForFeed | null;
  /** Optional signed link to the contact's fix-details page. */
  linkFor?: (view: ContactView) => string | undefined;
}

const PROMPT_SUMMARY: Record<PromptKind, string> = {
  'thank-you': 'Send a thank-you',
  'feedback-follow-up': 'Follow up on feedback',
  'check-in': 'Check in',
  'needs-review': 'Review a forwarded email',
};

const PROMPT_WHY: Record<PromptKind, string> = {
  'thank-you': 'A short thank-you keeps the door open after a "not today".',
  'feedback-follow-up': 'You asked for feedback and no reply was marked yet.',
  'check-in': 'Time for a friendly check-in to keep this contact warm.',
  'needs-review': 'Not Today could not tell whether this email was a rejection.',
};

/** "Jane Doe (Acme)", "Acme", "Jane Doe" or "a contact", from whatever is known. */
export function describeContact(view: ContactView): string {
  const contactName = toOptionalLine(view.contact.contactName, CONTACT_LINE_MAX);
  const company = toOptionalLine(view.contact.company, CONTACT_LINE_MAX);
  if (contactName && company) return `${contactName} (${company})`;
  return contactName ?? company ?? 'a contact';
}

/** The digits of an ISO instant down to the second: YYYYMMDDhhmmss. */
const ISO_DIGITS_TO_SECONDS = 14;

/**
 * A UID that stays the same for the same reminder (contact, prompt, its place in the
 * cadence and the anchor it counts from), so a snooze moves the event instead of adding one.
 */
export function checkInUid(view: ContactView): string {
  const { plan } = view;
  const anchor = plan.anchorAt.replace(/[^0-9]/g, '').slice(0, ISO_DIGITS_TO_SECONDS);
  const ordinal = plan.nextPrompt === 'check-in' ? plan.checkInsSent + 1 : 0;
  return `${plan.contactId}-${plan.nextPrompt ?? 'none'}-${ordinal}-${anchor}@${CHECK_IN_UID_DOMAIN}`;
}

/** The events of the feed, soonest first; contacts with nothing scheduled have none. */
export function listCheckInEvents(input: CheckInFeedInput): CalendarEvent[] {
  const events: { event: CalendarEvent; dueAt: number }[] = [];
  for (const view of input.views) {
    const { plan } = view;
    if (!plan.nextPrompt || !plan.nextDueAt || !SCHEDULED_STATUSES.has(plan.status)) continue;
    const start = new Date(plan.nextDueAt);
    if (Number.isNaN(start.getTime())) continue;
    const draft = input.draftFor(view);
    const who = describeContact(view);
    const description = [
      PROMPT_WHY[plan.nextPrompt],
      ...(draft ? ['', 'Drafted message:', '', draft.text.trim()] : []),
    ].join('\n');
    const url = input.linkFor?.(view);
    events.push({
      dueAt: start.getTime(),
      event: {
        uid: checkInUid(view),
        start,
        durationMinutes: ICS_EVENT_MINUTES,
        summary: `${PROMPT_SUMMARY[plan.nextPrompt]}: ${who}`,
        description,
        ...(url ? { url } : {}),
      },
    });
  }
  return events.sort((left, right) => left.dueAt - right.dueAt).map((entry) => entry.event);
}

/** The whole feed as an iCalendar document (CRLF, folded, escaped). */
export function buildCheckInFeed(input: CheckInFeedInput): string {
  return buildCalendar({ name: CHECK_IN_FEED_NAME, generatedAt: input.now, events: listCheckInEvents(input) });
}
