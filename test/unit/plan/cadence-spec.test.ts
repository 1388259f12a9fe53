import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../functions/core/errors.js';
import { DEFAULT_CADENCE, parseCadenceSpec } from '../../../functions/core/plan/plan-rules.js';

describe('parseCadenceSpec', () => {
  it('gives the defaults of the design for a missing or empty spec', () => {
    // Prepare / Act
    const missing = parseCadenceSpec(undefined);
    const empty = parseCadenceSpec('  ');

    // Assess
    expect(missing).toEqual({ feedbackFollowUpDays: 14, checkInMonths: [1, 3, 6, 12], thenEveryMonths: 6, quietAfterUnanswered: 2 });
    expect(empty).toEqual(DEFAULT_CADENCE);
  });

  it('reads a full spec, tolerating spaces, case and a trailing semicolon', () => {
    // Prepare
    const spec = ' feedback = 10d ; checkins=2mo, 4mo,9mo ; THEN=12mo; quietAfter=3; ';

    // Act
    const settings = parseCadenceSpec(spec);

    // Assess
    expect(settings).toEqual({ feedbackFollowUpDays: 10, checkInMonths: [2, 4, 9], thenEveryMonths: 12, quietAfterUnanswered: 3 });
  });

  it('keeps defaults for parts left out, and reads weeks and "off"', () => {
    // Prepare / Act
    const weeks = parseCadenceSpec('feedback=3w');
    const off = parseCadenceSpec('feedback=off;quietAfter=off');

    // Assess
    expect(weeks).toEqual({ ...DEFAULT_CADENCE, feedbackFollowUpDays: 21 });
    expect(off).toEqual({ ...DEFAULT_CADENCE, feedbackFollowUpDays: 0, quietAfterUnanswered: 0 });
  });

  it.each([
    ['feedback=14', 'feedback=14'],
    ['feedback=0d', 'feedback=0d'],
    ['checkins=1mo,1mo', 'strictly increasing'],
    ['checkins=3mo,1mo', 'strictly increasing'],
    ['checkins=1mo,,3mo', 'checkins=1mo,,3mo'],
    ['checkins=1mo,3m', 'checkins=3m'],
    ['then=0mo', 'then=0mo'],
    ['then=6', 'then=6'],
    ['quietAfter=-1', 'quietAfter=-1'],
    ['quietAfter=two', 'quietAfter=two'],
    ['often=1mo', 'unknown setting "often"'],
    ['feedback', '"feedback" is not of the form name=value'],
    ['feedback=14d;feedback=7d', '"feedback" is given twice'],
    ['then=999mo', 'then=999mo'],
  ])('rejects %s, naming the bad part', (spec, expected) => {
    // Prepare / Act
    const parse = () => parseCadenceSpec(spec);

    // Assess
    expect(parse).toThrow(InvalidInputError);
    expect(parse).toThrow(expected);
  });
});
