/**
 * aws-ses-v2-local, playing SES for outgoing mail: the handlers' SendRawEmail calls land
 * here, and its web page (GET /) is the owner's inbox. GET /store lists what was sent.
 * Its store is module-wide, so one process runs one mail viewer.
 */
import type { Server } from 'node:http';
import * as sesLocalModule from 'aws-ses-v2-local';
import type { RunningServer } from './dynamo-server.js';
import { closeServer, LOCAL_HOST, type PortSetting } from './listen.js';
import { PortInUseError } from './local-stack-errors.js';

export const MAIL_VIEWER_PORT_SETTING: PortSetting = {
  service: 'mail viewer (aws-ses-v2-local)',
  flag: '--mail-viewer-port',
  envVar: 'NOT_TODAY_MAIL_VIEWER_PORT',
};

type StartSes = (config?: { host?: string; port?: number }) => Promise<Server>;

/** The package is CommonJS with a default export; unwrap it whichever way the loader exposes it. */
function resolveStartSes(): StartSes {
  const candidate = (sesLocalModule as unknown as { default: StartSes | { default: StartSes } }).default;
  return typeof candidate === 'function' ? candidate : candidate.default;
}

/** Starts aws-ses-v2-local on 127.0.0.1:`port` (0 = a free port). */
export async function startMailViewer(port: number): Promise<RunningServer> {
  const server = await resolveStartSes()({ host: LOCAL_HOST, port });
  if (!server.listening) {
    // express 5 hands a listen error to the callback and the package resolves anyway.
    const { service, flag, envVar } = MAIL_VIEWER_PORT_SETTING;
    throw new PortInUseError(service, port, flag, envVar);
  }
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => closeServer(server),
  };
}
