import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../../functions/core/time/zoned-time.js';

/** Whether Intl.DateTimeFormat accepts a zone: the rule isValidTimeZone must give. */
function acceptedByDateTimeFormat(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

describe('isValidTimeZone (the time-zone rule of the settings)', () => {
  it('accepts exactly what Intl.DateTimeFormat accepts: canonical names, UTC spellings, aliases, other cases', () => {
    // Prepare: listed names, names the list leaves out, and names no platform knows
    const zones = [
      ...Intl.supportedValuesOf('timeZone'),
      'UTC',
      'Etc/UTC',
      'GMT',
      'utc',
      'europe/berlin',
      'Asia/Kolkata',
      'Asia/Calcutta',
      'US/Eastern',
      'Mars/Olympus',
      '',
      'Europe/Berlin ',
      'Not/A_Zone',
    ];

    // Act
    const answers = zones.map((zone) => ({ zone, known: isValidTimeZone(zone) }));

    // Assess
    expect(answers).toEqual(zones.map((zone) => ({ zone, known: acceptedByDateTimeFormat(zone) })));
    expect(answers.filter((answer) => !answer.known).map((answer) => answer.zone)).toEqual(['Mars/Olympus', '', 'Europe/Berlin ', 'Not/A_Zone']);
  });
});
