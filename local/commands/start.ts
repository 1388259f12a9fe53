/**
 * `not-today start` (what `npm start` runs): the whole product in one process. See
 * local/stack/start-local-stack.ts for what runs where, and `--help` for the flags.
 */
import { parseArgs } from 'node:util';
import { DATA_DIR_ENV } from '../stack/data-dir.js';
import {
  DEFAULT_DISPATCH_INTERVAL_MS,
  DEFAULT_INBOUND_ADDRESS,
  OWNER_ENV,
  parsePort,
  PORT_SETTINGS,
  startLocalStack,
  type LocalStack,
} from '../stack/start-local-stack.js';
import { UsageError } from '../stack/local-stack-errors.js';
import { runCommand } from '../stack/stack-client.js';

const DISPATCH_SECONDS_ENV = 'NOT_TODAY_DISPATCH_SECONDS';
/** The stack's own "[local]" lines tell the story; the handlers' JSON logs on request. */
const DEFAULT_HANDLER_LOG_LEVEL = 'WARN';
const MS_PER_SECOND = 1000;

const HELP = `usage: not-today start [options]          (npm start -- [options])

Runs Not Today locally in one process: dynalite, a local S3, the SES emulator (the owner's
inbox), an SMTP server that plays SES receiving, the actions server and the scheduler.

options (the environment variable on the right sets it too):
  --memory                    keep nothing on disk (table, raw mail, clock, key)
  --inbound ADDR              the inbound address (default rejections@not-today.localhost)
  --data-dir DIR              data folder (default .local-data)            ${DATA_DIR_ENV}
  --smtp-port N               SMTP receiver (default 2525)                 ${PORT_SETTINGS.smtp.envVar}
  --actions-port N            action links / Function URL (default 3000)   ${PORT_SETTINGS.actions.envVar}
  --mail-viewer-port N        SES emulator, the owner's inbox (default 8005) ${PORT_SETTINGS.mailViewer.envVar}
  --owner ADDR[,ADDR]         the owner's addresses (default you@example.com) ${OWNER_ENV}
  --owner-name NAME           signs the drafts                             OWNER_NAME
  --time-zone ZONE            IANA zone of the send hour (default UTC)     TIME_ZONE
  --send-hour H               hour prompts arrive (default 9)              SEND_HOUR
  --dispatch-every SECONDS    scheduler interval, 0 = only on tick (default 60) ${DISPATCH_SECONDS_ENV}
  --log-level LEVEL           handler logs (Powertools JSON): DEBUG, INFO, WARN, ERROR, SILENT (default WARN)
`;

function readPort(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : parsePort(value, flag);
}

function readDispatchInterval(value: string | undefined): number {
  const text = value ?? process.env[DISPATCH_SECONDS_ENV];
  if (text === undefined || text === '') return DEFAULT_DISPATCH_INTERVAL_MS;
  if (!/^\d+$/.test(text)) throw new UsageError(`--dispatch-every: "${text}" is not a number of seconds`);
  return Number(text) * MS_PER_SECOND;
}

function describeBanner(stack: LocalStack, intervalMs: number, memory: boolean): string {
  const owner = stack.ownerAddresses.join(', ');
  const clockNote = stack.clock.offsetMilliseconds === 0 ? '' : ' (moved by `tick`; the offset is kept in the data folder)';
  return [
    'Not Today — running locally (one process, no AWS account)',
    '',
    `  Forward rejections to   ${stack.inboundAddress}`,
    `    over SMTP at          ${stack.urls.smtp}   (no TLS, no login)`,
    `    from the owner        ${owner}   (mail from anyone else is dropped)`,
    `  The owner's inbox       ${stack.urls.mailViewer}   (the SES emulator's page: every email Not Today sends)`,
    `  Action links            ${stack.urls.actions}`,
    `  Data                    ${memory ? 'in memory (--memory): nothing is kept' : stack.dataDir}`,
    `  Clock                   ${stack.clock.now().toISOString()}${clockNote}`,
    `  Scheduler               ${intervalMs > 0 ? `every ${intervalMs / MS_PER_SECOND} s` : 'off (runs on `not-today tick`)'}`,
    '',
    'Try it, in another terminal:',
    '  npx not-today demo                  forward the sample rejections',
    '  npx not-today list                  what Not Today keeps track of',
    '  npx not-today tick --advance 1mo    jump a month ahead and send what is due',
    '  npx not-today ingest mail.eml       feed a saved email',
    '',
  ].join('\n');
}

export async function run(argv: string[]): Promise<number> {
  return runCommand('start', async () => {
    const { values } = parseArgs({
      args: argv,
      options: {
        memory: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'smtp-port': { type: 'string' },
        'actions-port': { type: 'string' },
        'mail-viewer-port': { type: 'string' },
        owner: { type: 'string' },
        'owner-name': { type: 'string' },
        'time-zone': { type: 'string' },
        'send-hour': { type: 'string' },
        'dispatch-every': { type: 'string' },
        'log-level': { type: 'string' },
        inbound: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const memory = values.memory ?? false;
    const intervalMs = readDispatchInterval(values['dispatch-every']);
    const sendHour = values['send-hour'];
    if (sendHour !== undefined && !/^\d{1,2}$/.test(sendHour)) throw new UsageError(`--send-hour: "${sendHour}" is not an hour (0-23)`);
    const stack = await startLocalStack({
      memory,
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
      ports: {
        smtp: readPort(values['smtp-port'], '--smtp-port'),
        actions: readPort(values['actions-port'], '--actions-port'),
        mailViewer: readPort(values['mail-viewer-port'], '--mail-viewer-port'),
      },
      ...(values.owner ? { ownerAddresses: values.owner.split(',').map((item) => item.trim()).filter(Boolean) } : {}),
      ...(values['owner-name'] !== undefined ? { ownerName: values['owner-name'] } : {}),
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      ...(sendHour !== undefined ? { sendHour: Number(sendHour) } : {}),
      ...(values.inbound ? { inboundAddress: values.inbound } : { inboundAddress: DEFAULT_INBOUND_ADDRESS }),
      handlerLogLevel: (values['log-level'] ?? process.env.POWERTOOLS_LOG_LEVEL ?? DEFAULT_HANDLER_LOG_LEVEL).toUpperCase(),
      dispatchIntervalMs: intervalMs,
    });
    process.stdout.write(describeBanner(stack, intervalMs, memory));
    process.stdout.write('ready — press Ctrl-C to stop\n');
    await new Promise<void>((resolve) => {
      const shutdown = (signal: string): void => {
        process.stdout.write(`\n${signal}: stopping the local stack...\n`);
        process.once('SIGINT', () => process.exit(1)); // a second Ctrl-C does not wait
        void stack.stop().then(resolve);
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
    process.stdout.write('stopped.\n');
    return 0;
  });
}
