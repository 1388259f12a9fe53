/**
 * Part (a) of the evaluation: every case of the rejection corpus wrapped as a real forward in
 * five styles (plus the original sent directly, as the baseline the styles must not fall below)
 * and read by `understandEmail`, the same code path as `not-today parse` and ingest.
 */
import { understandEmail } from '../../functions/core/understanding/understand-email.js';
import type { Understanding } from '../../functions/core/understanding/types.js';
import { buildForward, DEFAULT_OWNER, FORWARD_STYLES, type ForwardStyleName, type OriginalSpec } from '../../test/support/build-forward.js';
import type { RejectionCase } from './corpus.js';
import { matchesExpected, normaliseForScore, Tally } from './score.js';

/** The styles measured: the five forward styles and the direct baseline. */
export const REJECTION_EVAL_STYLES: readonly ForwardStyleName[] = [...FORWARD_STYLES, 'direct'];

/** The fields measured, with the target accuracy for each. */
export const REJECTION_FIELD_TARGETS = {
  isRejection: 0.97,
  company: 0.95,
  contactEmail: 0.97,
  noReply: 0.95,
  contactName: 0.9,
  role: 0.85,
} as const;

export type RejectionField = keyof typeof REJECTION_FIELD_TARGETS | 'sender';
/** `sender`: the right original was found (its From address is the case's sender). Forward-finding, not extraction. */
export const REJECTION_FIELDS: readonly RejectionField[] = ['sender', 'isRejection', 'company', 'contactEmail', 'noReply', 'contactName', 'role'];

export interface Miss {
  caseId: string;
  style: string;
  field: string;
  expected: unknown;
  got: unknown;
}

export interface RejectionEvaluation {
  cases: number;
  styles: readonly string[];
  fields: readonly RejectionField[];
  tally: Tally;
  misses: Miss[];
}

function toOriginalSpec(testCase: RejectionCase): OriginalSpec {
  return {
    fromName: testCase.from_name,
    fromEmail: testCase.from_email,
    subject: testCase.subject,
    body: testCase.body,
    messageId: `<case-${testCase.id}@corpus.invalid>`,
  };
}

/** Scores one understanding against a case; returns [field, right, expected, got] per field. */
function scoreCase(testCase: RejectionCase, result: Understanding | Error): Array<[RejectionField, boolean, unknown, unknown]> {
  const expected = testCase.expected;
  if (result instanceof Error) {
    return REJECTION_FIELDS.map((field) => [field, false, 'a result', `error: ${result.message}`]);
  }
  const senderGot = result.original.from.address;
  return [
    ['sender', normaliseForScore(senderGot) === normaliseForScore(testCase.from_email), testCase.from_email, senderGot],
    ['isRejection', result.isRejection === testCase.is_rejection, testCase.is_rejection, result.isRejection],
    ['company', matchesExpected(result.company, expected.company, expected.company_aliases), expected.company, result.company],
    ['contactEmail', matchesExpected(result.contact.email, expected.contact_email), expected.contact_email, result.contact.email],
    ['noReply', result.contact.noReply === expected.contact_email_noreply, expected.contact_email_noreply, result.contact.noReply],
    ['contactName', matchesExpected(result.contact.name, expected.contact_name), expected.contact_name, result.contact.name],
    ['role', matchesExpected(result.role, expected.role, expected.role_aliases), expected.role, result.role],
  ];
}

/** Runs every case in every style. */
export async function evaluateRejections(cases: readonly RejectionCase[]): Promise<RejectionEvaluation> {
  const tally = new Tally();
  const misses: Miss[] = [];
  for (const testCase of cases) {
    for (const style of REJECTION_EVAL_STYLES) {
      const raw = await buildForward(style, toOriginalSpec(testCase), DEFAULT_OWNER);
      const result = await understandEmail(raw, { ownerAddresses: [DEFAULT_OWNER.email] }).catch((error: Error) => error);
      for (const [field, right, expected, got] of scoreCase(testCase, result)) {
        tally.count(`${style}:${field}`, right);
        if (!right) misses.push({ caseId: testCase.id, style, field, expected, got });
      }
    }
  }
  return { cases: cases.length, styles: REJECTION_EVAL_STYLES, fields: REJECTION_FIELDS, tally, misses };
}
