/**
 * dynalite, playing DynamoDB: data in a LevelDB folder, or in memory with `--memory`.
 */
import type { Server } from 'node:http';
import dynalite from 'dynalite';
import { closeServer, listenOn, type PortSetting } from './listen.js';

/** A new table is ACTIVE at once locally (dynalite's default keeps it CREATING for 500 ms). */
const TABLE_STATE_CHANGE_MS = 0;

/** A started local server: the port it bound, and how to stop it. */
export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

export const DYNAMO_PORT_SETTING: PortSetting = {
  service: 'DynamoDB (dynalite)',
  flag: '--dynamo-port',
  envVar: 'NOT_TODAY_DYNAMO_PORT',
};

/** Starts dynalite; `folder` null keeps everything in memory. */
export async function startDynamoServer(folder: string | null, port: number): Promise<RunningServer> {
  const server = dynalite({
    ...(folder ? { path: folder } : {}),
    createTableMs: TABLE_STATE_CHANGE_MS,
    deleteTableMs: TABLE_STATE_CHANGE_MS,
    updateTableMs: TABLE_STATE_CHANGE_MS,
  }) as Server;
  const boundPort = await listenOn(server, port, DYNAMO_PORT_SETTING);
  return { port: boundPort, stop: () => closeServer(server) };
}
