/**
 * Calendar arithmetic in the owner's time zone: "one month after this, at 9 in the morning
 * in Berlin". Prompts are counted in local calendar days and months (so a DST change never
 * moves a prompt to 8 or 10 o'clock) and then placed at the owner's send hour.
 */
import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors.js';

/** Where and when prompts arrive. */
export interface SendTimeSettings {
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Local hour 0-23. */
  sendHour: number;
}

/** A calendar offset: whole days and/or whole months. */
export interface CalendarOffset {
  days?: number;
  months?: number;
}

const LAST_HOUR_OF_DAY = 23;

/**
 * The instant that is `offset` after `from` on the owner's calendar, at the owner's send hour.
 *
 * - Months are added to the local date; a day that does not exist is clamped to the month's
 *   last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 * - Spring forward: when the send hour falls in the skipped hour (02:00 in America/New_York),
 *   the prompt arrives at the first valid instant after the gap (03:00 local, same day).
 * - Fall back: when the send hour occurs twice (01:00 in America/New_York), the first (earlier,
 *   daylight-time) occurrence is used.
 */
export function addOnOwnerCalendar(from: Date, offset: CalendarOffset, settings: SendTimeSettings): Date {
  assertSettings(settings);
  const local = DateTime.fromJSDate(from, { zone: settings.timeZone });
  const shifted = local.plus({ months: offset.months ?? 0, days: offset.days ?? 0 });
  return atSendHour(shifted.year, shifted.month, shifted.day, settings);
}

/** The instant of `sendHour` on a local date, with the DST rules of {@link addOnOwnerCalendar}. */
export function atSendHour(year: number, month: number, day: number, settings: SendTimeSettings): Date {
  assertSettings(settings);
  const candidate = DateTime.fromObject({ year, month, day, hour: settings.sendHour }, { zone: settings.timeZone });
  if (!candidate.isValid) {
    throw new InvalidInputError(`cannot place ${year}-${month}-${day} ${settings.sendHour}:00 in ${settings.timeZone}`);
  }
  if (candidate.hour !== settings.sendHour) {
    // In a spring-forward gap luxon keeps the wall time and shifts it by the gap's length
    // (02:00 -> 03:00). That is what we want: the first valid instant after the gap.
    return candidate.startOf('hour').toJSDate();
  }
  return earliestOccurrence(candidate).toJSDate();
}

/** The owner's local calendar date of an instant, as "yyyy-MM-dd". */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? instant.toISOString().slice(0, 10);
}

/** When a wall time happens twice (fall back), the earlier instant of the two. */
function earliestOccurrence(candidate: DateTime): DateTime {
  const oneHourEarlier = candidate.minus({ hours: 1 });
  if (oneHourEarlier.hour === candidate.hour && oneHourEarlier.day === candidate.day) return oneHourEarlier;
  return candidate;
}

function assertSettings(settings: SendTimeSettings): void {
  if (!Number.isInteger(settings.sendHour) || settings.sendHour < 0 || settings.sendHour > LAST_HOUR_OF_DAY) {
    throw new InvalidInputError(`send hour must be a whole hour 0-${LAST_HOUR_OF_DAY}, got ${settings.sendHour}`);
  }
  if (!DateTime.local().setZone(settings.timeZone).isValid) {
    throw new InvalidInputError(`unknown time zone "${settings.timeZone}"`);
  }
}
