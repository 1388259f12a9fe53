/**
 * The SMTP server that plays SES's inbound endpoint and receipt rule. It accepts mail for
 * the inbound address only (other RCPT TO: 550), refuses mail over SES's own inbound limit
 * (552; a mail over MAX_MAIL_BYTES but under it is accepted, and the handler tells the owner),
 * and answers 250 only once the raw mail is stored in the local S3; the inbound handler
 * then runs like SES's asynchronous Lambda action. Plain SMTP, no AUTH, 127.0.0.1 only.
 */
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { RunningServer } from './dynamo-server.js';
import { listenOn, type PortSetting } from './listen.js';
import type { MailIntake } from './mail-intake.js';
import type { StackLog } from './lambda-invoker.js';

export const SMTP_PORT_SETTING: PortSetting = {
  service: 'SMTP receiver',
  flag: '--smtp-port',
  envVar: 'NOT_TODAY_SMTP_PORT',
};

const SMTP_NO_SUCH_MAILBOX = 550;
const SMTP_TOO_LARGE = 552;
const SMTP_LOCAL_ERROR = 451;
/** How long stop() waits for open SMTP sessions before closing them. */
const CLOSE_TIMEOUT_MS = 1_000;

const smtpError = (message: string, responseCode: number): Error => Object.assign(new Error(message), { responseCode });

export interface SmtpReceiverOptions {
  port: number;
  inboundAddress: string;
  /** The largest message accepted (SES receiving's limit, not MAX_MAIL_BYTES). */
  receiveLimitBytes: number;
  intake: MailIntake;
  log: StackLog;
}

/** Starts the SMTP receiver on 127.0.0.1 (see the module comment for what it accepts). */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<RunningServer> {
  const { intake, log } = options;
  const inbound = options.inboundAddress.toLowerCase();
  const server = new SMTPServer({
    name: 'not-today.localhost',
    banner: 'Not Today local inbound (plays SES receiving)',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.receiveLimitBytes,
    logger: false,
    closeTimeout: CLOSE_TIMEOUT_MS,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (address.address.toLowerCase() !== inbound) {
        callback(smtpError(`5.1.1 <${address.address}>: this server only accepts mail for the inbound address`, SMTP_NO_SUCH_MAILBOX));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          log.warn(`SMTP: refused a message over ${options.receiveLimitBytes} bytes`);
          callback(smtpError(`5.3.4 message exceeds the limit of ${options.receiveLimitBytes} bytes`, SMTP_TOO_LARGE));
          return;
        }
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        intake
          .receive({ raw: Buffer.concat(chunks), mailFrom, recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address) })
          .then(
            (receipt) => callback(null, `Ok: queued as ${receipt.messageId}`),
            (error: unknown) => {
              log.error(`SMTP: could not store a message: ${error instanceof Error ? error.message : String(error)}`);
              callback(smtpError('4.3.0 could not store the message, try again later', SMTP_LOCAL_ERROR));
            },
          );
      });
    },
  });
  server.on('error', (error) => log.error(`SMTP: ${error.message}`));
  const port = await listenOn(server.server, options.port, SMTP_PORT_SETTING);
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
