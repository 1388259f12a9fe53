import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../../functions/core/understanding/extract-fields.js';
import { makeOriginal, OWNER } from './make-original.js';

/** One megabyte: the order of a large hostile body. */
const ONE_MEGABYTE = 1024 * 1024;

function pathologicalBodies(): string[] {
  return [
    'a'.repeat(ONE_MEGABYTE),
    'Aa '.repeat(ONE_MEGABYTE / 3),
    `${'not '.repeat(ONE_MEGABYTE / 4)}selected`,
    `${'x@'.repeat(ONE_MEGABYTE / 2)}`,
    `${'Senior, '.repeat(ONE_MEGABYTE / 8)}position`,
    `${'('.repeat(ONE_MEGABYTE / 2)}${')'.repeat(ONE_MEGABYTE / 2)}`,
    `Best regards,\n${'Jane\n'.repeat(ONE_MEGABYTE / 5)}`,
    `${'move forward with '.repeat(ONE_MEGABYTE / 18)}`,
    `${' '.repeat(ONE_MEGABYTE)}x`,
    `${`\n${' '.repeat(200)}x`.repeat(ONE_MEGABYTE / 202)}`,
    `${'Aa '.repeat(ONE_MEGABYTE / 3)}`,
  ];
}

describe('extractFields on hostile input', () => {
  it('finishes on one-megabyte pathological bodies and returns well-formed fields', () => {
    // Prepare
    const bodies = pathologicalBodies();
    // Act
    const results = bodies.map((body) =>
      extractFields(makeOriginal({ fromName: 'X', fromAddress: 'x@example.org', subject: 'Re: '.repeat(1000), body }), { ownerAddresses: [OWNER] }),
    );
    // Assess
    expect(results).toHaveLength(bodies.length);
    for (const result of results) {
      expect(typeof result.isRejection).toBe('boolean');
      expect(result.signals.reasons.length).toBeLessThanOrEqual(3);
    }
  });

  it('copes with an empty message and missing headers', () => {
    // Prepare
    const original = makeOriginal({ body: '', fromName: null, fromAddress: null, subject: null });
    // Act
    const result = extractFields(original, { ownerAddresses: [] });
    // Assess
    expect(result).toMatchObject({ isRejection: false, kind: 'other', company: null, role: null, contact: { name: null, email: null } });
  });
});
