import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatUtcDateTime, ICS_MAX_LINE_OCTETS } from '../../../functions/core/calendar/ics.js';

/** Undoes RFC 5545 folding: CRLF followed by one space joins the lines. */
const unfold = (text: string): string => text.replace(/\r\n /g, '');
const octets = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    // Prepare
    const raw = 'a\\b;c,d\r\ne\nf\rg';
    // Act
    const escaped = escapeText(raw);
    // Assess
    expect(escaped).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters so no value can smuggle a property', () => {
    // Prepare
    const raw = 'Acme\u0000\u001b\u007f Inc';
    // Act
    const escaped = escapeText(raw);
    // Assess
    expect(escaped).toBe('Acme Inc');
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    // Prepare
    const exact = 'x'.repeat(ICS_MAX_LINE_OCTETS);
    const longer = 'x'.repeat(ICS_MAX_LINE_OCTETS + 1);
    // Act
    const foldedExact = foldLine(exact);
    const foldedLonger = foldLine(longer);
    // Assess
    expect(foldedExact).toBe(exact);
    expect(foldedLonger).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every physical line within 75 octets and never splits a UTF-8 character', () => {
    // Prepare
    const line = `DESCRIPTION:${'Grüße aus Köln — 東京 🙂 '.repeat(12)}`;
    // Act
    const folded = foldLine(line);
    // Assess
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded).not.toContain('\uFFFD');
    expect(unfold(folded)).toBe(line);
  });
});

describe('buildCalendar', () => {
  it('writes a VCALENDAR with CRLF only, UTC times and escaped, folded text', () => {
    // Prepare
    const description = 'Hi Jane,\nthanks; it was great, really.\\o/ '.repeat(4);
    const feed = {
      name: 'Not Today check-ins',
      generatedAt: new Date('2027-01-02T03:04:05.678Z'),
      events: [
        {
          uid: 'c1-check-in-1@example.invalid',
          start: new Date('2027-03-14T09:00:00Z'),
          durationMinutes: 30,
          summary: 'Check in: Jane Doe (Acme, Inc.)',
          description,
        },
      ],
    };
    // Act
    const ics = buildCalendar(feed);
    // Assess
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
    const lines = unfold(ics).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTART:20270314T090000Z');
    expect(lines).toContain('DTSTAMP:20270102T030405Z');
    expect(lines).toContain('DURATION:PT30M');
    expect(lines).toContain('SUMMARY:Check in: Jane Doe (Acme\\, Inc.)');
    expect(lines).toContain(`DESCRIPTION:${escapeText(description)}`);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('formats DATE-TIME values in UTC without separators or milliseconds', () => {
    // Prepare
    const date = new Date('2027-12-31T23:59:59.999Z');
    // Act
    const formatted = formatUtcDateTime(date);
    // Assess
    expect(formatted).toBe('20271231T235959Z');
  });
});
