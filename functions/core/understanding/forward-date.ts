/**
 * Reads the date line of an inline forward ("Wed, Oct 27, 2021 at 9:31 AM", "Monday, 1 August
 * 2022 11:11 pm", "17 août 2022 à 09:06:24 UTC+2", "Freitag, 20. März 2026 16:12",
 * "27.10.2021 09:31") into ISO 8601. Month names come from Intl for the languages listed, so no
 * name table is kept by hand. Forward headers rarely carry a zone: then the ISO text has no
 * offset (local time as written). Returns null when the text cannot be read with confidence
 * (an ambiguous 03/04/2026 included).
 */

/** Languages whose month names are recognised. */
export const FORWARD_DATE_LOCALES: readonly string[] = [
  'en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'tr', 'ru', 'uk',
];

const MONTHS_PER_YEAR = 12;
/** Any date serves to read a month's name; mid-month of a plain year avoids time-zone edges. */
const SAMPLE_YEAR = 2001;
const SAMPLE_DAY = 15;
const MINUTES_PER_HOUR = 60;
const NOON = 12;
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;
const MAX_DAY = 31;
const FOUR_DIGIT_YEAR = /^\d{4}$/;

/** Per language: lower-case month name (long, short, in-date forms, no dots) -> month 1-12. Built on first use. */
const monthNamesByLocale = new Map<string, ReadonlyMap<string, number>>();

/**
 * English month names, written out: the most common forward language is read without loading
 * ICU's date data, which costs a cold start several milliseconds (Intl gives the same names).
 */
const ENGLISH_MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
/** September, which English and French also abbreviate "Sept". */
const SEPTEMBER = 9;
/** Length of an English short month name ("Jan"). */
const SHORT_MONTH_CHARS = 3;

function readMonthNames(locale: string): ReadonlyMap<string, number> {
  const known = monthNamesByLocale.get(locale);
  if (known) return known;
  const names = new Map<string, number>();
  const add = (name: string | undefined, month: number) => {
    const key = (name ?? '').toLowerCase().replace(/\./g, '').trim();
    if (key && !/^\d+$/.test(key) && !names.has(key)) names.set(key, month);
  };
  if (locale === 'en') {
    ENGLISH_MONTHS.forEach((name, index) => {
      add(name, index + 1);
      add(name.slice(0, SHORT_MONTH_CHARS), index + 1);
    });
    add('sept', SEPTEMBER);
    monthNamesByLocale.set(locale, names);
    return names;
  }
  for (const style of ['long', 'short'] as const) {
    const alone = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    // In a full date some languages use another form (Polish "marca", Russian "марта").
    const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: style, timeZone: 'UTC' });
    for (let month = 1; month <= MONTHS_PER_YEAR; month++) {
      const date = new Date(Date.UTC(SAMPLE_YEAR, month - 1, SAMPLE_DAY));
      add(alone.format(date), month);
      add(inDate.formatToParts(date).find((part) => part.type === 'month')?.value, month);
    }
  }
  if (locale === 'fr') add('sept', SEPTEMBER);
  monthNamesByLocale.set(locale, names);
  return names;
}

/** The month a word names in any of the languages, trying them in order (building each only when needed). */
function findMonth(words: readonly string[]): number | undefined {
  const keys = words.map((word) => word.toLowerCase().replace(/\./g, ''));
  for (const locale of FORWARD_DATE_LOCALES) {
    const names = readMonthNames(locale);
    for (const key of keys) {
      const month = names.get(key);
      if (month !== undefined) return month;
    }
  }
  return undefined;
}

const TIME = /(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/i;
/** A zone right after the time: "UTC+2", "(GMT+02:00)", "+0100". */
const ZONE_AFTER_TIME = /^\s*(?:\(?(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?\)?|([+-])(\d{2}):?(\d{2}))/i;
const UTC_WORD = /\b(?:UTC|GMT|Z)\b/;
const NUMERIC_DATE = /\b(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\b/;
const WORD = /[\p{L}]+\.?/gu;
const NUMBER = /\d+/g;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > MONTHS_PER_YEAR || day < 1 || day > MAX_DAY) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads day, month and year from the date part (time already removed). */
function readCalendarDate(text: string): { year: number; month: number; day: number } | null {
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [, a = '', separator, b = '', c = ''] = numeric;
    if (FOUR_DIGIT_YEAR.test(a)) return { year: Number(a), month: Number(b), day: Number(c) };
    if (!FOUR_DIGIT_YEAR.test(c)) return null;
    const first = Number(a);
    const second = Number(b);
    if (separator === '.' || separator === '-' || first > NOON) return { year: Number(c), month: second, day: first };
    if (second > NOON) return { year: Number(c), month: first, day: second };
    return null; // 03/04/2026: day-month or month-day cannot be told apart
  }
  const month = findMonth(text.match(WORD) ?? []);
  if (month === undefined) return null;
  const numbers = (text.match(NUMBER) ?? []).map(Number);
  const year = numbers.find((n) => n >= MIN_YEAR && n <= MAX_YEAR);
  const day = numbers.find((n) => n >= 1 && n <= MAX_DAY);
  return year !== undefined && day !== undefined ? { year, month, day } : null;
}

/** Parses a forward's date text; ISO 8601 or null. */
export function parseForwardDate(text: string | null | undefined): string | null {
  if (!text?.trim()) return null;
  let rest = text.replace(/\s+/g, ' ').trim();

  const time = TIME.exec(rest);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let offsetMinutes: number | null = null;
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = Number(time[3] ?? 0);
    const meridiem = time[4]?.toLowerCase().replace(/[.\s]/g, '');
    if (meridiem === 'pm' && hour < NOON) hour += NOON;
    if (meridiem === 'am' && hour === NOON) hour = 0;
    const after = rest.slice(time.index + time[0].length);
    const zone = ZONE_AFTER_TIME.exec(after);
    let consumed = 0;
    if (zone) {
      const sign = zone[1] ?? zone[4];
      const hours = Number(zone[2] ?? zone[5]);
      const minutes = Number(zone[3] ?? zone[6] ?? 0);
      offsetMinutes = (sign === '-' ? -1 : 1) * (hours * MINUTES_PER_HOUR + minutes);
      consumed = zone[0].length;
    }
    rest = `${rest.slice(0, time.index)} ${after.slice(consumed)}`;
  }
  if (offsetMinutes === null && UTC_WORD.test(rest)) offsetMinutes = 0;

  const date = readCalendarDate(rest);
  if (!date || !isValidDate(date.year, date.month, date.day) || hour > 23 || minute > 59 || second > 59) return null;
  const local = `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (offsetMinutes === null) return local;
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(absolute / MINUTES_PER_HOUR))}:${pad(absolute % MINUTES_PER_HOUR)}`;
}
