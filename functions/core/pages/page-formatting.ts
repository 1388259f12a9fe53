/**
 * Small wording helpers shared by the pages: how a contact, a date, a status or an action
 * reads to the owner. Dates are shown in the owner's time zone.
 */
import { DateTime } from 'luxon';
import type { ActionKind, Contact, ContactStatus, PromptKind } from '../model.js';
import { toOptionalLine } from '../rendering/text-safety.js';
import type { WhoView } from './page-views.js';

/** Longest company, person or role shown on a page (longer values are cut with "…"). */
export const PAGE_LINE_MAX = 120;

/** Company, person and role as single clean lines (control characters and line breaks gone). */
export function describeWho(contact: Pick<Contact, 'company' | 'contactName' | 'role'>): WhoView {
  return {
    company: toOptionalLine(contact.company, PAGE_LINE_MAX),
    person: toOptionalLine(contact.contactName, PAGE_LINE_MAX),
    role: toOptionalLine(contact.role, PAGE_LINE_MAX),
  };
}

/** "Acme - Jane Doe", "Acme", "Jane Doe" or "this contact" (as the use cases word it). */
export function nameWho(who: WhoView): string {
  if (who.company && who.person) return `${who.company} - ${who.person}`;
  return who.company ?? who.person ?? 'this contact';
}

/** "14 March", or "14 March 2028" when not in the current year. */
export function formatDay(at: Date | string, now: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone: timeZone });
  const current = DateTime.fromJSDate(now, { zone: timeZone });
  return date.setLocale('en-GB').toFormat(date.year === current.year ? 'd MMMM' : 'd MMMM yyyy');
}

/** "14 March, 09:00" in the owner's time zone (year added when not the current one). */
export function formatDayAndTime(at: Date | string, now: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone: timeZone });
  return `${formatDay(at, now, timeZone)}, ${date.toFormat('HH:mm')}`;
}

export const STATUS_LABELS: Record<ContactStatus, string> = {
  active: 'Active',
  snoozed: 'Snoozed',
  stopped: 'Stopped',
  quiet: 'Quiet',
  'needs-review': 'Needs review',
  ignored: 'Ignored',
};

export const PROMPT_LABELS: Record<PromptKind, string> = {
  'thank-you': 'Thank-you note',
  'feedback-follow-up': 'Feedback follow-up',
  'check-in': 'Check-in',
  'needs-review': 'Review',
};

/** How an action reads in a list ("Snoozed 1 month"). */
export const ACTION_LABELS: Record<ActionKind, string> = {
  sent: 'Marked sent',
  replied: 'Marked replied',
  'snooze-1w': 'Snoozed 1 week',
  'snooze-1m': 'Snoozed 1 month',
  'snooze-3m': 'Snoozed 3 months',
  stop: 'Stopped',
  resume: 'Resumed',
  ignore: 'Ignored',
  track: 'Tracked',
  edit: 'Edited details',
  overview: 'Viewed overview',
  calendar: 'Viewed calendar',
  resend: 'Asked for a fresh email',
};
