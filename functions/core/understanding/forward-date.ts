/**
 * Reads the date line of an inline forward ("Wed, Oct 27, 2021 at 9:31 AM", "Monday, 1 August
 * 2022 11:11 pm", "17 août 2022 à 09:06:24 UTC+2", "27.10.2021 um 09:31") into ISO 8601.
 * Forward headers rarely carry a zone: then the ISO text has no offset (local time as written).
 * Returns null when the text cannot be read with confidence.
 */
import { DateTime, FixedOffsetZone } from 'luxon';

/** Languages tried for month and weekday names, in order. */
export const FORWARD_DATE_LOCALES: readonly string[] = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'nb', 'fi', 'pl'];

const DATE_FORMATS: readonly string[] = [
  'MMM d yyyy h:mm a', 'MMMM d yyyy h:mm a', 'MMM d yyyy h:mm:ss a', 'MMMM d yyyy h:mm:ss a',
  'd MMM yyyy h:mm a', 'd MMMM yyyy h:mm a', 'd MMM yyyy HH:mm', 'd MMMM yyyy HH:mm', 'd MMM yyyy HH:mm:ss', 'd MMMM yyyy HH:mm:ss',
  'MMM d yyyy HH:mm', 'MMMM d yyyy HH:mm', 'MMMM d yyyy HH:mm:ss',
  'd. MMMM yyyy HH:mm', 'd. MMM yyyy HH:mm', 'd. MMMM yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm', 'dd.MM.yyyy HH:mm:ss', 'd.M.yyyy HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss',
  'M/d/yyyy h:mm a', 'M/d/yyyy h:mm:ss a', 'dd/MM/yyyy HH:mm', 'dd/MM/yyyy HH:mm:ss', 'yyyy/MM/dd HH:mm',
  'd MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'dd.MM.yyyy', 'yyyy-MM-dd',
];

/** Joining words between date and time ("at", "um", "à", "às", "a las", "alle", "om", "kl.", "klo"). */
const JOINING_WORDS = /\s(?:at|um|à|às|a las|alle|alle ore|om|kl\.?|klo|o)\s/gi;
const ZONE = /\s*\(?\b(?:UTC|GMT)(?:\s*([+-]\d{1,2})(?::?(\d{2}))?)?\)?/i;
const ZONE_ABBREVIATION = /\s*\(?\b[A-Z]{2,5}T\)?\s*$/;
const LEADING_WEEKDAY = /^[^\d\s,]+\.?,?\s+(?=\d|[^\d\s,]+\s+\d)/u;

/** Removes weekday, joining words, commas and zone from a date text; returns the offset if any. */
function simplifyDateText(text: string): { simple: string; offsetMinutes: number | null } {
  let simple = text.replace(/\s+/g, ' ').trim();
  let offsetMinutes: number | null = null;
  const zone = ZONE.exec(simple);
  if (zone) {
    const hours = Number(zone[1] ?? 0);
    const minutes = Number(zone[2] ?? 0);
    offsetMinutes = hours * 60 + Math.sign(hours || 1) * minutes;
    simple = simple.replace(zone[0], '');
  }
  simple = simple.replace(ZONE_ABBREVIATION, '');
  if (/^[^\d]+,/.test(simple) || LEADING_WEEKDAY.test(simple)) simple = simple.replace(/^[^\d,]+,\s*/u, '');
  simple = ` ${simple} `.replace(JOINING_WORDS, ' ').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  simple = simple.replace(/\b(a\.?m\.?|p\.?m\.?)$/i, (marker) => marker.replace(/\./g, '').toUpperCase());
  return { simple, offsetMinutes };
}

const RFC_LIKE = /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC|Z)/;

/** Parses a forward's date text; ISO 8601 or null. */
export function parseForwardDate(text: string | null | undefined): string | null {
  if (!text?.trim()) return null;
  const trimmed = text.trim();
  if (RFC_LIKE.test(trimmed)) {
    const parsed = new Date(trimmed);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  const { simple, offsetMinutes } = simplifyDateText(trimmed);
  const locales = /^[\x00-\x7f]*$/.test(simple) ? FORWARD_DATE_LOCALES : FORWARD_DATE_LOCALES.slice(1);
  const zone = offsetMinutes === null ? FixedOffsetZone.utcInstance : FixedOffsetZone.instance(offsetMinutes);
  for (const locale of locales) {
    for (const format of DATE_FORMATS) {
      const parsed = DateTime.fromFormat(simple, format, { locale, zone });
      if (parsed.isValid) {
        return offsetMinutes === null
          ? parsed.toISO({ includeOffset: false, suppressMilliseconds: true })
          : parsed.toISO({ suppressMilliseconds: true });
      }
    }
  }
  return null;
}
