/**
 * The actions function (Lambda Function URL, API Gateway payload 2.0): the pages behind the
 * signed links in every owner email, and the secret calendar feed.
 *
 *   GET|HEAD /a/<token>             the page the link opens (reads only: mail scanners and
 *                                   link previewers fetch every link, nothing may change)
 *   POST     /a/<token>             the page's form (token in the body too): act, save, resend
 *   GET|HEAD /calendar/<token>.ics  the owner's check-ins as an iCalendar feed
 *
 * Thin on purpose: validate the event (zod), call one use case, map its result or error to a
 * response with the security headers. No cookies are read or set; the token is the
 * capability, and a POST must carry the same token as its URL.
 */
import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from '../core/zod-mini.js';
import { readCalendarFeed } from '../core/calendar/calendar-feed.js';
import { ExpiredTokenError } from '../core/links/link-signer.js';
import { buildMessagePage, type MessagePageName } from '../core/pages/action-pages.js';
import { isUnexpectedError, openLink, pageForError, submitLink, type PageResponse } from '../core/pages/link-pages.js';
import { buildSecurityHeaders } from '../core/pages/security-headers.js';
import type { Log } from '../core/ports.js';
import { InvalidTokenError } from '../core/errors.js';
import { loadActionsHandlerDeps, type ActionsHandlerDeps } from '../runtime/actions-deps.js';
import { createLog } from '../runtime/logger.js';
import { describeErrorForLog } from './handler-support.js';

/** Largest form body accepted (the notes field is the largest, 2000 characters). */
export const MAX_FORM_BODY_BYTES = 32 * 1024;
/** Longest path accepted (a token is about 150 characters). */
const MAX_PATH_LENGTH = 2048;

const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';
const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const HTTP_OK = 200;
const HTTP_FORBIDDEN = 403;
const HTTP_GONE = 410;
const HTTP_INTERNAL_ERROR = 500;
const HTTP_SERVICE_UNAVAILABLE = 503;

const ACTION_PATH = /^\/a\/([^/]{1,1024})\/?$/;
const CALENDAR_PATH = /^\/calendar\/([^/]{1,1024})\.ics$/;

/** The parts of a Function URL event this handler reads (schema built on first use). */
const functionUrlEventSchema = z.onFirstUse(() =>
  z.object({
    rawPath: z.string().check(z.minLength(1), z.maxLength(MAX_PATH_LENGTH)),
    headers: z._default(z.record(z.string(), z.optional(z.string())), {}),
    body: z.optional(z.string()),
    isBase64Encoded: z._default(z.boolean(), false),
    requestContext: z.object({
      requestId: z.string().check(z.minLength(1)),
      http: z.object({ method: z.string().check(z.minLength(1)) }),
    }),
  }),
);
type FunctionUrlEvent = z.infer<ReturnType<typeof functionUrlEventSchema>>;

type Route = { kind: 'link'; token: string } | { kind: 'calendar'; token: string } | { kind: 'none' };

/** Which route a path is, with its token (percent-decoded). A bad escape is a bad token. */
export function routeOf(path: string): Route {
  const link = ACTION_PATH.exec(path);
  const calendar = link ? null : CALENDAR_PATH.exec(path);
  const encoded = link?.[1] ?? calendar?.[1];
  if (encoded === undefined) return { kind: 'none' };
  let token: string;
  try {
    token = decodeURIComponent(encoded);
  } catch {
    token = '';
  }
  return link ? { kind: 'link', token } : { kind: 'calendar', token };
}

/** Compares two tokens without an early exit on the first differing character. */
function sameToken(left: string, right: string): boolean {
  const a = Buffer.from(left, 'utf8');
  const b = Buffer.from(right, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The form fields of a POST, or null when the body is not a form or is too large. */
function readForm(event: FunctionUrlEvent): Record<string, string> | null {
  const contentType = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== FORM_CONTENT_TYPE) return null;
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(body, 'utf8') > MAX_FORM_BODY_BYTES) return null;
  const form: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    // The first value of a repeated field wins; no prototype keys.
    if (!Object.hasOwn(form, name) && name !== '__proto__') form[name] = value;
  }
  return form;
}

function respond(
  deps: ActionsHandlerDeps,
  method: string,
  status: number,
  contentType: string,
  body: string,
  extraHeaders: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { ...deps.renderer.securityHeaders, 'content-type': contentType, ...extraHeaders },
    // HEAD: the same headers as GET, no body.
    body: method === 'HEAD' ? '' : body,
  };
}

function respondWithPage(
  deps: ActionsHandlerDeps,
  method: string,
  page: PageResponse,
  extraHeaders: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return respond(deps, method, page.status, HTML_CONTENT_TYPE, deps.renderer.renderPage(page.view), extraHeaders);
}

function respondWithMessage(
  deps: ActionsHandlerDeps,
  method: string,
  name: MessagePageName,
  extraHeaders: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return respondWithPage(deps, method, buildMessagePage(deps.pages.texts, name), extraHeaders);
}

function logFailure(log: Log, error: unknown, unexpected: boolean, requestId: string): void {
  const details = {
    requestId,
    error: error instanceof Error ? error.name : typeof error,
    ...(error instanceof InvalidTokenError ? { reason: error.reason } : {}),
  };
  if (unexpected) log.error('actions request failed', { ...details, message: error instanceof Error ? error.message : String(error) });
  else log.info('actions request refused', details);
}

async function handleLink(
  deps: ActionsHandlerDeps,
  event: FunctionUrlEvent,
  method: string,
  token: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { log } = deps.pages;
  const requestId = event.requestContext.requestId;
  try {
    if (method === 'GET' || method === 'HEAD') {
      return respondWithPage(deps, method, await openLink(deps.pages, { token }));
    }
    // A POST comes from our own page: same origin, form-encoded, the URL's token in the body.
    if (event.headers['sec-fetch-site'] === 'cross-site') return respondWithMessage(deps, method, 'forbidden');
    const form = readForm(event);
    if (!form) return respondWithMessage(deps, method, 'badRequest');
    if (!sameToken(form.token ?? '', token)) return respondWithMessage(deps, method, 'forbidden');
    return respondWithPage(deps, method, await submitLink(deps.pages, { token, form, requestId }));
  } catch (error) {
    const page = pageForError(deps.pages.texts, error, token);
    logFailure(log, error, page.unexpected, requestId);
    return respondWithPage(deps, method, page);
  }
}

async function handleCalendar(
  deps: ActionsHandlerDeps,
  event: FunctionUrlEvent,
  method: string,
  token: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const ics = await readCalendarFeed(deps.pages, { token });
    return respond(deps, method, HTTP_OK, CALENDAR_CONTENT_TYPE, ics, {
      'content-disposition': 'inline; filename="not-today.ics"',
    });
  } catch (error) {
    const expired = error instanceof ExpiredTokenError;
    const refused = error instanceof InvalidTokenError;
    const unexpected = !refused && isUnexpectedError(error);
    logFailure(deps.pages.log, error, unexpected, event.requestContext.requestId);
    const say = (name: 'calendar-expired' | 'calendar-invalid' | 'calendar-unavailable'): string => `${deps.pages.texts.say(name)}\n`;
    if (expired) return respond(deps, method, HTTP_GONE, TEXT_CONTENT_TYPE, say('calendar-expired'));
    if (refused) return respond(deps, method, HTTP_FORBIDDEN, TEXT_CONTENT_TYPE, say('calendar-invalid'));
    const status = unexpected ? HTTP_INTERNAL_ERROR : HTTP_SERVICE_UNAVAILABLE;
    return respond(deps, method, status, TEXT_CONTENT_TYPE, say('calendar-unavailable'));
  }
}

/** Handles one request with the given wiring (tests pass fakes; the Lambda entry passes the real one). */
export async function handleActionsRequest(
  deps: ActionsHandlerDeps,
  rawEvent: unknown,
): Promise<APIGatewayProxyStructuredResultV2> {
  const parsed = functionUrlEventSchema().safeParse(rawEvent);
  if (!parsed.success) {
    deps.pages.log.warn('actions event refused', { issues: parsed.error.issues.length });
    return respondWithMessage(deps, 'GET', 'badRequest');
  }
  const event = parsed.data;
  const method = event.requestContext.http.method.toUpperCase();
  const route = routeOf(event.rawPath);
  if (route.kind === 'none') return respondWithMessage(deps, method, 'notFound');

  const allowed = route.kind === 'link' ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
  if (!allowed.includes(method)) return respondWithMessage(deps, method, 'methodNotAllowed', { allow: allowed.join(', ') });

  return route.kind === 'link' ? handleLink(deps, event, method, route.token) : handleCalendar(deps, event, method, route.token);
}

/** https://<the host this request came to>, when the event names one (a Function URL always does). */
export function requestBaseUrlOf(event: unknown): string | undefined {
  const domainName = (event as { requestContext?: { domainName?: unknown } } | null)?.requestContext?.domainName;
  return typeof domainName === 'string' && /^[a-z0-9.-]{1,253}$/i.test(domainName) ? `https://${domainName}` : undefined;
}

/**
 * The answer when no page can be rendered: the wiring (templates included) could not be loaded,
 * or rendering failed while answering. This one text stays here, not in
 * templates/pages/texts.hbs, because it must not need them.
 */
function respondUnavailable(): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: HTTP_INTERNAL_ERROR,
    headers: { 'content-type': TEXT_CONTENT_TYPE, ...buildSecurityHeaders({ scripts: [], styles: [] }) },
    body: 'Not Today is not available right now.\n',
  };
}

/**
 * Builds a handler around a way to get the wiring. The wiring is built once per cold start;
 * when it cannot be built (bad config, a template that does not compile) the response is a
 * bare 500 (no details) and the error is logged; the next request tries to build it again.
 * A request that fails even to render its error page (an edited text that does not compile,
 * met on first use) gets the same bare 500 instead of the Function URL's 502.
 */
export function createActionsHandler(
  loadDeps: (requestBaseUrl?: string) => Promise<ActionsHandlerDeps>,
): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  return async (event) => {
    let deps: ActionsHandlerDeps;
    try {
      deps = await loadDeps(requestBaseUrlOf(event));
    } catch (error) {
      createLog().error('actions wiring failed', describeErrorForLog(error));
      return respondUnavailable();
    }
    try {
      return await handleActionsRequest(deps, event);
    } catch (error) {
      deps.pages.log.error('actions request failed while answering', describeErrorForLog(error));
      return respondUnavailable();
    }
  };
}

/** The Lambda entry point (Function URL). */
export const handler = createActionsHandler(loadActionsHandlerDeps);
