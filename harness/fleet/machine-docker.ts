// connectMachine: a probed dockerode client for a fleet machine's engine (unix, TLS over TCP, or SSH with a key file).
import { readFileSync } from 'node:fs';
import { connectDocker, type DockerProbe } from '../runtime/docker-client.ts';
import { dockerOptionsFor } from '../runtime/docker-endpoint.ts';
import type { FleetMachine } from './fleet-machine.ts';

/** Keys are read here, at connect time, into memory only. */
export function machineDockerOptions(m: FleetMachine): ReturnType<typeof dockerOptionsFor> {
  const o = dockerOptionsFor(m.endpoint, m.kind === 'tcp-tls' ? m.tls : undefined);
  if (m.kind === 'ssh' && m.sshKey)
    o.options = { ...o.options, sshOptions: { privateKey: readFileSync(m.sshKey) } } as typeof o.options;
  return o;
}

export function connectMachine(m: FleetMachine, timeoutMs = 10_000): Promise<DockerProbe> {
  return connectDocker(machineDockerOptions(m), timeoutMs);
}
