/**
 * Small wording helpers shared by the pages: how a contact, a date, a status or an action
 * reads to the owner. Dates are shown in the owner's time zone; the labels' words are in
 * templates/pages/texts.hbs.
 */
import type { ActionKind, Contact, ContactStatus, PromptKind } from '../model.js';
import { toOptionalLine } from '../rendering/text-safety.js';
import { formatDayMonth, formatHourMinute, INVALID_DATE_TEXT, isValidTimeZone, parseIsoInZone, wallTimeAt, type WallTime } from '../time/zoned-time.js';
import type { PageTexts } from './page-texts.js';
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

/**
 * The wall time of `at` in `timeZone`, or null when either is not valid. A string is read as
 * ISO 8601 (parseIsoInZone: without an offset, a wall time in `timeZone`).
 */
function wallTimeOf(at: Date | string, timeZone: string): WallTime | null {
  const instant = typeof at === 'string' ? parseIsoInZone(at, timeZone) : at.getTime();
  return instant !== null && Number.isFinite(instant) && isValidTimeZone(timeZone) ? wallTimeAt(instant, timeZone) : null;
}

/** A wall time's day, with the year when it is not `now`'s. */
function formatWallDay(date: WallTime, now: Date, timeZone: string): string {
  return formatDayMonth(date, date.year !== wallTimeOf(now, timeZone)?.year);
}

/** "14 March", or "14 March 2028" when not in the current year. */
export function formatDay(at: Date | string, now: Date, timeZone: string): string {
  const date = wallTimeOf(at, timeZone);
  return date ? formatWallDay(date, now, timeZone) : INVALID_DATE_TEXT;
}

/** "14 March, 09:00" in the owner's time zone (year added when not the current one). */
export function formatDayAndTime(at: Date | string, now: Date, timeZone: string): string {
  const date = wallTimeOf(at, timeZone);
  return date ? `${formatWallDay(date, now, timeZone)}, ${formatHourMinute(date)}` : `${INVALID_DATE_TEXT}, ${INVALID_DATE_TEXT}`;
}

/** How a status reads ("Needs review"; words in templates/pages/texts.hbs). */
export function labelStatus(texts: PageTexts, status: ContactStatus): string {
  return texts.say(`status-${status}`);
}

/** How a prompt reads ("Thank-you note"). */
export function labelPrompt(texts: PageTexts, prompt: PromptKind): string {
  return texts.say(`prompt-${prompt}`);
}

/** How an action reads in a list ("Snoozed 1 month"). */
export function labelAction(texts: PageTexts, action: ActionKind): string {
  return texts.say(`action-${action}`);
}
