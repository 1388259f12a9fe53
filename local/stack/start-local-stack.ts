/**
 * `startLocalStack(options)`: the whole product in one process, with no AWS account.
 *
 *   dynalite          plays DynamoDB (table + due index from table-design.ts)
 *   s3rver            plays S3 (raw inbound mail)
 *   aws-ses-v2-local  plays SES outbound; its page is the owner's inbox (default :8005)
 *   SMTP receiver     plays SES inbound + the receipt rule (default :2525)
 *   actions server    plays the Function URL, plus /_local/ control routes (default :3000)
 *   timer             plays the EventBridge rule (calls the dispatch handler)
 *   LocalClock        installed into the runtime so `tick --advance 3mo` moves time
 *
 * The handlers run unchanged, in this process: the stack sets the runtime's environment
 * (config.ts) before it loads them. Because config is read once per process, one process
 * runs one local stack (tests: one stack per test file).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { getStoreReadonly } from 'aws-ses-v2-local/dist/store.js';
import type { DurationLikeObject } from 'luxon';
import { DynamoContactRepository } from '../../functions/adapters/dynamo-contact-repository.js';
import type { Contact, Plan } from '../../functions/core/model.js';
import { createAwsClients } from '../../functions/runtime/clients.js';
import { installClock, restoreSystemClock } from '../../functions/runtime/clock.js';
import { parseConfig } from '../../functions/runtime/config.js';
import { startActionsServer, ACTIONS_PORT_SETTING } from './actions-server.js';
import type { ContactSummary, IngestReport, LocalControl, SentEmailSummary, TickReport } from './control-routes.js';
import { createTableIfMissing } from './create-table.js';
import {
  dataPathsOf,
  ensureDataFolders,
  findRunningStack,
  LOCAL_SIGNING_KEY_ID,
  loadOrCreateSigningKeys,
  removeStackFile,
  resolveDataDir,
  writeStackFile,
} from './data-dir.js';
import { DYNAMO_PORT_SETTING, startDynamoServer, type RunningServer } from './dynamo-server.js';
import { LambdaInvoker, type LambdaHandler, type StackLog } from './lambda-invoker.js';
import { LOCAL_HOST, type PortSetting } from './listen.js';
import { LocalClock } from './local-clock.js';
import { UsageError } from './local-stack-errors.js';
import { MAIL_VIEWER_PORT_SETTING, startMailViewer } from './mail-viewer-server.js';
import { MailIntake, RAW_MAIL_PREFIX, type IntakeReceipt } from './mail-intake.js';
import { headerLinesOf, headerBlockOf, PASSING_VERDICTS, type LocalVerdicts } from './receipt-event.js';
import { S3_PORT_SETTING, startS3Server } from './s3-server.js';
import { DispatchScheduler } from './scheduler.js';
import { SMTP_PORT_SETTING, startSmtpReceiver } from './smtp-receiver.js';
import { SES_MAX_INBOUND_BYTES } from '../../infra/config/deploy-config.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../functions/core/mail-limits.js';

export const DEFAULT_PORTS = { smtp: 2525, actions: 3000, mailViewer: 8005, dynamo: 0, s3: 0 } as const;
export const PORT_SETTINGS: Record<keyof typeof DEFAULT_PORTS, PortSetting> = {
  smtp: SMTP_PORT_SETTING,
  actions: ACTIONS_PORT_SETTING,
  mailViewer: MAIL_VIEWER_PORT_SETTING,
  dynamo: DYNAMO_PORT_SETTING,
  s3: S3_PORT_SETTING,
};
export const DEFAULT_OWNER_ADDRESS = 'you@example.com';
export const OWNER_ENV = 'NOT_TODAY_OWNER';
export const DEFAULT_INBOUND_ADDRESS = 'rejections@not-today.localhost';
export const DEFAULT_FROM_ADDRESS = 'not-today@not-today.localhost';
/** How often the local EventBridge timer sweeps (DESIGN.md's deployed rule: every 15 min). */
export const DEFAULT_DISPATCH_INTERVAL_MS = 60_000;
/** Pause before Lambda's async retry of a failed inbound invocation (locally short). */
const DEFAULT_RETRY_DELAY_MS = 1_000;
export const LOCAL_TABLE_NAME = 'not-today-local';
export const LOCAL_BUCKET = 'not-today-raw-mail';
const LOCAL_REGION = 'us-east-1';
/** Defaults of the local stack's settings (as config.ts's defaults). */
const DEFAULT_TIME_ZONE = 'UTC';
const DEFAULT_SEND_HOUR = 9;
const DEFAULT_OWNER_ID = 'owner';

export type PortName = keyof typeof DEFAULT_PORTS;

export interface LocalStackOptions {
  /** Data folder (default: NOT_TODAY_DATA_DIR, else ./.local-data). */
  dataDir?: string;
  /** Keep nothing: in-memory table, temporary raw-mail folder, fresh key and clock. */
  memory?: boolean;
  /** Ports (0 = a free port). Unset: the NOT_TODAY_*_PORT variable, else DEFAULT_PORTS. */
  ports?: Partial<Record<PortName, number>>;
  /** The owner's addresses (the first receives every email). Unset: NOT_TODAY_OWNER, else you@example.com. */
  ownerAddresses?: string[];
  ownerName?: string;
  ownerId?: string;
  inboundAddress?: string;
  fromAddress?: string;
  timeZone?: string;
  sendHour?: number;
  /** Interval of the EventBridge timer; 0 turns it off (sweeps only on tick). */
  dispatchIntervalMs?: number;
  /** Default verdicts of inbound mail (each message may override with X-Local-Verdicts). */
  verdicts?: Partial<LocalVerdicts>;
  /** MAX_MAIL_BYTES of the handlers: larger mail is kept but not read (the owner is told). */
  maxMailBytes?: number;
  /** The largest mail the SMTP server takes (default: SES receiving's 40 MB, as on AWS). */
  receiveLimitBytes?: number;
  /** Write <dataDir>/stack.json for the CLI (default true). */
  writeStackFile?: boolean;
  /** Where the stack's own lines go (default: stdout with a "[local]" prefix). */
  log?: StackLog;
  /** POWERTOOLS_LOG_LEVEL for the handlers (default INFO). */
  handlerLogLevel?: string;
  retryDelayMs?: number;
  /** Sets the clock to this instant at start (tests). */
  clockStart?: Date;
  /** Extra runtime environment (e.g. CADENCE); wins over the stack's values. */
  env?: Record<string, string>;
  /** Replaces a handler (tests only); unset runs functions/handlers/*.ts. */
  handlers?: HandlerOverrides;
}

export interface LocalStack {
  urls: { smtp: string; actions: string; mailViewer: string; dynamo: string; s3: string };
  ports: Record<PortName, number>;
  inboundAddress: string;
  ownerAddresses: string[];
  ownerId: string;
  tableName: string;
  bucket: string;
  rawMailPrefix: string;
  dataDir: string | null;
  clock: LocalClock;
  /** The runtime environment the handlers run with. */
  env: Record<string, string>;
  /** SDK clients pointed at the local servers (tests read the table and the bucket with them). */
  clients: { dynamo: DynamoDBClient; s3: S3Client };
  /** The repository adapter on the local table. */
  repository: DynamoContactRepository;
  /** Same path as SMTP: store raw mail, then the inbound handler. */
  ingest(raw: Buffer, mailFrom?: string | null): Promise<IngestReport>;
  /** Moves the clock (optional) and runs the dispatcher now. */
  tick(change?: { advance?: DurationLikeObject | null; setTo?: Date | null }): Promise<TickReport>;
  listContacts(): Promise<ContactSummary[]>;
  /** Resolves when no handler invocation is running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const consoleLog: StackLog = {
  info: (message) => process.stdout.write(`[local] ${message}\n`),
  warn: (message) => process.stderr.write(`[local] warning: ${message}\n`),
  error: (message) => process.stderr.write(`[local] error: ${message}\n`),
};

let runningStack = false;
/** The runtime env the handlers were first loaded with (config and clients are then cached). */
let handlersLoadedWithEnv: string | null = null;
let currentEnvFingerprint: string | null = null;

function resolvePort(name: PortName, options: LocalStackOptions): number {
  const explicit = options.ports?.[name];
  if (explicit !== undefined) return explicit;
  const fromEnv = process.env[PORT_SETTINGS[name].envVar];
  if (fromEnv === undefined || fromEnv === '') return DEFAULT_PORTS[name];
  return parsePort(fromEnv, PORT_SETTINGS[name].envVar);
}

/** A port number 0-65535, or UsageError naming where it came from. */
export function parsePort(text: string, source: string): number {
  const port = Number(text);
  const MAX_PORT = 65_535;
  if (!/^\d+$/.test(text) || port > MAX_PORT) throw new UsageError(`${source}: "${text}" is not a port number (0-65535)`);
  return port;
}

const loadHandler = (load: () => Promise<{ handler: unknown }>) => async (): Promise<LambdaHandler> => {
  handlersLoadedWithEnv ??= currentEnvFingerprint;
  return (await load()).handler as LambdaHandler;
};

/** Handlers by name; tests may replace one (e.g. an echo handler to inspect the events). */
export interface HandlerOverrides {
  inbound?: () => Promise<LambdaHandler>;
  dispatch?: () => Promise<LambdaHandler>;
  actions?: () => Promise<LambdaHandler>;
}

/** The new emails in the mail viewer's store since it held `before` emails. */
function sentSince(before: number): SentEmailSummary[] {
  return getStoreReadonly()
    .emails.slice(before)
    .map((email) => ({ subject: email.subject, to: email.destination.to, messageId: email.messageId }));
}

function toSummary({ contact, plan }: { contact: Contact; plan: Plan | null }): ContactSummary {
  return {
    contactId: contact.contactId,
    company: contact.company,
    person: contact.contactName,
    contactEmail: contact.contactEmail,
    role: contact.role,
    status: plan?.status ?? 'unknown',
    nextPrompt: plan?.nextPrompt ?? null,
    nextDueAt: plan?.nextDueAt ?? null,
    lastAction: plan?.lastAction ?? null,
    lastActionAt: plan?.lastActionAt ?? null,
    createdAt: contact.createdAt,
  };
}

/** The address in the first From header of a raw message, if any. */
function fromHeaderAddress(raw: Buffer): string | null {
  const from = headerLinesOf(headerBlockOf(raw)).headers.find((header) => header.name.toLowerCase() === 'from');
  const match = from ? /<([^<>\s]+@[^<>\s]+)>|([^\s<>"',;]+@[^\s<>"',;]+)/.exec(from.value) : null;
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Starts everything; see the module comment. Stops what it started if any part fails. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (runningStack) throw new UsageError('a local stack is already running in this process');
  runningStack = true;
  const log = options.log ?? consoleLog;
  const memory = options.memory ?? false;
  const dataDir = resolveDataDir(options.dataDir);
  const paths = dataPathsOf(dataDir);
  const stoppers: { name: string; stop: () => Promise<void> }[] = [];
  const stopAll = async (): Promise<void> => {
    for (const { name, stop } of stoppers.reverse()) {
      try {
        await stop();
      } catch (error) {
        log.warn(`stopping ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    stoppers.length = 0;
  };
  // The SDK's Node-version notice is noise in a local demo; set before any client exists.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    const other = memory ? null : findRunningStack(paths.stackFile);
    if (other) {
      throw new UsageError(
        `a local stack already runs on the data folder ${dataDir} (pid ${other.pid}, actions at ${other.urls.actions}). ` +
          'Stop it first, or use another folder (--data-dir / NOT_TODAY_DATA_DIR) or --memory.',
      );
    }
    if (!memory) ensureDataFolders(paths);
    const clock = new LocalClock(memory ? null : paths.clock);
    if (options.clockStart) clock.setTo(options.clockStart);
    installClock(clock);
    stoppers.push({ name: 'clock', stop: async () => restoreSystemClock() });

    const ports = Object.fromEntries(
      (Object.keys(DEFAULT_PORTS) as PortName[]).map((name) => [name, resolvePort(name, options)]),
    ) as Record<PortName, number>;
    const dynamo = await startDynamoServer(memory ? null : paths.dynamo, ports.dynamo);
    stoppers.push({ name: 'dynalite', ...dynamo });
    const s3 = await startS3Server(memory ? null : paths.s3, ports.s3, LOCAL_BUCKET);
    stoppers.push({ name: 's3rver', ...s3 });
    const viewer: RunningServer = await startMailViewer(ports.mailViewer);
    stoppers.push({ name: 'mail viewer', ...viewer });

    const ownerAddresses = options.ownerAddresses ?? (process.env[OWNER_ENV] ?? DEFAULT_OWNER_ADDRESS).split(',').map((item) => item.trim()).filter(Boolean);
    const inboundAddress = options.inboundAddress ?? DEFAULT_INBOUND_ADDRESS;
    const ownerId = options.ownerId ?? process.env.OWNER_ID ?? DEFAULT_OWNER_ID;
    const maxMailBytes = options.maxMailBytes ?? Number(process.env.MAX_MAIL_BYTES ?? DEFAULT_MAX_MESSAGE_BYTES);
    const receiveLimitBytes = options.receiveLimitBytes ?? SES_MAX_INBOUND_BYTES;
    const dynamoEndpoint = `http://${LOCAL_HOST}:${dynamo.port}`;
    const s3Endpoint = `http://${LOCAL_HOST}:${s3.port}`;
    const sesEndpoint = `http://${LOCAL_HOST}:${viewer.port}`;
    const clients = createAwsClients({
      AWS_REGION: LOCAL_REGION,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      S3_ENDPOINT: s3Endpoint,
      SES_ENDPOINT: sesEndpoint,
    });
    await createTableIfMissing(clients.dynamo(), LOCAL_TABLE_NAME);
    const repository = new DynamoContactRepository({ client: clients.dynamo(), tableName: LOCAL_TABLE_NAME });

    const invoker = new LambdaInvoker(log, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
    const intake = new MailIntake({
      s3: clients.s3(),
      bucket: LOCAL_BUCKET,
      clock,
      invoker,
      loadInboundHandler: options.handlers?.inbound ?? loadHandler(() => import('../../functions/handlers/inbound.js')),
      defaultVerdicts: { ...PASSING_VERDICTS, ...options.verdicts },
      receiveLimitBytes,
      log,
    });
    const scheduler = new DispatchScheduler(
      clock,
      invoker,
      options.handlers?.dispatch ?? loadHandler(() => import('../../functions/handlers/dispatch.js')),
      log,
    );
    // Stopped in reverse: SMTP and actions first, then the timer, then running handlers.
    stoppers.push({ name: 'handlers', stop: () => invoker.idle() });
    stoppers.push({ name: 'scheduler', stop: () => scheduler.stop() });

    const tick = async (change: { advance?: DurationLikeObject | null; setTo?: Date | null } = {}): Promise<TickReport> => {
      if (change.setTo) clock.setTo(change.setTo);
      if (change.advance) clock.advance(change.advance);
      const before = getStoreReadonly().emails.length;
      const result = await scheduler.runNow();
      return { now: clock.now().toISOString(), clockOffsetMs: clock.offsetMilliseconds, sent: sentSince(before), result };
    };
    const ingest = async (raw: Buffer, mailFrom: string | null = null): Promise<IngestReport> => {
      const before = getStoreReadonly().emails.length;
      const receipt: IntakeReceipt = await intake.receive({
        raw,
        mailFrom: mailFrom ?? fromHeaderAddress(raw) ?? '',
        recipients: [inboundAddress],
      });
      const handled = await receipt.handled;
      return {
        messageId: receipt.messageId,
        rawMailKey: receipt.rawMailKey,
        verdicts: { ...receipt.verdicts },
        handled,
        sent: sentSince(before),
      };
    };
    const listContacts = async (): Promise<ContactSummary[]> =>
      (await repository.listContacts(ownerId)).map(toSummary);

    let urls: LocalStack['urls'] | null = null;
    const control: LocalControl = {
      receiveLimitBytes,
      status: () => ({
        pid: process.pid,
        now: clock.now().toISOString(),
        clockOffsetMs: clock.offsetMilliseconds,
        urls,
        inboundAddress,
        ownerAddresses,
        dataDir: memory ? null : dataDir,
        memory,
      }),
      tick: (change) => tick(change),
      listContacts,
      ingest,
      idle: () => invoker.idle(),
    };
    const actions = await startActionsServer({
      port: ports.actions,
      clock,
      invoker,
      loadActionsHandler: options.handlers?.actions ?? loadHandler(() => import('../../functions/handlers/actions.js')),
      control,
      log,
    });
    stoppers.push({ name: 'actions server', ...actions });

    // The env needs the actions server's bound port (ACTIONS_BASE_URL, port 0 allowed), so it
    // is set after that server starts; handlers load lazily, on their first event.
    const signingKeys = loadOrCreateSigningKeys(memory ? null : dataDir);
    const env: Record<string, string> = {
      TABLE_NAME: LOCAL_TABLE_NAME,
      RAW_MAIL_BUCKET: LOCAL_BUCKET,
      RAW_MAIL_PREFIX,
      OWNER_ID: ownerId,
      OWNER_ADDRESSES: ownerAddresses.join(','),
      OWNER_NAME: options.ownerName ?? process.env.OWNER_NAME ?? '',
      FROM_ADDRESS: options.fromAddress ?? DEFAULT_FROM_ADDRESS,
      INBOUND_ADDRESS: inboundAddress,
      ACTIONS_BASE_URL: `http://${LOCAL_HOST}:${actions.port}`,
      TIME_ZONE: options.timeZone ?? process.env.TIME_ZONE ?? DEFAULT_TIME_ZONE,
      SEND_HOUR: String(options.sendHour ?? process.env.SEND_HOUR ?? DEFAULT_SEND_HOUR),
      SIGNING_KEYS: signingKeys,
      SIGNING_KEY_ID: LOCAL_SIGNING_KEY_ID,
      MAX_MAIL_BYTES: String(maxMailBytes),
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      S3_ENDPOINT: s3Endpoint,
      SES_ENDPOINT: sesEndpoint,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: options.handlerLogLevel ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO',
      POWERTOOLS_SERVICE_NAME: 'not-today',
      ...options.env,
    };
    // Fail at start, naming every bad value, rather than at the first email.
    parseConfig(env);
    const envFingerprint = JSON.stringify(env);
    if (handlersLoadedWithEnv !== null && handlersLoadedWithEnv !== envFingerprint) {
      throw new UsageError(
        'one process runs one local stack configuration: the handlers already read their config (other ports or settings)',
      );
    }
    currentEnvFingerprint = envFingerprint;
    Object.assign(process.env, env);

    const smtp = await startSmtpReceiver({ port: ports.smtp, inboundAddress, receiveLimitBytes, intake, log });
    stoppers.push({ name: 'SMTP receiver', ...smtp });
    scheduler.start(options.dispatchIntervalMs ?? DEFAULT_DISPATCH_INTERVAL_MS, async () => {
      const report = await tick();
      for (const email of report.sent) log.info(`scheduler: sent to the owner: ${email.subject}`);
    });

    const boundPorts: Record<PortName, number> = {
      smtp: smtp.port,
      actions: actions.port,
      mailViewer: viewer.port,
      dynamo: dynamo.port,
      s3: s3.port,
    };
    urls = {
      smtp: `smtp://${LOCAL_HOST}:${smtp.port}`,
      actions: `http://${LOCAL_HOST}:${actions.port}`,
      mailViewer: `http://${LOCAL_HOST}:${viewer.port}`,
      dynamo: dynamoEndpoint,
      s3: s3Endpoint,
    };
    const otherOnFolder = findRunningStack(paths.stackFile);
    if (otherOnFolder) {
      log.warn(`another stack (pid ${otherOnFolder.pid}) owns ${paths.stackFile}; point the CLI here with --actions-port ${boundPorts.actions}`);
    }
    if ((options.writeStackFile ?? true) && !otherOnFolder) {
      writeStackFile(paths.stackFile, {
        pid: process.pid,
        startedAt: new Date().toISOString(),
        ports: boundPorts,
        urls: { smtp: urls.smtp, actions: urls.actions, mailViewer: urls.mailViewer },
        inboundAddress,
        ownerAddresses,
      });
      stoppers.unshift({ name: 'stack file', stop: async () => removeStackFile(paths.stackFile) });
    }
    stoppers.unshift({
      name: 'clients',
      stop: async () => {
        clients.dynamo().destroy();
        clients.s3().destroy();
      },
    });

    let stopped: Promise<void> | null = null;
    return {
      urls,
      ports: boundPorts,
      inboundAddress,
      ownerAddresses,
      ownerId,
      tableName: LOCAL_TABLE_NAME,
      bucket: LOCAL_BUCKET,
      rawMailPrefix: RAW_MAIL_PREFIX,
      dataDir: memory ? null : dataDir,
      clock,
      env,
      clients: { dynamo: clients.dynamo(), s3: clients.s3() },
      repository,
      ingest,
      tick,
      listContacts,
      idle: () => invoker.idle(),
      stop: () => {
        stopped ??= stopAll().finally(() => {
          runningStack = false;
        });
        return stopped;
      },
    };
  } catch (error) {
    await stopAll();
    runningStack = false;
    throw error;
  }
}
