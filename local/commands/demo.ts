/**
 * `not-today demo`: forwards the sample rejections in local/samples/ into the running local
 * stack over SMTP, as the owner would from their mail client. The samples are written as
 * if the owner were you@example.com; that address is replaced by the stack's owner.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTransport } from 'nodemailer';
import { LOCAL_HOST } from '../stack/listen.js';
import { callStack, locateStack, runCommand, type StackStatus } from '../stack/stack-client.js';
import { DEFAULT_OWNER_ADDRESS } from '../stack/start-local-stack.js';

export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');

/** The samples, oldest file name first, with the placeholder owner replaced. */
export async function readSamples(owner: string): Promise<{ name: string; raw: string }[]> {
  const names = (await readdir(SAMPLES_DIR)).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      raw: (await readFile(join(SAMPLES_DIR, name), 'utf8')).split(DEFAULT_OWNER_ADDRESS).join(owner),
    })),
  );
}

/** The subjects in the SES emulator's store (GET /store), oldest first. */
async function readViewerSubjects(mailViewerUrl: string): Promise<string[]> {
  const response = await fetch(`${mailViewerUrl}/store`);
  const body = (await response.json()) as { emails: { subject: string }[] };
  return body.emails.map((email) => email.subject);
}

export async function run(argv: string[]): Promise<number> {
  return runCommand('demo', async () => {
    const { values } = parseArgs({
      args: argv,
      options: { 'actions-port': { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write('usage: not-today demo [--actions-port N] [--data-dir DIR]\n\nForwards the sample rejections in local/samples/ to the running stack over SMTP.\n');
      return 0;
    }
    const location = locateStack({ actionsPort: values['actions-port'], dataDir: values['data-dir'] });
    const status = await callStack<StackStatus>(location, 'GET', 'status');
    const owner = status.ownerAddresses[0] ?? DEFAULT_OWNER_ADDRESS;
    const smtpPort = Number(new URL(status.urls.smtp).port);
    const sentBefore = await readViewerSubjects(status.urls.mailViewer);
    const transport = createTransport({ host: LOCAL_HOST, port: smtpPort, secure: false, ignoreTLS: true });
    try {
      const samples = await readSamples(owner);
      process.stdout.write(`Forwarding ${samples.length} sample emails from ${owner} to ${status.inboundAddress} (${status.urls.smtp}):\n`);
      for (const sample of samples) {
        const info = await transport.sendMail({ envelope: { from: owner, to: [status.inboundAddress] }, raw: sample.raw });
        process.stdout.write(`  ${sample.name.padEnd(42)} ${info.response}\n`);
      }
    } finally {
      transport.close();
    }
    await callStack(location, 'GET', 'idle');
    const received = (await readViewerSubjects(status.urls.mailViewer)).slice(sentBefore.length);
    process.stdout.write(
      received.length === 0
        ? '\nThe owner received nothing new (these samples were forwarded before).\n'
        : `\nThe owner received ${received.length} email(s):\n${received.map((subject) => `  ${subject}\n`).join('')}`,
    );
    process.stdout.write(
      [
        '',
        `Read them at ${status.urls.mailViewer}`,
        'Then: npx not-today list, and npx not-today tick --advance 1mo to jump ahead.',
        '(Sending the same samples again adds nothing: a forward delivered twice is one contact.)',
        '',
      ].join('\n'),
    );
    return 0;
  });
}
