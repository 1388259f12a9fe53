/**
 * `not-today parse [--json] [--owner ADDRESS]... FILE_OR_DIR...`: prints what Not Today
 * understands of .eml files, through `understandEmail` (the same code path as ingest). A
 * directory means every .eml below it, sorted by path. One process reads them all.
 *
 * With --json: exactly one JSON object per line, in input order. A file that cannot be read or
 * understood prints {"file", "error", "code"} and the command goes on; it exits 1 at the end
 * if any file failed (2 for a usage error).
 *
 * Owner: without --owner no address is the owner's, except that whoever forwarded a message
 * (the outer From of a forward) always counts as the owner, so their note and signature are
 * never taken for the contact. With --owner, a message from that address that holds no
 * forward is reported as not understood instead of being read as direct mail.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../functions/core/errors.js';
import type { Understanding } from '../../functions/core/understanding/types.js';
import { understandEmail } from '../../functions/core/understanding/understand-email.js';

const USAGE = 'usage: not-today parse [--json] [--owner ADDRESS]... FILE_OR_DIR...\n';
const EML_EXTENSION = /\.eml$/i;
/** Control characters (incl. ANSI escapes) are never written to the terminal from inbound mail. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const CONFIDENCE_DIGITS = 2;

/** A file that could not be read from disk (missing, no permission). */
class UnreadableFileError extends AppError {
  override readonly name: string = 'UnreadableFileError';
  readonly code = 'unreadable';
  readonly permanent = true;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`cannot read: ${reason}`, options);
  }
}

/** One input file, or a path that could not be listed. */
type Input = { file: string; error?: string };

/** Lists every .eml file below a directory, sorted by path. */
async function listEmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && EML_EXTENSION.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Expands the command's arguments into files, in order. */
async function expandInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) inputs.push(...(await listEmlFiles(path)).map((file) => ({ file })));
      else inputs.push({ file: path });
    } catch (error) {
      inputs.push({ file: path, error: describeFsError(error) });
    }
  }
  return inputs;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}

/** The bytes of one input, or why they could not be read. */
type ReadResult = { raw: Buffer } | { error: UnreadableFileError };

/** Reads one input; never rejects, so a read started ahead of time cannot go unhandled. */
function readInput(input: Input): Promise<ReadResult> {
  if (input.error) return Promise.resolve({ error: new UnreadableFileError(input.error) });
  return readFile(input.file).then(
    (raw) => ({ raw }),
    (error: unknown) => ({ error: new UnreadableFileError(describeFsError(error), { cause: error }) }),
  );
}

/** The JSON line for one understood message. */
export function toJsonRecord(file: string, understanding: Understanding): Record<string, unknown> {
  return {
    file,
    status: understanding.status,
    reason: understanding.reason,
    isRejection: understanding.isRejection,
    kind: understanding.kind,
    company: understanding.company,
    contact: understanding.contact,
    role: understanding.role,
    language: understanding.language,
    confidence: understanding.confidence,
    signals: understanding.signals,
    original: understanding.original,
    forwardedBy: understanding.forwardedBy,
    idempotencyKey: understanding.idempotencyKey,
  };
}

function sanitise(text: string | null | undefined): string {
  return (text ?? '').replace(CONTROL_CHARACTERS, ' ').trim();
}

function formatValue(value: string | null, confidence: number): string {
  return value === null ? `- (${confidence.toFixed(CONFIDENCE_DIGITS)})` : `${sanitise(value)} (${confidence.toFixed(CONFIDENCE_DIGITS)})`;
}

/** The readable summary for one understood message. */
export function formatSummary(file: string, u: Understanding): string {
  const lines = [sanitise(file)];
  const style = u.original.forwardStyle === 'direct' ? 'direct mail' : `${u.original.forwardStyle} forward, depth ${u.original.depth}`;
  if (u.status === 'not-understood') {
    lines.push(`  not understood: ${sanitise(u.reason)}`);
    return lines.join('\n');
  }
  const contact = [u.contact.name && sanitise(u.contact.name), u.contact.email && `<${sanitise(u.contact.email)}>`].filter(Boolean).join(' ') || '-';
  const signals = [
    ...u.signals.reasons.map((reason) => `reason "${sanitise(reason)}"`),
    ...u.signals.compliments.map((compliment) => `compliment "${sanitise(compliment)}"`),
    u.signals.reapplyInvitation ? 'invites to reapply' : '',
    u.signals.stayInTouch ? 'stay in touch' : '',
    u.signals.feedbackOffered ? `feedback offered${u.signals.feedbackAddress ? ` (${sanitise(u.signals.feedbackAddress)})` : ''}` : '',
  ].filter(Boolean);
  lines.push(
    `  understood: ${style}`,
    `  rejection:  ${u.isRejection ? 'yes' : 'no'} (${u.confidence.isRejection.toFixed(CONFIDENCE_DIGITS)}), kind ${u.kind}`,
    `  company:    ${formatValue(u.company, u.confidence.company)}`,
    `  contact:    ${contact}${u.contact.noReply ? ' [no-reply]' : ''} (name ${u.confidence.contactName.toFixed(CONFIDENCE_DIGITS)}, email ${u.confidence.contactEmail.toFixed(CONFIDENCE_DIGITS)})`,
    `  role:       ${formatValue(u.role, u.confidence.role)}`,
    `  language:   ${u.language}`,
    `  original:   "${sanitise(u.original.subject)}" from ${sanitise(u.original.from.address ?? u.original.from.name) || '-'}, ${u.original.date ?? 'no date'}`,
    `  signals:    ${signals.length > 0 ? signals.join('; ') : '-'}`,
  );
  return lines.join('\n');
}

/** A clear reason for a failure: AppErrors say it themselves; anything else is unexpected. */
function describeFailure(error: unknown): { error: string; code: string } {
  if (error instanceof AppError) return { error: error.message, code: error.code };
  return { error: `unexpected error: ${(error as Error)?.message ?? String(error)}`, code: 'unexpected' };
}

/** Runs the command; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let values: { json?: boolean; owner?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, owner: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`not-today parse: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`not-today parse: give at least one .eml file or directory\n${USAGE}`);
    return 2;
  }
  const ownerAddresses = values.owner ?? [];
  let failures = 0;
  const inputs = await expandInputs(positionals);
  // The next file is read from disk while the current one is understood (output stays in order).
  let nextRead = inputs.length > 0 ? readInput(inputs[0] as Input) : null;
  for (const [index, input] of inputs.entries()) {
    const currentRead = nextRead as Promise<ReadResult>;
    nextRead = index + 1 < inputs.length ? readInput(inputs[index + 1] as Input) : null;
    let line: string;
    try {
      const read = await currentRead;
      if ('error' in read) throw read.error;
      const understanding = await understandEmail(read.raw, { ownerAddresses });
      line = values.json ? JSON.stringify(toJsonRecord(input.file, understanding)) : formatSummary(input.file, understanding);
    } catch (error) {
      failures++;
      const failure = describeFailure(error);
      line = values.json ? JSON.stringify({ file: input.file, ...failure }) : `${sanitise(input.file)}\n  error: ${sanitise(failure.error)}`;
    }
    process.stdout.write(`${line}\n`);
  }
  return failures > 0 ? 1 : 0;
}
