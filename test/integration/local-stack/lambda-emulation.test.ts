/**
 * How the local stack plays the AWS pieces around the handlers, checked with recording
 * handlers in place of the real ones: the Function URL (payload 2.0 events, result mapping),
 * SES's receipt rule (the SES event, verdicts, async retries) and the EventBridge rule.
 */
import type { APIGatewayProxyEventV2, ScheduledEvent, SESEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASYNC_RETRY_ATTEMPTS, type LambdaHandler } from '../../../local/stack/lambda-invoker.js';
import { buildGmailForward, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';

const OWNER = 'emulation.owner@example.com';
const CLOCK_START = new Date('2027-01-04T08:30:00Z');
/** A fast local EventBridge rule, so a test sees it fire on its own. */
const TIMER_INTERVAL_MS = 100;

const seen = { actions: [] as APIGatewayProxyEventV2[], inbound: [] as SESEvent[], dispatch: [] as ScheduledEvent[] };
/** How many times the inbound handler should fail before it succeeds (retry test). */
let inboundFailuresLeft = 0;

const actionsHandler: LambdaHandler = async (event) => {
  const request = event as APIGatewayProxyEventV2;
  seen.actions.push(request);
  if (request.rawPath === '/throws') throw new Error('boom');
  if (request.rawPath === '/plain') return 'just a string';
  if (request.rawPath === '/binary') {
    return { statusCode: 201, headers: { 'content-type': 'image/png' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true, cookies: ['a=1; Path=/', 'b=2'] };
  }
  return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'x-echo': request.rawPath }, body: '<p>ok</p>' };
};
const inboundHandler: LambdaHandler = async (event) => {
  seen.inbound.push(event as SESEvent);
  if (inboundFailuresLeft > 0) {
    inboundFailuresLeft -= 1;
    throw new Error('transient trouble');
  }
  return { outcome: 'tracked', contactId: 'x', promptSent: false };
};
const dispatchHandler: LambdaHandler = async (event) => {
  seen.dispatch.push(event as ScheduledEvent);
  return { outcome: 'swept', due: 0, claimed: 0, sent: 0, skipped: 0, failed: 0 };
};

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    ownerAddresses: [OWNER],
    clockStart: CLOCK_START,
    dispatchIntervalMs: TIMER_INTERVAL_MS,
    handlers: { actions: async () => actionsHandler, inbound: async () => inboundHandler, dispatch: async () => dispatchHandler },
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the Function URL', () => {
  it('hands the handler a payload 2.0 event: raw path and query, lower-cased headers, cookies apart', async () => {
    // Act
    const response = await fetch(`${stack.urls.actions}/a/tok.en?x=1&x=2&y=%20z`, {
      headers: { 'X-Custom-Thing': 'Value', Cookie: 'one=1; two=2' },
    });
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('x-echo')).toBe('/a/tok.en');
    expect(await response.text()).toBe('<p>ok</p>');
    const event = seen.actions.at(-1)!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/a/tok.en',
      rawQueryString: 'x=1&x=2&y=%20z',
      queryStringParameters: { x: '1,2', y: ' z' },
      cookies: ['one=1', 'two=2'],
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/a/tok.en' }, stage: '$default' },
    });
    expect(event.headers['x-custom-thing']).toBe('Value');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.timeEpoch).toBeGreaterThanOrEqual(CLOCK_START.getTime());
  });

  it('passes a form body as text and a binary body as base64', async () => {
    // Act
    await fetch(`${stack.urls.actions}/a/t`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=abc&confirm=1',
    });
    const formEvent = seen.actions.at(-1)!;
    await fetch(`${stack.urls.actions}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 159, 255]),
    });
    const binaryEvent = seen.actions.at(-1)!;
    // Assess
    expect(formEvent).toMatchObject({ body: 'token=abc&confirm=1', isBase64Encoded: false, requestContext: { http: { method: 'POST' } } });
    expect(binaryEvent).toMatchObject({ body: Buffer.from([0, 159, 255]).toString('base64'), isBase64Encoded: true });
  });

  it('maps results as Function URLs do: base64 bodies, cookies, plain strings, and 502 on a throw', async () => {
    // Act
    const binary = await fetch(`${stack.urls.actions}/binary`);
    const plain = await fetch(`${stack.urls.actions}/plain`);
    const thrown = await fetch(`${stack.urls.actions}/throws`);
    // Assess
    expect(binary.status).toBe(201);
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(binary.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(await plain.text()).toBe('just a string');
    expect(thrown.status).toBe(502);
  });

  it('keeps the local control routes to itself: POST needs the local header, unknown routes 404', async () => {
    // Act
    const withoutHeader = await fetch(`${stack.urls.actions}/_local/tick`, { method: 'POST' });
    const unknown = await fetch(`${stack.urls.actions}/_local/nothing-here`);
    const status = (await (await fetch(`${stack.urls.actions}/_local/status`)).json()) as { urls: { smtp: string } };
    const handlerCallsBefore = seen.actions.length;
    // Assess
    expect(withoutHeader.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(status.urls.smtp).toBe(stack.urls.smtp);
    expect(seen.actions.length).toBe(handlerCallsBefore);
  });
});

describe('the SES receipt rule and the EventBridge rule', () => {
  it('hands inbound an SES receipt event with the envelope, common headers and the local verdicts', async () => {
    // Prepare
    const raw = buildGmailForward({
      owner: `Sam <${OWNER}>`,
      originalFrom: 'Ada Quist <ada@fernhill.example>',
      originalSubject: 'Your application',
      originalBody: 'We went with another candidate.',
      extraHeaders: ['X-Local-Verdicts: spam=FAIL; dmarc=GRAY'],
    });
    // Act
    const report = await stack.ingest(Buffer.from(raw), OWNER);
    // Assess
    const record = seen.inbound.at(-1)!.Records[0]!;
    expect(record.eventSource).toBe('aws:ses');
    expect(`${stack.rawMailPrefix}${record.ses.mail.messageId}`).toBe(report.rawMailKey);
    expect(record.ses.mail).toMatchObject({
      source: OWNER,
      destination: [stack.inboundAddress],
      commonHeaders: { subject: 'Fwd: Your application', from: [`Sam <${OWNER}>`] },
    });
    expect(record.ses.receipt).toMatchObject({
      spfVerdict: { status: 'PASS' },
      dkimVerdict: { status: 'PASS' },
      spamVerdict: { status: 'FAIL' },
      virusVerdict: { status: 'PASS' },
      dmarcVerdict: { status: 'GRAY' },
      action: { type: 'Lambda', invocationType: 'Event' },
    });
    expect(record.ses.mail.headers.some((header) => header.name === 'Subject')).toBe(true);
  });

  it('keeps 8-bit UTF-8 and encoded-word subjects readable in the common headers', async () => {
    // Prepare
    const raw = (subject: string) =>
      Buffer.from(`From: ${OWNER}\r\nTo: ${stack.inboundAddress}\r\nSubject: ${subject}\r\n\r\nBody\r\n`, 'utf8');
    // Act
    await stack.ingest(raw('WG: Absage – Ihre Bewerbung für München'), OWNER);
    const eightBit = seen.inbound.at(-1)!.Records[0]!.ses.mail;
    await stack.ingest(raw('=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?='), OWNER);
    const encoded = seen.inbound.at(-1)!.Records[0]!.ses.mail;
    // Assess
    expect(eightBit.commonHeaders.subject).toBe('WG: Absage – Ihre Bewerbung für München');
    expect(eightBit.headers.find((header) => header.name === 'Subject')?.value).toBe('WG: Absage – Ihre Bewerbung für München');
    expect(encoded.commonHeaders.subject).toBe('Grüße aus Köln');
  });

  it('retries a failing inbound invocation like Lambda does for asynchronous events', async () => {
    // Prepare
    inboundFailuresLeft = ASYNC_RETRY_ATTEMPTS;
    const callsBefore = seen.inbound.length;
    const raw = buildGmailForward({ owner: OWNER, originalFrom: 'b@c.example', originalSubject: 'x', originalBody: 'y' });
    // Act
    const report = await stack.ingest(Buffer.from(raw), OWNER);
    // Assess
    expect(report.handled).toMatchObject({ ok: true, attempts: ASYNC_RETRY_ATTEMPTS + 1 });
    expect(seen.inbound.length - callsBefore).toBe(ASYNC_RETRY_ATTEMPTS + 1);
    expect(stack.log.lines.filter((line) => line.includes('transient trouble'))).toHaveLength(ASYNC_RETRY_ATTEMPTS);
  });

  it('runs dispatch with a Scheduled Event stamped with the moved clock', async () => {
    // Act
    const report = await stack.tick({ advance: { months: 3 } });
    // Assess
    const event = seen.dispatch.at(-1)!;
    expect(event).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(Date.parse('2027-04-04T08:30:00Z'));
    expect(report.now >= '2027-04-04T08:30:00').toBe(true);
    expect(report.result).toMatchObject({ outcome: 'swept' });
  });

  it('fires the dispatch handler on its own, every interval, like the EventBridge rule', async () => {
    // Prepare
    const before = seen.dispatch.length;
    // Act
    const count = await waitFor(async () => seen.dispatch.length, (length) => length >= before + 2, 5_000);
    // Assess
    expect(count).toBeGreaterThanOrEqual(before + 2);
    expect(seen.dispatch.at(-1)?.['detail-type']).toBe('Scheduled Event');
  });
});
