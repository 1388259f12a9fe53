/**
 * Part (b) of the evaluation: every forward-formats case wrapped as a text/plain message and
 * as an HTML-only message (From: the user, To: the inbound address) and read by
 * `understandEmail`. A forwarded case is right when the contact's name, address and company
 * ("Acme") come out right; a control is right when it is not taken for a forward from John Doe.
 */
import { understandEmail } from '../../functions/core/understanding/understand-email.js';
import type { Understanding } from '../../functions/core/understanding/types.js';
import { composeMime, DEFAULT_OWNER, escapeHtml } from '../../test/support/build-forward.js';
import type { ForwardFormatCase } from './corpus.js';
import { matchesExpected, normaliseForScore, Tally } from './score.js';
import type { Miss } from './evaluate-rejections.js';

/** The company every forwarded case's sender belongs to (john.doe@acme.com). */
export const EXPECTED_COMPANY = 'Acme';
/** The user who forwards the corpus's messages (the fixtures address them to this person). */
export const FORWARD_FORMATS_USER = { name: 'Bessie Berry', address: 'bessie.berry@acme.com' };
/** The target accuracy for both forms. */
export const FORWARD_FORMATS_TARGET = 0.98;

export type FormName = 'text' | 'html';
export const FORMS: readonly FormName[] = ['text', 'html'];
/** Per form: `case` (all of name, address, company right, or control not taken), and each part. */
export const FORWARD_FORMAT_FIELDS = ['case', 'sender', 'contactName', 'contactEmail', 'company', 'controls'] as const;

export interface ForwardFormatsEvaluation {
  cases: number;
  tally: Tally;
  misses: Miss[];
}

/** Wraps a fixture body as a message the user sends to the inbound address. */
function wrapCase(testCase: ForwardFormatCase, form: FormName): Promise<Buffer> {
  const base = { from: FORWARD_FORMATS_USER, to: DEFAULT_OWNER.inbound, subject: testCase.subject };
  if (form === 'text') return composeMime({ ...base, text: testCase.body });
  return composeMime({ ...base, html: `<div dir="ltr">${escapeHtml(testCase.body).split('\n').join('<br>\n')}</div>` });
}

function isJohnDoe(result: Understanding): boolean {
  const addresses = [result.contact.email, result.original.from.address].map(normaliseForScore);
  const names = [result.contact.name, result.original.from.name].map(normaliseForScore);
  return addresses.includes('john.doe@acme.com') || names.includes('john doe');
}

/** Runs every case in both forms. */
export async function evaluateForwardFormats(cases: readonly ForwardFormatCase[]): Promise<ForwardFormatsEvaluation> {
  const tally = new Tally();
  const misses: Miss[] = [];
  for (const testCase of cases) {
    for (const form of FORMS) {
      const raw = await wrapCase(testCase, form);
      const result = await understandEmail(raw, { ownerAddresses: [] }).catch((error: Error) => error);
      const miss = (field: string, expected: unknown, got: unknown) => misses.push({ caseId: testCase.id, style: form, field, expected, got });
      if (result instanceof Error) {
        tally.count(`${form}:case`, false);
        miss('case', 'a result', `error: ${result.message}`);
        continue;
      }
      if (!testCase.forwarded || !testCase.from) {
        const right = !isJohnDoe(result);
        tally.count(`${form}:controls`, right);
        tally.count(`${form}:case`, right);
        if (!right) miss('controls', 'not John Doe', `${result.contact.name} <${result.contact.email}>`);
        continue;
      }
      const expected = testCase.from;
      const sender =
        normaliseForScore(result.original.from.address) === normaliseForScore(expected.address) &&
        normaliseForScore(result.original.from.name) === normaliseForScore(expected.name);
      const name = matchesExpected(result.contact.name, expected.name);
      const email = matchesExpected(result.contact.email, expected.address);
      const company = matchesExpected(result.company, EXPECTED_COMPANY);
      tally.count(`${form}:sender`, sender);
      tally.count(`${form}:contactName`, name);
      tally.count(`${form}:contactEmail`, email);
      tally.count(`${form}:company`, company);
      tally.count(`${form}:case`, name && email && company);
      if (!sender) miss('sender', expected, result.original.from);
      if (!name) miss('contactName', expected.name, result.contact.name);
      if (!email) miss('contactEmail', expected.address, result.contact.email);
      if (!company) miss('company', EXPECTED_COMPANY, result.company);
    }
  }
  return { cases: cases.length, tally, misses };
}
