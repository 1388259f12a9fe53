/**
 * s3rver, playing S3 for raw inbound mail: objects in a folder (the data folder, or a
 * temporary folder removed on stop with `--memory`). The raw-mail bucket is created on start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { RunningServer } from './dynamo-server.js';
import { LOCAL_HOST } from './listen.js';
import { PortInUseError } from './local-stack-errors.js';

export const S3_PORT_SETTING = { service: 'S3 (s3rver)', flag: '--s3-port', envVar: 'NOT_TODAY_S3_PORT' } as const;

/**
 * The credentials s3rver checks signatures against. The whole local stack uses them as its
 * fake AWS credentials (no real AWS account is ever involved).
 */
export const LOCAL_AWS_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Starts s3rver with `bucket`; `folder` null means a temporary folder deleted on stop. */
export async function startS3Server(folder: string | null, port: number, bucket: string): Promise<RunningServer> {
  const directory = folder ?? (await mkdtemp(join(tmpdir(), 'not-today-s3-')));
  const server = new S3rver({
    address: LOCAL_HOST,
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  let address: { port: number };
  try {
    address = await server.run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(S3_PORT_SETTING.service, port, S3_PORT_SETTING.flag, S3_PORT_SETTING.envVar, { cause: error });
    }
    throw error;
  }
  return {
    port: address.port,
    stop: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
      if (!folder) await rm(directory, { recursive: true, force: true });
    },
  };
}
