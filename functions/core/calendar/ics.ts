/**
 * A minimal, strict iCalendar (RFC 5545) writer for the owner's check-in feed.
 *
 * Why hand-written: the feed needs four properties per event and exact control over the
 * three things calendar apps are picky about: CRLF line endings, folding long lines at
 * 75 octets (never inside a UTF-8 character), and escaping TEXT values (backslash,
 * semicolon, comma, newlines). Every value that may come from inbound mail or the owner's
 * edits goes through `escapeText`, so it can never start a new property or component.
 */

/** RFC 5545 3.1: lines are delimited by CRLF. */
export const ICS_LINE_BREAK = '\r\n';
/** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const ICS_MAX_LINE_OCTETS = 75;
/** The product identifier written in every feed. */
export const ICS_PRODUCT_ID = '-//Not Today//Check-in feed//EN';
/** How often subscribing apps are asked to refresh (an ISO 8601 duration). */
export const ICS_REFRESH_INTERVAL = 'PT6H';
/** Length of each reminder event, in minutes. */
export const ICS_EVENT_MINUTES = 30;

/** One event of the feed. Text values are raw (unescaped); the writer escapes them. */
export interface CalendarEvent {
  /** Globally unique and stable for the same reminder across refreshes. */
  uid: string;
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  /** Optional link shown by calendar apps (must already be an absolute URL). */
  url?: string;
}

/** A whole feed. */
export interface CalendarFeed {
  name: string;
  /** DTSTAMP of every event: when the feed was generated. */
  generatedAt: Date;
  events: readonly CalendarEvent[];
}

/** Control characters other than TAB are not allowed in TEXT values (RFC 5545 3.3.11). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Escapes a TEXT value: backslash, semicolon and comma get a backslash; every kind of line
 * break becomes the two characters `\n`; other control characters are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(FORBIDDEN_CONTROL_CHARACTERS, '')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
}

/** UTF-8 length of one code point (1 to 4 octets). */
function utf8Octets(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line into chunks of at most 75 octets (RFC 5545 3.1): each continuation
 * starts with one space, which counts towards its 75 octets. Never splits a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let currentOctets = 0;
  let limit = ICS_MAX_LINE_OCTETS;
  for (const character of line) {
    const octets = utf8Octets(character);
    if (currentOctets + octets > limit) {
      chunks.push(current);
      current = '';
      currentOctets = 0;
      // Continuation lines begin with a space, which takes one of their 75 octets.
      limit = ICS_MAX_LINE_OCTETS - 1;
    }
    current += character;
    currentOctets += octets;
  }
  chunks.push(current);
  return chunks.join(`${ICS_LINE_BREAK} `);
}

/** A UTC DATE-TIME value, e.g. 20270314T090000Z. */
export function formatUtcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Property values that are not TEXT (UIDs, URIs) must still be single-line. */
function stripLineBreaks(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(FORBIDDEN_CONTROL_CHARACTERS, '');
}

function eventLines(event: CalendarEvent, generatedAt: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${stripLineBreaks(event.uid)}`,
    `DTSTAMP:${formatUtcDateTime(generatedAt)}`,
    `DTSTART:${formatUtcDateTime(event.start)}`,
    `DURATION:PT${Math.max(1, Math.round(event.durationMinutes))}M`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'TRANSP:TRANSPARENT',
    'STATUS:CONFIRMED',
  ];
  if (event.url) lines.push(`URL:${stripLineBreaks(event.url)}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Writes a VCALENDAR with one VEVENT per event: CRLF after every line (the last too),
 * every line folded at 75 octets.
 */
export function buildCalendar(feed: CalendarFeed): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${ICS_REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${ICS_REFRESH_INTERVAL}`,
    ...feed.events.flatMap((event) => eventLines(event, feed.generatedAt)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(ICS_LINE_BREAK) + ICS_LINE_BREAK;
}
