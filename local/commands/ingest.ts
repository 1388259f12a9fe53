/**
 * `not-today ingest FILE.eml|DIR ...`: feeds saved mail through the same path as SMTP (raw
 * mail stored in the local S3, an SES-shaped event, the inbound handler) and reports what
 * happened to each. The envelope sender is `--from`, else the message's own From address.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { IngestReport } from '../stack/control-routes.js';
import { UsageError } from '../stack/local-stack-errors.js';
import { describeHandlerResult } from '../stack/mail-intake.js';
import { callStack, locateStack, runCommand } from '../stack/stack-client.js';

/** The .eml files named by the arguments (a folder contributes its .eml files, sorted). */
export async function expandMailPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.eml')).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

export async function run(argv: string[]): Promise<number> {
  return runCommand('ingest', async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        'actions-port': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help || positionals.length === 0) {
      process.stdout.write('usage: not-today ingest FILE.eml|DIR ... [--from ADDRESS]\n');
      return values.help ? 0 : 2;
    }
    const files = await expandMailPaths(positionals);
    if (files.length === 0) throw new UsageError('no .eml files found');
    const location = locateStack({ actionsPort: values['actions-port'], dataDir: values['data-dir'] });
    const query = values.from ? `?${new URLSearchParams({ from: values.from })}` : '';
    let failures = 0;
    for (const file of files) {
      const report = await callStack<IngestReport>(location, 'POST', `ingest${query}`, await readFile(file));
      const outcome = report.handled.ok
        ? describeHandlerResult(report.handled.result)
        : `FAILED after ${report.handled.attempts} attempts: ${report.handled.error}`;
      if (!report.handled.ok) failures += 1;
      process.stdout.write(`${file}\n  stored as ${report.rawMailKey}; inbound: ${outcome}\n`);
      for (const email of report.sent) process.stdout.write(`  sent to the owner: ${email.subject}\n`);
    }
    return failures > 0 ? 1 : 0;
  });
}
