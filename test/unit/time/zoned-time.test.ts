/**
 * functions/core/time/zoned-time.ts replaces luxon in the functions (smaller, faster bundles);
 * its rules are luxon's. These tests hold it to luxon (still a dev dependency, used by local/)
 * over many zones and instants, DST changes included, so dates, schedules and wording read
 * exactly as before.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  calendarDiff,
  formatDayMonth,
  formatHourMinute,
  formatIsoDate,
  isValidTimeZone,
  parseIsoInZone,
  plusOnCalendar,
  wallTimeAt,
} from '../../../functions/core/time/zoned-time.js';
import { atSendHour } from '../../../functions/core/plan/send-time.js';

/** Zones with one-hour, half-hour and midnight DST changes, odd offsets, and none. */
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'Pacific/Apia',
] as const;
const START = Date.UTC(2010, 0, 1);
const SPAN_MS = Date.UTC(2030, 0, 1) - START;
const SAMPLES = 400;
const MS_PER_HOUR = 3_600_000;

/** A small deterministic generator (no Math.random: the same cases every run). */
function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('zoned time, compared with luxon', () => {
  it('reads the same wall time, date and formats at many instants', () => {
    // Prepare
    const random = makeRandom(7);
    for (const zone of ZONES) {
      for (let index = 0; index < SAMPLES; index += 1) {
        const instant = START + Math.floor(random() * SPAN_MS);
        const expected = DateTime.fromMillis(instant, { zone }).setLocale('en-GB');

        // Act
        const wall = wallTimeAt(instant, zone);

        // Assess
        expect({ ...wall, zone }).toEqual({ year: expected.year, month: expected.month, day: expected.day, hour: expected.hour, minute: expected.minute, second: expected.second, millisecond: expected.millisecond, zone });
        expect(formatIsoDate(wall)).toBe(expected.toISODate());
        expect(formatDayMonth(wall, true)).toBe(expected.toFormat('d MMMM yyyy'));
        expect(formatDayMonth(wall, false)).toBe(expected.toFormat('d MMMM'));
        expect(formatHourMinute(wall)).toBe(expected.toFormat('HH:mm'));
      }
    }
  });

  it('adds calendar months and days as luxon plus() does (month ends clamped, DST kept)', () => {
    // Prepare
    const random = makeRandom(11);
    for (const zone of ZONES) {
      for (let index = 0; index < SAMPLES; index += 1) {
        const instant = START + Math.floor(random() * SPAN_MS);
        const shift = index % 3 === 0 ? { months: Math.floor(random() * 30) } : index % 3 === 1 ? { days: Math.floor(random() * 400) } : { months: 1, days: 3 };

        // Act
        const moved = plusOnCalendar(instant, zone, shift);

        // Assess
        expect({ zone, instant, shift, moved }).toEqual({ zone, instant, shift, moved: DateTime.fromMillis(instant, { zone }).plus(shift).toMillis() });
      }
    }
  });

  it('counts elapsed days and months as luxon diff() does, fractions included', () => {
    // Prepare
    const random = makeRandom(13);
    for (const zone of ZONES) {
      for (let index = 0; index < SAMPLES; index += 1) {
        const from = START + Math.floor(random() * SPAN_MS);
        // Mostly short spans (the drafts' "3 days", "2 weeks"), some long ones, some backwards.
        const span = index % 4 === 0 ? (random() - 0.2) * 800 * 24 * MS_PER_HOUR : random() * 40 * 24 * MS_PER_HOUR;
        const to = from + Math.floor(span);
        const luxonFrom = DateTime.fromMillis(from, { zone });
        const luxonTo = DateTime.fromMillis(to, { zone });

        // Act
        const days = calendarDiff(from, to, zone, 'days');
        const months = calendarDiff(from, to, zone, 'months');

        // Assess
        expect({ zone, from, to, days }).toEqual({ zone, from, to, days: luxonTo.diff(luxonFrom, 'days').days });
        expect({ zone, from, to, months }).toEqual({ zone, from, to, months: luxonTo.diff(luxonFrom, 'months').months });
      }
    }
  });

  it('parses ISO dates and date-times as luxon fromISO does (with and without offset)', () => {
    // Prepare
    const random = makeRandom(17);
    for (const zone of ZONES) {
      for (let index = 0; index < SAMPLES / 4; index += 1) {
        const instant = START + Math.floor(random() * SPAN_MS);
        const utc = new Date(instant).toISOString();
        // Noon wall times: no zone here changes its clocks at noon, so the reading is unambiguous.
        const localNoon = `${utc.slice(0, 10)}T12:00:00`;
        const texts = [utc, utc.replace('Z', '+05:30'), utc.slice(0, 10), localNoon, `${utc.slice(0, 16)}-03:00`];
        for (const text of texts) {
          // Act
          const parsed = parseIsoInZone(text, zone);

          // Assess
          expect({ zone, text, parsed }).toEqual({ zone, text, parsed: DateTime.fromISO(text, { zone }).toMillis() });
        }
      }
    }
    expect(parseIsoInZone('not a date', 'UTC')).toBeNull();
    expect(parseIsoInZone('2026-02-30', 'UTC')).toBeNull();
    expect(parseIsoInZone('2026-03-01', 'Mars/Olympus')).toBeNull();
  });

  it('places every send hour of DST-change days where the luxon version placed it', () => {
    // Prepare: the days around each zone's clock changes in 2026, every hour of them
    for (const zone of ZONES) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [1, 5, 6, 7, 8, 25, 26, 27, 28, 29]) {
          if (day > new Date(Date.UTC(2026, month, 0)).getUTCDate()) continue;
          for (let hour = 0; hour < 24; hour += 1) {
            // Act
            const placed = atSendHour(2026, month, day, { timeZone: zone, sendHour: hour });

            // Assess
            expect({ zone, month, day, hour, at: placed.toISOString() }).toEqual({ zone, month, day, hour, at: luxonAtSendHour(2026, month, day, hour, zone) });
          }
        }
      }
    }
  });

  it('refuses a day the calendar does not have, as the luxon version did', () => {
    // Act / Assess
    expect(() => atSendHour(2026, 2, 29, { timeZone: 'UTC', sendHour: 9 })).toThrow(/cannot place 2026-2-29 9:00 in UTC/);
    expect(() => atSendHour(2026, 13, 1, { timeZone: 'UTC', sendHour: 9 })).toThrow(/cannot place/);
  });

  it('knows the zones Intl knows', () => {
    // Act / Assess
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

/** atSendHour as it was written with luxon (the reference). */
function luxonAtSendHour(year: number, month: number, day: number, hour: number, zone: string): string {
  const candidate = DateTime.fromObject({ year, month, day, hour }, { zone });
  if (candidate.hour !== hour) return candidate.startOf('hour').toJSDate().toISOString();
  const oneHourEarlier = candidate.minus({ hours: 1 });
  const earliest = oneHourEarlier.hour === candidate.hour && oneHourEarlier.day === candidate.day ? oneHourEarlier : candidate;
  return earliest.toJSDate().toISOString();
}
