/**
 * Loads the two measurement corpora from ../shared/corpus at run time. Their texts are public
 * material for measurement only: they are read here and never copied into the project.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A case of the rejection corpus (fields this harness uses; see its README for the schema). */
export interface RejectionCase {
  id: string;
  from_name: string | null;
  from_email: string;
  subject: string;
  body: string;
  is_rejection: boolean;
  expected: {
    company: string | null;
    company_aliases: string[];
    contact_name: string | null;
    contact_email: string | null;
    contact_email_noreply: boolean;
    role: string | null;
    role_aliases: string[];
  };
}

/** A case of the forward-formats corpus: the body and subject files already read. */
export interface ForwardFormatCase {
  id: string;
  group: string;
  body: string;
  subject: string;
  forwarded: boolean;
  from: { name: string | null; address: string | null } | null;
}

/** The subject the forward-formats README says to use when a case has no subject file. */
export const DEFAULT_FORWARD_SUBJECT = 'Fwd: Integer consequat non purus';

/** Thrown when the corpus directory is missing, with the path that was looked at. */
export class CorpusMissingError extends Error {
  constructor(path: string) {
    super(`corpus not found at ${path}: the evaluation needs ../shared/corpus beside the repository (npm test does not)`);
    this.name = 'CorpusMissingError';
  }
}

function requireDirectory(path: string): void {
  if (!existsSync(path)) throw new CorpusMissingError(path);
}

/** Reads every rejections/cases/*.json, sorted by file name. */
export async function loadRejectionCases(corpusDir: string): Promise<RejectionCase[]> {
  const casesDir = join(corpusDir, 'rejections', 'cases');
  requireDirectory(casesDir);
  const names = (await readdir(casesDir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(casesDir, name), 'utf8')) as RejectionCase));
}

interface ManifestEntry {
  group: string;
  body: string;
  subject: string | null;
  forwarded: boolean;
  from: { name: string | null; address: string | null } | null;
}

/** Reads forward-formats/manifest.json and the fixture files it names. */
export async function loadForwardFormatCases(corpusDir: string): Promise<ForwardFormatCase[]> {
  const dir = join(corpusDir, 'forward-formats');
  requireDirectory(dir);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const readFixture = (name: string) => readFile(join(dir, 'fixtures', `${name}.txt`), 'utf8');
  return Promise.all(
    manifest.map(async (entry, index) => ({
      id: `${entry.group}/${entry.body}${entry.subject ? `+${entry.subject}` : ''}#${index}`,
      group: entry.group,
      body: await readFixture(entry.body),
      subject: entry.subject ? (await readFixture(entry.subject)).trim() : DEFAULT_FORWARD_SUBJECT,
      forwarded: entry.forwarded,
      from: entry.from,
    })),
  );
}
