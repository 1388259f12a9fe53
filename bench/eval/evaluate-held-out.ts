/**
 * Part (c) of the evaluation: the project's own held-out set (test/fixtures/eml/held-out/),
 * invented rejection and non-rejection forwards written without looking at how the extractor
 * handles them. It shows how the extraction does on mail it was not tuned on; the rejection
 * corpus is the development set. Reads only the project's fixtures, so the unit tests use it too.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { understandEmail } from '../../functions/core/understanding/understand-email.js';
import type { Understanding } from '../../functions/core/understanding/types.js';
import type { Miss } from './evaluate-rejections.js';
import { matchesExpected, Tally } from './score.js';

/** Where the held-out fixtures and their expected values live. */
export const HELD_OUT_DIR = new URL('../../test/fixtures/eml/held-out/', import.meta.url);
const EXPECTED_FILE = 'expected.json';

/** The fields measured on the held-out set, in report order. */
export const HELD_OUT_FIELDS = ['isRejection', 'company', 'contactEmail', 'noReply', 'contactName', 'role'] as const;
export type HeldOutField = (typeof HELD_OUT_FIELDS)[number];

const heldOutCaseSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.eml$/),
  style: z.string(),
  expected: z.object({
    isRejection: z.boolean(),
    company: z.string().nullable(),
    companyAliases: z.array(z.string()),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    noReply: z.boolean(),
    role: z.string().nullable(),
    roleAliases: z.array(z.string()),
  }),
});
const heldOutSetSchema = z.object({ ownerAddresses: z.array(z.string()).min(1), cases: z.array(heldOutCaseSchema).min(1) });

export type HeldOutCase = z.infer<typeof heldOutCaseSchema>;
export type HeldOutSet = z.infer<typeof heldOutSetSchema>;

export interface HeldOutEvaluation {
  cases: number;
  /** Keys: `all:<field>` and `<style>:<field>`. */
  tally: Tally;
  styles: readonly string[];
  misses: Miss[];
}

/** Reads and validates the held-out set's expected values. */
export async function loadHeldOutSet(dir: URL = HELD_OUT_DIR): Promise<HeldOutSet> {
  return heldOutSetSchema.parse(JSON.parse(await readFile(new URL(EXPECTED_FILE, dir), 'utf8')));
}

/** Whether each field of an understanding matches a held-out case's expected values. */
export function scoreHeldOutCase(testCase: HeldOutCase, result: Understanding): Record<HeldOutField, { right: boolean; expected: unknown; got: unknown }> {
  const expected = testCase.expected;
  return {
    isRejection: { right: result.isRejection === expected.isRejection, expected: expected.isRejection, got: result.isRejection },
    company: { right: matchesExpected(result.company, expected.company, expected.companyAliases), expected: expected.company, got: result.company },
    contactEmail: { right: matchesExpected(result.contact.email, expected.contactEmail), expected: expected.contactEmail, got: result.contact.email },
    noReply: { right: result.contact.noReply === expected.noReply, expected: expected.noReply, got: result.contact.noReply },
    contactName: { right: matchesExpected(result.contact.name, expected.contactName), expected: expected.contactName, got: result.contact.name },
    role: { right: matchesExpected(result.role, expected.role, expected.roleAliases), expected: expected.role, got: result.role },
  };
}

/** Runs every held-out fixture through `understandEmail` and scores it. */
export async function evaluateHeldOut(dir: URL = HELD_OUT_DIR): Promise<HeldOutEvaluation> {
  const set = await loadHeldOutSet(dir);
  const tally = new Tally();
  const misses: Miss[] = [];
  const styles = [...new Set(set.cases.map((testCase) => testCase.style))];
  for (const testCase of set.cases) {
    const raw = await readFile(new URL(testCase.file, dir));
    const result = await understandEmail(raw, { ownerAddresses: set.ownerAddresses });
    const scores = scoreHeldOutCase(testCase, result);
    for (const field of HELD_OUT_FIELDS) {
      const { right, expected, got } = scores[field];
      tally.count(`all:${field}`, right);
      tally.count(`${testCase.style}:${field}`, right);
      if (!right) misses.push({ caseId: testCase.file, style: testCase.style, field, expected, got });
    }
  }
  return { cases: set.cases.length, tally, styles, misses };
}
