/**
 * Wall-clock time in an IANA time zone, with the platform's Intl (no date library): what the
 * owner's calendar says at an instant, the instant of a wall time, calendar arithmetic in days
 * and months, and the few date formats the emails and pages show.
 *
 * Why not luxon: every function's bundle carried it (about 70 KB minified, evaluated at each cold
 * start) for these few operations. The rules below are luxon's, kept on purpose so dates,
 * schedules and wording stay exactly as they were (test/unit/time/zoned-time.test.ts compares
 * them with luxon over many zones and instants).
 */

/** A wall-clock reading: month 1-12, day 1-31, hour 0-23. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A calendar offset in whole months and/or days. */
export interface CalendarShift {
  months?: number;
  days?: number;
}

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MONTHS_PER_YEAR = 12;
const FIRST_HOUR_OF_DAY = 0;
/** Years written with four digits ("0999", "2026"), as ISO dates and the formats below write them. */
const YEAR_DIGITS = 4;
const TWO_DIGITS = 2;
/** The English month names (luxon's en-GB "MMMM"/"LLLL" give the same). */
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
/** What luxon wrote for a date it could not read; kept so nothing reads differently. */
export const INVALID_DATE_TEXT = 'Invalid DateTime';

/** One formatter per zone (building one costs far more than using it). */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Names every platform's Intl accepts that Intl.supportedValuesOf may leave out. */
const UTC_ZONE_NAMES = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'];
let supportedZones: ReadonlySet<string> | undefined;

/**
 * True when the platform knows `zone` (an IANA name such as Europe/Berlin, or UTC): one that
 * Intl.DateTimeFormat accepts. The platform's list of zone names answers the usual case in
 * about 1 ms; building a DateTimeFormat (the check for anything else: aliases, other spellings)
 * loads locale data, about 12 ms the first time, which a cold start that formats no date
 * (dispatch's empty sweep, validating its config) then does not pay.
 */
export function isValidTimeZone(zone: string): boolean {
  supportedZones ??= new Set([...Intl.supportedValuesOf('timeZone'), ...UTC_ZONE_NAMES]);
  return supportedZones.has(zone) || formatterOf(zone) !== null;
}

function requireFormatter(zone: string): Intl.DateTimeFormat {
  const formatter = formatterOf(zone);
  if (!formatter) throw new RangeError(`unknown time zone "${zone}"`);
  return formatter;
}

/** The wall time in `zone` at `instant` (ms since the epoch). */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let beforeChrist = false;
  for (const part of requireFormatter(zone).formatToParts(instant)) {
    if (part.type === 'era') beforeChrist = part.value.startsWith('B');
    else if (part.type in wall) wall[part.type as keyof WallTime] = Number(part.value);
  }
  if (beforeChrist) wall.year = 1 - wall.year;
  wall.millisecond = ((instant % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND;
  return wall;
}

/** The wall time read as if it were UTC (ms); Date.UTC keeps years 0-99 as they are. */
function wallAsUtc(wall: WallTime): number {
  const date = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond));
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/** The zone's offset from UTC at `instant`, in ms (wall time minus UTC). */
function offsetAt(instant: number, zone: string): number {
  return wallAsUtc(wallTimeAt(instant, zone)) - instant;
}

/**
 * The instant of a wall time (given as ms read as UTC), starting from a guessed offset: if the
 * wall time happens twice the guess picks which, if it does not exist (a spring-forward gap)
 * the result is the wall time pushed forward by the gap. luxon's fixOffset, step for step.
 */
function instantFromGuess(wallMs: number, guessOffset: number, zone: string): number {
  let utcGuess = wallMs - guessOffset;
  const secondOffset = offsetAt(utcGuess, zone);
  if (guessOffset === secondOffset) return utcGuess;
  utcGuess -= secondOffset - guessOffset;
  const thirdOffset = offsetAt(utcGuess, zone);
  if (secondOffset === thirdOffset) return utcGuess;
  return wallMs - Math.min(secondOffset, thirdOffset);
}

/**
 * The earliest instant that reads `wall` in `zone`. In a spring-forward gap (the wall time does
 * not exist) it is the wall time pushed forward by the gap's length (02:30 -> 03:30).
 */
export function earliestInstantOf(wall: WallTime, zone: string): number {
  const wallMs = wallAsUtc(wall);
  const offsets = [offsetAt(wallMs - MS_PER_DAY, zone), offsetAt(wallMs + MS_PER_DAY, zone)];
  const valid = offsets.map((offset) => wallMs - offset).filter((instant) => offsetAt(instant, zone) === wallMs - instant);
  if (valid.length > 0) return Math.min(...valid);
  return wallMs - Math.min(...offsets);
}

/** The days of a month (1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `instant` moved by whole months, then whole days, on the wall calendar of `zone`: the wall
 * time of day is kept, a day the target month lacks is clamped to its last day (31 Jan + 1
 * month = 28/29 Feb), and the instant is found from the original offset (luxon's `plus`).
 */
export function plusOnCalendar(instant: number, zone: string, shift: CalendarShift): number {
  const wall = wallTimeAt(instant, zone);
  const monthIndex = wall.month - 1 + Math.trunc(shift.months ?? 0);
  const year = wall.year + Math.floor(monthIndex / MONTHS_PER_YEAR);
  const month = (((monthIndex % MONTHS_PER_YEAR) + MONTHS_PER_YEAR) % MONTHS_PER_YEAR) + 1;
  const day = Math.min(wall.day, daysInMonth(year, month)) + Math.trunc(shift.days ?? 0);
  // Date.UTC carries a day past the month's end into the next month, as luxon does.
  const moved = new Date(wallAsUtc({ ...wall, year, month, day: 1 }) + (day - 1) * MS_PER_DAY);
  return instantFromGuess(moved.getTime(), wallAsUtc(wall) - instant, zone);
}

/** The start (00:00:00.000, read as UTC) of the wall-calendar day of `instant`. */
function wallDayStart(instant: number, zone: string): number {
  const wall = wallTimeAt(instant, zone);
  return wallAsUtc({ ...wall, hour: FIRST_HOUR_OF_DAY, minute: 0, second: 0, millisecond: 0 });
}

type CalendarUnit = 'months' | 'days';

/**
 * How many calendar months or days lie between two instants on the wall calendar of `zone`,
 * with the part of the last unit as a fraction of that unit's real length (a 23-hour day, a
 * 28-day month). Negative when `to` is before `from`. luxon's `to.diff(from, unit)`.
 */
export function calendarDiff(from: number, to: number, zone: string, unit: CalendarUnit): number {
  if (to < from) return -calendarDiff(to, from, zone, unit);
  const differ = (cursor: number): number => {
    if (unit === 'days') return Math.floor((wallDayStart(to, zone) - wallDayStart(cursor, zone)) / MS_PER_DAY);
    const start = wallTimeAt(cursor, zone);
    const end = wallTimeAt(to, zone);
    return end.month - start.month + (end.year - start.year) * MONTHS_PER_YEAR;
  };
  const plus = (count: number): number => plusOnCalendar(from, zone, { [unit]: count });
  let whole = differ(from);
  let highWater = plus(whole);
  let cursor: number;
  let sameAsHighWater = false;
  if (highWater > to) {
    whole -= 1;
    cursor = plus(whole);
    if (cursor > to) {
      highWater = cursor;
      whole -= 1;
      cursor = plus(whole);
    }
  } else {
    cursor = highWater;
    sameAsHighWater = true;
  }
  if (highWater < to) {
    highWater = plusOnCalendar(cursor, zone, { [unit]: 1 });
    sameAsHighWater = false;
  }
  return sameAsHighWater ? whole : whole + (to - cursor) / (highWater - cursor);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 date or date-time (extended format): with an offset (Z, +02:00) it is that
 * instant; without one it is a wall time in `zone` ("2026-03-14" = midnight there). Null when
 * it is not such a string or names no real date.
 */
export function parseIsoInZone(iso: string, zone: string): number | null {
  const match = ISO_DATE_TIME.exec(iso.trim());
  if (!match || !isValidTimeZone(zone)) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
  const valid = isRealDate(wall.year, wall.month, wall.day) && wall.hour <= 23 && wall.minute <= 59 && wall.second <= 59;
  if (!valid) return null;
  if (offset === undefined) return earliestInstantOf(wall, zone);
  if (offset.toUpperCase() === 'Z') return wallAsUtc(wall);
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return wallAsUtc(wall) - sign * offsetMinutes * MS_PER_MINUTE;
}

/** Whether year-month-day names a day of the (proleptic Gregorian) calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return [year, month, day].every(Number.isInteger) && month >= 1 && month <= MONTHS_PER_YEAR && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** "yyyy-MM-dd" of a wall time. */
export function formatIsoDate(wall: WallTime): string {
  return `${pad(wall.year, YEAR_DIGITS)}-${pad(wall.month, TWO_DIGITS)}-${pad(wall.day, TWO_DIGITS)}`;
}

/** "14 March" ('d MMMM'), or "14 March 2027" ('d MMMM yyyy') with the year. */
export function formatDayMonth(wall: WallTime, withYear: boolean): string {
  const dayMonth = `${wall.day} ${MONTH_NAMES[wall.month - 1]}`;
  return withYear ? `${dayMonth} ${pad(wall.year, YEAR_DIGITS)}` : dayMonth;
}

/** "09:05" ('HH:mm'). */
export function formatHourMinute(wall: WallTime): string {
  return `${pad(wall.hour, TWO_DIGITS)}:${pad(wall.minute, TWO_DIGITS)}`;
}
