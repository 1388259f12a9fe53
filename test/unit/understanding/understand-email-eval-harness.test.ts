import { describe, expect, it } from 'vitest';
import { evaluateForwardFormats } from '../../../bench/eval/evaluate-forward-formats.js';
import { evaluateRejections } from '../../../bench/eval/evaluate-rejections.js';
import type { ForwardFormatCase, RejectionCase } from '../../../bench/eval/corpus.js';
import { matchesExpected } from '../../../bench/eval/score.js';

// The harness runs on the project's own synthetic cases here; the real corpora are read only by `npm run eval`.
const forwardedBody = [
  '---------- Forwarded message ---------',
  'From: John Doe <john.doe@acme.com>',
  'Date: Mon, Mar 2, 2026 at 9:00 AM',
  'Subject: Integer consequat non purus',
  'To: <bessie.berry@acme.com>',
  '',
  'Thank you for applying to Acme. We decided to move forward with other candidates.',
  '',
  'John Doe',
].join('\n');

describe('evaluation harness', () => {
  it('scores company and role against expected values and aliases, case- and space-insensitively', () => {
    // Prepare / Act / Assess
    expect(matchesExpected('  acme   corp ', 'Acme Corp')).toBe(true);
    expect(matchesExpected('Acme', 'Acme Corporation', ['Acme'])).toBe(true);
    expect(matchesExpected(null, null)).toBe(true);
    expect(matchesExpected('Acme', null)).toBe(false);
    expect(matchesExpected(null, 'Acme')).toBe(false);
  });

  it('finds the sender of a forwarded case in both forms and leaves a control alone', async () => {
    // Prepare
    const cases: ForwardFormatCase[] = [
      { id: 'forwarded', group: 'synthetic', body: forwardedBody, subject: 'Fwd: Integer consequat non purus', forwarded: true, from: { name: 'John Doe', address: 'john.doe@acme.com' } },
      { id: 'control', group: 'synthetic', body: 'Just a note, nothing forwarded.\n\nBessie', subject: 'Integer consequat non purus', forwarded: false, from: null },
    ];

    // Act
    const evaluation = await evaluateForwardFormats(cases);

    // Assess
    for (const form of ['text', 'html']) {
      expect(evaluation.tally.counts(`${form}:sender`)).toEqual({ right: 1, total: 1 });
      expect(evaluation.tally.counts(`${form}:contactEmail`)).toEqual({ right: 1, total: 1 });
      expect(evaluation.tally.counts(`${form}:controls`)).toEqual({ right: 1, total: 1 });
    }
    expect(evaluation.misses.filter((miss) => miss.field === 'sender')).toEqual([]);
  });

  it('wraps a rejection case in every style and finds its sender in each', async () => {
    // Prepare
    const testCase: RejectionCase = {
      id: 'synthetic-1',
      from_name: 'Dana Whitfield',
      from_email: 'dana.whitfield@contoso-labs.example',
      subject: 'Your application: Data Engineer',
      body: 'Hi Alex,\n\nThank you for applying for the Data Engineer role. We decided to move forward with other candidates.\n\nDana Whitfield\nContoso Labs',
      is_rejection: true,
      expected: { company: 'Contoso Labs', company_aliases: [], contact_name: 'Dana Whitfield', contact_email: 'dana.whitfield@contoso-labs.example', contact_email_noreply: false, role: 'Data Engineer', role_aliases: [] },
    };

    // Act
    const evaluation = await evaluateRejections([testCase]);

    // Assess
    for (const style of evaluation.styles) {
      expect(evaluation.tally.counts(`${style}:sender`)).toEqual({ right: 1, total: 1 });
      expect(evaluation.tally.counts(`${style}:contactEmail`)).toEqual({ right: 1, total: 1 });
    }
  });
});
