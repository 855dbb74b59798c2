// machineIdentity: which machine a result was measured on: a fingerprint of the host and its GPU UUIDs, and a name.
import { createHash } from 'node:crypto';
import type { Environment } from './run-result.ts';

export interface MachineIdentity {
  /** 16 hex digits of sha256(hostname, sorted GPU UUIDs): stable across runs, different for every GPU set. */
  id: string;
  /** For people: the hostname, and the GPUs when there are any ("gpu-07 (2x NVIDIA H100)"). */
  name: string;
  hostname: string;
  gpuUuids: string[];
  gpuSummary: string;
}

export function machineIdentity(env: Environment): MachineIdentity {
  const devices = env.gpus.available ? env.gpus.devices : [];
  const gpuUuids = devices.map((d) => d.uuid).sort();
  const id = createHash('sha256').update(JSON.stringify([env.host.hostname, gpuUuids])).digest('hex').slice(0, 16);
  const counts = new Map<string, number>();
  for (const d of devices) counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
  const gpuSummary = [...counts].map(([n, c]) => `${c}x ${n}`).join(', ');
  return { id, name: gpuSummary ? `${env.host.hostname} (${gpuSummary})` : env.host.hostname, hostname: env.host.hostname, gpuUuids, gpuSummary };
}
