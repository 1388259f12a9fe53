/**
 * The HTTP server that plays the actions Lambda's Function URL: every request becomes a
 * payload-2.0 event for the actions handler, and its result becomes the response. Requests
 * under /_local/ go to the local control routes instead (never part of the deployed handler).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Clock } from '../../functions/core/ports.js';
import { CONTROL_PREFIX, handleControlRequest, type LocalControl } from './control-routes.js';
import type { RunningServer } from './dynamo-server.js';
import { toFunctionUrlEvent, writeFunctionUrlResult } from './function-url-event.js';
import type { LambdaHandler, LambdaInvoker, StackLog } from './lambda-invoker.js';
import { closeServer, listenOn, type PortSetting } from './listen.js';

export const ACTIONS_PORT_SETTING: PortSetting = {
  service: 'actions server (Function URL)',
  flag: '--actions-port',
  envVar: 'NOT_TODAY_ACTIONS_PORT',
};
export const ACTIONS_FUNCTION_NAME = 'not-today-actions';

/** A Function URL refuses request payloads over 6 MB. */
const FUNCTION_URL_MAX_REQUEST_BYTES = 6 * 1024 * 1024;
const HTTP_PAYLOAD_TOO_LARGE = 413;
const HTTP_BAD_GATEWAY = 502;

export interface ActionsServerOptions {
  port: number;
  clock: Clock;
  invoker: LambdaInvoker;
  loadActionsHandler: () => Promise<LambdaHandler>;
  control: LocalControl;
  log: StackLog;
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Starts the Function URL server on 127.0.0.1 (0 = a free port). */
export async function startActionsServer(options: ActionsServerOptions): Promise<RunningServer> {
  const { clock, invoker, log, control } = options;
  const limit = Math.max(FUNCTION_URL_MAX_REQUEST_BYTES, control.receiveLimitBytes);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request, limit);
    if (body === null) {
      response.writeHead(HTTP_PAYLOAD_TOO_LARGE, { 'content-type': 'text/plain' }).end('request too large\n');
      return;
    }
    if ((request.url ?? '').startsWith(CONTROL_PREFIX)) {
      await handleControlRequest(control, request, body, response);
      return;
    }
    if (body.length > FUNCTION_URL_MAX_REQUEST_BYTES) {
      response.writeHead(HTTP_PAYLOAD_TOO_LARGE, { 'content-type': 'text/plain' }).end('request too large\n');
      return;
    }
    try {
      const event = toFunctionUrlEvent(request, body, clock.now());
      const result = await invoker.invokeSync(ACTIONS_FUNCTION_NAME, options.loadActionsHandler, event);
      writeFunctionUrlResult(response, result);
    } catch (error) {
      // A Function URL answers 502 when the function throws.
      log.error(`actions handler failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) {
        response.writeHead(HTTP_BAD_GATEWAY, { 'content-type': 'application/json' });
      }
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    }
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error(`actions server: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(HTTP_BAD_GATEWAY);
      response.end();
    });
  });
  const port = await listenOn(server, options.port, ACTIONS_PORT_SETTING);
  return { port, stop: () => closeServer(server) };
}
