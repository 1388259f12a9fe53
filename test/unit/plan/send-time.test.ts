import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../functions/core/errors.js';
import { addOnOwnerCalendar, atSendHour, localDateOf } from '../../../functions/core/plan/send-time.js';

const berlin9 = { timeZone: 'Europe/Berlin', sendHour: 9 };
const newYork9 = { timeZone: 'America/New_York', sendHour: 9 };

describe('addOnOwnerCalendar', () => {
  it('keeps 09:00 Berlin time across the spring DST change (UTC+1 -> UTC+2)', () => {
    // Prepare: a moment in winter time, two weeks before the change on 29 March 2026
    const from = new Date('2026-03-20T15:00:00.000Z');

    // Act
    const due = addOnOwnerCalendar(from, { days: 14 }, berlin9);

    // Assess: 3 April 09:00 CEST is 07:00 UTC (in winter it would have been 08:00 UTC)
    expect(due.toISOString()).toBe('2026-04-03T07:00:00.000Z');
  });

  it('keeps 09:00 New York time across the autumn DST change (UTC-4 -> UTC-5)', () => {
    // Prepare: 20 October 2026 (EDT); the change is on 1 November
    const from = new Date('2026-10-20T14:00:00.000Z');

    // Act
    const due = addOnOwnerCalendar(from, { months: 1 }, newYork9);

    // Assess: 20 November 09:00 EST is 14:00 UTC
    expect(due.toISOString()).toBe('2026-11-20T14:00:00.000Z');
  });

  it('counts from the owner\'s local date, not the UTC date', () => {
    // Prepare: 22:30 on 2 March in New York is already 3 March in UTC
    const from = new Date('2026-03-03T03:30:00.000Z');

    // Act
    const due = addOnOwnerCalendar(from, { days: 14 }, newYork9);

    // Assess: 16 March local (after the 8 March DST change: 09:00 EDT = 13:00 UTC)
    expect(localDateOf(due, 'America/New_York')).toBe('2026-03-16');
    expect(due.toISOString()).toBe('2026-03-16T13:00:00.000Z');
  });

  it('clamps month ends: 31 January + 1 month is the last day of February', () => {
    // Prepare
    const from = new Date('2027-01-31T10:00:00.000Z');
    const leapFrom = new Date('2028-01-31T10:00:00.000Z');

    // Act
    const plain = addOnOwnerCalendar(from, { months: 1 }, berlin9);
    const leap = addOnOwnerCalendar(leapFrom, { months: 1 }, berlin9);
    const overYearEnd = addOnOwnerCalendar(new Date('2026-10-31T10:00:00.000Z'), { months: 4 }, berlin9);

    // Assess
    expect(plain.toISOString()).toBe('2027-02-28T08:00:00.000Z');
    expect(leap.toISOString()).toBe('2028-02-29T08:00:00.000Z');
    expect(overYearEnd.toISOString()).toBe('2027-02-28T08:00:00.000Z');
  });

  it('rejects an unknown time zone and a send hour out of range', () => {
    // Prepare
    const from = new Date('2026-03-01T00:00:00.000Z');

    // Act / Assess
    expect(() => addOnOwnerCalendar(from, { days: 1 }, { timeZone: 'Mars/Olympus', sendHour: 9 })).toThrow(InvalidInputError);
    expect(() => addOnOwnerCalendar(from, { days: 1 }, { timeZone: 'UTC', sendHour: 24 })).toThrow(InvalidInputError);
  });
});

describe('atSendHour', () => {
  it('moves a send hour inside the spring-forward gap to the first valid instant (New York, 02:00)', () => {
    // Prepare: on 8 March 2026 New York clocks jump from 02:00 to 03:00
    const settings = { timeZone: 'America/New_York', sendHour: 2 };

    // Act
    const due = atSendHour(2026, 3, 8, settings);

    // Assess: 03:00 EDT = 07:00 UTC, same day
    expect(due.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('moves a send hour inside the spring-forward gap in Berlin (02:00 on 29 March)', () => {
    // Prepare
    const settings = { timeZone: 'Europe/Berlin', sendHour: 2 };

    // Act
    const due = atSendHour(2026, 3, 29, settings);

    // Assess: 03:00 CEST = 01:00 UTC
    expect(due.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('picks the first of the two occurrences of an hour on fall-back day', () => {
    // Prepare: 01:00 happens twice in New York on 1 November 2026 (EDT, then EST)
    const newYork = { timeZone: 'America/New_York', sendHour: 1 };
    const berlin = { timeZone: 'Europe/Berlin', sendHour: 2 };

    // Act
    const inNewYork = atSendHour(2026, 11, 1, newYork);
    const inBerlin = atSendHour(2026, 10, 25, berlin);

    // Assess: 01:00 EDT = 05:00 UTC (not 06:00); 02:00 CEST = 00:00 UTC (not 01:00)
    expect(inNewYork.toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect(inBerlin.toISOString()).toBe('2026-10-25T00:00:00.000Z');
  });

  it('places ordinary days at the exact hour in zones with half-hour offsets', () => {
    // Prepare
    const settings = { timeZone: 'Asia/Kolkata', sendHour: 9 };

    // Act
    const due = atSendHour(2026, 6, 15, settings);

    // Assess: 09:00 IST (UTC+5:30) = 03:30 UTC
    expect(due.toISOString()).toBe('2026-06-15T03:30:00.000Z');
  });
});
