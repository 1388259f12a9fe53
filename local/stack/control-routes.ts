/**
 * Local-only control routes under /_local/ on the actions port, used by the CLI. They exist
 * only in the local stack's HTTP server, never in the deployed actions handler.
 *
 *   GET  /_local/status                  the stack: urls, ports, owner, clock
 *   GET  /_local/contacts                every contact with its plan (summaries)
 *   GET  /_local/idle                    answers once no handler invocation is running
 *   POST /_local/tick?advance=3mo        move the clock (optional), run the dispatcher now
 *   POST /_local/tick?set=2027-03-01T09:00:00Z   set the clock instead
 *   POST /_local/ingest?from=ADDRESS     body = one raw message (message/rfc822)
 *
 * POST routes need the header `x-not-today-local: 1`: a web page cannot send it cross-origin
 * without a CORS preflight (which is never answered), so a page cannot drive them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DurationLikeObject } from 'luxon';
import { parseDuration } from './durations.js';
import { AppError } from '../../functions/core/errors.js';

export const CONTROL_PREFIX = '/_local/';
export const CONTROL_HEADER = 'x-not-today-local';

const HTTP_OK = 200;
const HTTP_BAD_REQUEST = 400;
const HTTP_FORBIDDEN = 403;
const HTTP_NOT_FOUND = 404;
const HTTP_METHOD_NOT_ALLOWED = 405;
const HTTP_PAYLOAD_TOO_LARGE = 413;
const HTTP_SERVER_ERROR = 500;

/** One contact as `not-today list` shows it. */
export interface ContactSummary {
  contactId: string;
  company: string | null;
  person: string | null;
  contactEmail: string | null;
  role: string | null;
  status: string;
  nextPrompt: string | null;
  nextDueAt: string | null;
  lastAction: string | null;
  lastActionAt: string | null;
  createdAt: string;
}

export interface SentEmailSummary {
  subject: string;
  to: string[];
  messageId: string;
}

export interface TickReport {
  now: string;
  clockOffsetMs: number;
  sent: SentEmailSummary[];
  result: unknown;
}

export interface IngestReport {
  messageId: string;
  rawMailKey: string;
  verdicts: Record<string, string>;
  handled: { ok: boolean; error?: string; attempts: number; result?: unknown };
  sent: SentEmailSummary[];
}

/** What the control routes need from the stack. */
export interface LocalControl {
  status(): Record<string, unknown>;
  tick(change: { advance: DurationLikeObject | null; setTo: Date | null }): Promise<TickReport>;
  listContacts(): Promise<ContactSummary[]>;
  ingest(raw: Buffer, mailFrom: string | null): Promise<IngestReport>;
  /** Resolves when no handler invocation is running. */
  idle(): Promise<void>;
  /** The largest message `ingest` takes (the receipt rule's limit). */
  receiveLimitBytes: number;
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${JSON.stringify(body, null, 2)}\n`);
};

/** Handles a /_local/ request (the caller checked the prefix). */
export async function handleControlRequest(
  control: LocalControl,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://local');
  const route = url.pathname.slice(CONTROL_PREFIX.length);
  const method = request.method ?? 'GET';
  try {
    if (method === 'POST' && request.headers[CONTROL_HEADER] !== '1') {
      sendJson(response, HTTP_FORBIDDEN, { error: `local control routes need the header ${CONTROL_HEADER}: 1` });
      return;
    }
    if (route === 'status' && method === 'GET') {
      sendJson(response, HTTP_OK, control.status());
      return;
    }
    if (route === 'contacts' && method === 'GET') {
      sendJson(response, HTTP_OK, { contacts: await control.listContacts() });
      return;
    }
    if (route === 'idle' && method === 'GET') {
      await control.idle();
      sendJson(response, HTTP_OK, { idle: true });
      return;
    }
    if (route === 'tick' && method === 'POST') {
      const advance = url.searchParams.get('advance');
      const set = url.searchParams.get('set');
      const setTo = set ? new Date(set) : null;
      if (setTo && Number.isNaN(setTo.getTime())) {
        sendJson(response, HTTP_BAD_REQUEST, { error: `cannot read the time "${set}": use ISO 8601` });
        return;
      }
      sendJson(response, HTTP_OK, await control.tick({ advance: advance ? parseDuration(advance) : null, setTo }));
      return;
    }
    if (route === 'ingest' && method === 'POST') {
      if (body.length === 0) {
        sendJson(response, HTTP_BAD_REQUEST, { error: 'the request body must be one raw message (.eml)' });
        return;
      }
      if (body.length > control.receiveLimitBytes) {
        sendJson(response, HTTP_PAYLOAD_TOO_LARGE, { error: `message over the limit of ${control.receiveLimitBytes} bytes` });
        return;
      }
      sendJson(response, HTTP_OK, await control.ingest(body, url.searchParams.get('from')));
      return;
    }
    const known = ['status', 'contacts', 'idle', 'tick', 'ingest'].includes(route);
    sendJson(response, known ? HTTP_METHOD_NOT_ALLOWED : HTTP_NOT_FOUND, { error: `no local route ${method} ${url.pathname}` });
  } catch (error) {
    const status = error instanceof AppError && error.permanent ? HTTP_BAD_REQUEST : HTTP_SERVER_ERROR;
    sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
  }
}
