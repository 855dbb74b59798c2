// machineIdentity: which machine a result was measured on: a fingerprint of the host and its GPU UUIDs, and a name.
import { createHash } from 'node:crypto';
import type { Environment } from '../model/result/environment-section.ts';

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
  // A configured name (MINERBENCH_MACHINE_NAME, set by the fleet) is part of the identity; without one, host and GPUs are.
  const named = env.host.name;
  const id = createHash('sha256')
    .update(JSON.stringify(named ? [env.host.hostname, gpuUuids, named] : [env.host.hostname, gpuUuids]))
    .digest('hex')
    .slice(0, 16);
  const counts = new Map<string, number>();
  for (const d of devices) counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
  const gpuSummary = [...counts].map(([n, c]) => `${c}x ${n}`).join(', ');
  const label = named ?? env.host.hostname;
  return {
    id,
    name: gpuSummary ? `${label} (${gpuSummary})` : label,
    hostname: env.host.hostname,
    gpuUuids,
    gpuSummary,
  };
}
