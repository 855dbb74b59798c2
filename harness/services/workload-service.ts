// WorkloadService: a server the run starts beside the miner (clip server, S3 sink), bound where the miner reaches it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MinerbenchError } from '../errors.ts';

/** Where a service listens, and the address the miner is told to use (a bridge gateway IP, or loopback). */
export interface ServiceBinding {
  /** Address to bind: '127.0.0.1' for a miner on the host network or a process, the bridge gateway for containers. */
  host: string;
  /** 0: the kernel picks a free port. */
  port: number;
  /** Host name or IP written into URLs the miner uses (default: `host`). */
  advertiseHost?: string;
}

export interface ServiceAddress {
  host: string;
  port: number;
  /** http://advertiseHost:port */
  url: string;
}

/** Started once, stopped once; stop() closes every connection and returns what the service recorded. */
export interface WorkloadService<R> {
  readonly name: string;
  start(): Promise<ServiceAddress>;
  stop(): Promise<R>;
}

/** Binds the server; a bind failure is WORKLOAD_SERVICE_FAILED naming the service and address. */
export async function listenOn(server: Server, name: string, binding: ServiceBinding): Promise<ServiceAddress> {
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(
        new MinerbenchError('WORKLOAD_SERVICE_FAILED', `the ${name} cannot listen on ${binding.host}:${binding.port}`, {
          hint: 'give an address of this machine the miner can reach (e.g. the Docker bridge gateway) and a free port',
          details: [e.message],
          cause: e,
        }),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(binding.port, binding.host);
  });
  const port = (server.address() as AddressInfo).port;
  const advertise = binding.advertiseHost ?? binding.host;
  const hostText = advertise.includes(':') ? `[${advertise}]` : advertise;
  return { host: binding.host, port, url: `http://${hostText}:${port}` };
}

/** Closes the server and every open connection (keep-alive ones included); resolves when it is closed. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
