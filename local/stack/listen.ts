/**
 * Binding servers to 127.0.0.1, with a clear error when a port is taken.
 */
import type { Server } from 'node:net';
import { PortInUseError } from './local-stack-errors.js';

/** The only interface any local server binds to. */
export const LOCAL_HOST = '127.0.0.1';

/** How the owner moves a port: its flag and its environment variable. */
export interface PortSetting {
  service: string;
  flag: string;
  envVar: string;
}

/** Listens on LOCAL_HOST:port (0 = a free port); resolves with the bound port. */
export function listenOn(server: Server, port: number, setting: PortSetting): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(new PortInUseError(setting.service, port, setting.flag, setting.envVar, { cause: error }));
      } else {
        reject(error);
      }
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, LOCAL_HOST);
  });
}

/** Closes a server, ending idle keep-alive connections so the close does not hang. */
export function closeServer(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
