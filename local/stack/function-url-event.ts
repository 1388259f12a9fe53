/**
 * Converts a Node HTTP request to the event a Lambda Function URL delivers (API Gateway
 * payload format 2.0), and the handler's result back to an HTTP response, following AWS's
 * documented rules: lower-cased headers (repeated values joined by commas), cookies in their
 * own array, query parameters joined by commas, a text body as is and any other body base64.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DateTime } from 'luxon';

const TEXT_CONTENT_TYPES = [
  /^text\//,
  /^application\/(json|xml|javascript|x-www-form-urlencoded)/,
  /\+(json|xml)\b/,
];
const HTTP_OK = 200;

/** Whether a Function URL passes a body of this content type as text (else base64). */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.toLowerCase();
  return TEXT_CONTENT_TYPES.some((pattern) => pattern.test(type));
}

/** The Function URL event (payload 2.0) for one request; `now` stamps requestContext.time. */
export function toFunctionUrlEvent(request: IncomingMessage, body: Buffer, now: Date): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://local');
  const rawUrl = request.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const rawQueryString = queryStart >= 0 ? rawUrl.slice(queryStart + 1) : '';
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (!values) continue;
    if (name === 'cookie') {
      cookies = values.flatMap((value) => value.split(/;\s*/)).filter(Boolean);
      continue;
    }
    headers[name] = values.join(',');
  }
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    queryStringParameters[key] = url.searchParams.getAll(key).join(',');
  }
  const host = headers.host ?? '127.0.0.1';
  const hasBody = body.length > 0;
  const asText = isTextContentType(headers['content-type']);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: DateTime.fromJSDate(now, { zone: 'utc' }).toFormat('dd/LLL/yyyy:HH:mm:ss ZZZ'),
      timeEpoch: now.getTime(),
    },
    ...(hasBody ? { body: asText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !asText,
  };
}

/**
 * Writes a handler result as Function URLs do: a structured result with statusCode as
 * given; anything else (a string or an object without statusCode) as a 200 JSON body.
 */
export function writeFunctionUrlResult(response: ServerResponse, result: unknown): void {
  const structured =
    typeof result === 'object' && result !== null && 'statusCode' in result
      ? (result as APIGatewayProxyStructuredResultV2)
      : null;
  if (!structured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    response.writeHead(HTTP_OK, { 'content-type': 'application/json' });
    response.end(body);
    return;
  }
  for (const [name, value] of Object.entries(structured.headers ?? {})) {
    response.setHeader(name, String(value));
  }
  if (structured.cookies?.length) response.setHeader('set-cookie', structured.cookies);
  response.statusCode = structured.statusCode ?? HTTP_OK;
  const body = structured.body ?? '';
  response.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}
