/**
 * Calendar arithmetic in the owner's time zone: "one month after this, at 9 in the morning
 * in Berlin". Prompts are counted in local calendar days and months (so a DST change never
 * moves a prompt to 8 or 10 o'clock) and then placed at the owner's send hour.
 */
import { InvalidInputError } from '../errors.js';
import { earliestInstantOf, formatIsoDate, isRealDate, isValidTimeZone, plusOnCalendar, wallTimeAt, type CalendarShift } from '../time/zoned-time.js';

/** Where and when prompts arrive. */
export interface SendTimeSettings {
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Local hour 0-23. */
  sendHour: number;
}

const LAST_HOUR_OF_DAY = 23;
const SECONDS_PER_MINUTE = 60;
const MS_PER_SECOND = 1_000;

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
export function addOnOwnerCalendar(from: Date, offset: CalendarShift, settings: SendTimeSettings): Date {
  assertSettings(settings);
  const shifted = wallTimeAt(plusOnCalendar(from.getTime(), settings.timeZone, offset), settings.timeZone);
  return atSendHour(shifted.year, shifted.month, shifted.day, settings);
}

/** The instant of `sendHour` on a local date, with the DST rules of {@link addOnOwnerCalendar}. */
export function atSendHour(year: number, month: number, day: number, settings: SendTimeSettings): Date {
  assertSettings(settings);
  if (!isRealDate(year, month, day)) {
    throw new InvalidInputError(`cannot place ${year}-${month}-${day} ${settings.sendHour}:00 in ${settings.timeZone}`);
  }
  // The earliest instant of that wall time: in a fall-back overlap the first (daylight-time)
  // occurrence; in a spring-forward gap the wall time pushed forward by the gap (02:00 -> 03:00).
  const wall = { year, month, day, hour: settings.sendHour, minute: 0, second: 0, millisecond: 0 };
  const instant = earliestInstantOf(wall, settings.timeZone);
  const reads = wallTimeAt(instant, settings.timeZone);
  // Pushed past the gap into the next hour: the start of that hour, the first valid instant.
  if (reads.hour !== settings.sendHour) return new Date(instant - (reads.minute * SECONDS_PER_MINUTE + reads.second) * MS_PER_SECOND - reads.millisecond);
  return new Date(instant);
}

/** The owner's local calendar date of an instant, as "yyyy-MM-dd". */
export function localDateOf(instant: Date, timeZone: string): string {
  return isValidTimeZone(timeZone) ? formatIsoDate(wallTimeAt(instant.getTime(), timeZone)) : instant.toISOString().slice(0, 10);
}

function assertSettings(settings: SendTimeSettings): void {
  if (!Number.isInteger(settings.sendHour) || settings.sendHour < 0 || settings.sendHour > LAST_HOUR_OF_DAY) {
    throw new InvalidInputError(`send hour must be a whole hour 0-${LAST_HOUR_OF_DAY}, got ${settings.sendHour}`);
  }
  if (!isValidTimeZone(settings.timeZone)) {
    throw new InvalidInputError(`unknown time zone "${settings.timeZone}"`);
  }
}
