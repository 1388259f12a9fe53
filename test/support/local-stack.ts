/**
 * Helpers for tests that run the real local stack: start it on free 127.0.0.1 ports with
 * nothing kept on disk, read what the owner received (the SES emulator's /store), send mail
 * over SMTP, and build forwarded rejections with unique ids.
 */
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack/start-local-stack.js';
import type { StackLog } from '../../local/stack/lambda-invoker.js';
import { fetchSesStore, type StoredEmail } from './local-aws.js';

/** A test stack: the local stack plus the lines it logged. */
export type TestStack = LocalStack & { log: CollectedLog };
export type { LocalStack, StoredEmail };

/** The stack's own log lines, kept for assertions and for debugging a failing test. */
export interface CollectedLog extends StackLog {
  lines: string[];
}

export function collectingLog(): CollectedLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

/**
 * A stack for one test file: every port free (0), in memory, no stack.json, no timer
 * (tests run the dispatcher with `stack.tick()`), quiet handler logs, fast retries.
 */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const log = collectingLog();
  const stack = await startLocalStack({
    memory: true,
    writeStackFile: false,
    dispatchIntervalMs: 0,
    handlerLogLevel: 'SILENT',
    retryDelayMs: 10,
    log,
    ...options,
    ports: { smtp: 0, actions: 0, mailViewer: 0, dynamo: 0, s3: 0, ...options.ports },
  });
  return Object.assign(stack, { log });
}

/** Every email the SES emulator holds, oldest first (GET /store). */
export function readSesStore(stack: LocalStack): Promise<StoredEmail[]> {
  return fetchSesStore(stack.urls.mailViewer);
}

/** Empties the SES emulator's store (POST /clear-store). */
export async function clearSesStore(stack: LocalStack): Promise<void> {
  const response = await fetch(`${stack.urls.mailViewer}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`SES emulator /clear-store answered ${response.status}`);
}

export interface SmtpSend {
  /** Envelope MAIL FROM. */
  from: string;
  /** Envelope RCPT TO (default: the stack's inbound address). */
  to?: string[];
  raw: string | Buffer;
}

/** Sends one raw message to the stack's SMTP receiver; resolves with the server's answer. */
export async function sendSmtp(stack: LocalStack, mail: SmtpSend): Promise<{ response: string; accepted: string[]; rejected: string[] }> {
  const transport = createTransport({ host: '127.0.0.1', port: stack.ports.smtp, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      envelope: { from: mail.from, to: mail.to ?? [stack.inboundAddress] },
      raw: mail.raw,
    });
    return {
      response: info.response,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
    };
  } finally {
    transport.close();
  }
}

/** A message id nobody else uses, for tests that need distinct mails. */
export const uniqueMessageId = (): string => `<${randomUUID()}@mail.test.example>`;

export interface ForwardParts {
  owner: string;
  /** The original rejection's sender ("Dana Whitfield <dana@brightloop.example>"). */
  originalFrom: string;
  originalSubject: string;
  originalDate?: string;
  originalMessageId?: string;
  /** Body of the original rejection, plain text. */
  originalBody: string;
  /** Extra headers on the forward (e.g. "X-Local-Verdicts: spf=FAIL"). */
  extraHeaders?: string[];
}

/** A Gmail-style inline forward of a rejection, as raw MIME (CRLF line ends). */
export function buildGmailForward(parts: ForwardParts): string {
  const originalDate = parts.originalDate ?? 'Mon, 2 Nov 2026 at 10:15';
  const lines = [
    `From: ${parts.owner}`,
    `To: rejections@not-today.localhost`,
    `Subject: Fwd: ${parts.originalSubject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${uniqueMessageId()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    ...(parts.extraHeaders ?? []),
    '',
    '',
    '---------- Forwarded message ---------',
    `From: ${parts.originalFrom}`,
    `Date: ${originalDate}`,
    `Subject: ${parts.originalSubject}`,
    `To: <${parts.owner.replace(/^.*<|>.*$/g, '')}>`,
    ...(parts.originalMessageId ? [`Message-ID: ${parts.originalMessageId}`] : []),
    '',
    ...parts.originalBody.split('\n'),
    '',
  ];
  return lines.join('\r\n');
}

/** Polls `read` until `accept` holds or the time is up; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const POLL_MS = 50;
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    value = await read();
  }
  return value;
}
