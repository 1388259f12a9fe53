import { describe, expect, it } from 'vitest';
import { buildCheckInFeed, checkInUid, listCheckInEvents } from '../../../functions/core/calendar/check-in-feed.js';
import { makeContact, makePlan, SAMPLE_NOW } from '../../support/sample-contacts.js';

const active = { contact: makeContact(), plan: makePlan({ nextPrompt: 'check-in', nextDueAt: '2026-04-02T07:00:00.000Z', checkInsSent: 0 }) };

describe('check-in feed', () => {
  it('has one event per scheduled prompt, soonest first; stopped, ignored and quiet contacts have none', () => {
    // Prepare
    const soon = { contact: makeContact({ contactId: 'soon', company: 'Soon Ltd', contactName: null }), plan: makePlan({ contactId: 'soon', status: 'snoozed', nextPrompt: 'check-in', nextDueAt: '2026-03-09T08:00:00.000Z' }) };
    const stopped = { contact: makeContact({ contactId: 'stopped' }), plan: makePlan({ contactId: 'stopped', status: 'stopped', nextPrompt: null, nextDueAt: null }) };
    const quiet = { contact: makeContact({ contactId: 'quiet' }), plan: makePlan({ contactId: 'quiet', status: 'quiet', nextPrompt: null, nextDueAt: null }) };
    // Act
    const events = listCheckInEvents({ views: [active, stopped, soon, quiet], now: SAMPLE_NOW, draftFor: () => ({ text: 'Hi Jane,\nhow are things?' }) });
    // Assess
    expect(events.map((event) => event.summary)).toEqual(['Check in: Soon Ltd', 'Check in: Jane Doe (Acme)']);
    expect(events[1]?.start.toISOString()).toBe('2026-04-02T07:00:00.000Z');
    expect(events[1]?.description).toContain('Drafted message:\n\nHi Jane,\nhow are things?');
  });

  it('keeps the UID of a reminder when it is snoozed, and changes it when the clock is reset', () => {
    // Prepare
    const snoozed = { ...active, plan: { ...active.plan, status: 'snoozed' as const, nextDueAt: '2026-05-02T07:00:00.000Z' } };
    const reset = { ...active, plan: { ...active.plan, anchorAt: '2026-03-10T10:00:00.000Z' } };
    // Act
    const uids = [checkInUid(active), checkInUid(snoozed), checkInUid(reset)];
    // Assess
    expect(uids[0]).toBe(uids[1]);
    expect(uids[2]).not.toBe(uids[0]);
    expect(uids[0]).toMatch(/^c0ffee00janedoeacme0-check-in-1-\d{14}@not-today\.invalid$/);
  });

  it('writes hostile names as escaped text that cannot start a property', () => {
    // Prepare
    const hostile = { contact: makeContact({ contactName: 'Eve\r\nATTENDEE:mailto:x@evil.example', company: 'A;B,C' }), plan: active.plan };
    // Act
    const ics = buildCheckInFeed({ views: [hostile], now: SAMPLE_NOW, draftFor: () => null });
    // Assess
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines.some((line) => line.startsWith('ATTENDEE'))).toBe(false);
    expect(lines).toContain('SUMMARY:Check in: Eve ATTENDEE:mailto:x@evil.example (A\\;B\\,C)');
  });
});
