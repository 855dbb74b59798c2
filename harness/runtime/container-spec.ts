// containerSpec: the dockerode create options for one miner container: labels, loopback port, locked-down limits. Pure.
import type Docker from 'dockerode';

export const RUN_LABEL = 'minerbench.run';
export const PID_LABEL = 'minerbench.pid';
export const HOST_LABEL = 'minerbench.host';

export interface ContainerSpecInput {
  runId: string;
  subnetId: string;
  image: string;
  /** Port the miner listens on inside the container. */
  port: number;
  env: Record<string, string>;
  memoryMb: number;
  pidsLimit: number;
  cpus?: number;
  /** CPU cores the miner may use (harness cores kept away), e.g. '2-7'. */
  cpusetCpus?: string;
  /** NVIDIA device UUIDs; none means no GPU is passed in. */
  gpuUuids: string[];
  /** Owner process, so a later run can tell a live run's container from an orphan. */
  ownerPid: number;
  ownerHost: string;
}

export function containerSpec(s: ContainerSpecInput): Docker.ContainerCreateOptions {
  const portKey = `${s.port}/tcp`;
  const memory = s.memoryMb * 1024 * 1024;
  return {
    name: `minerbench-${s.subnetId}-${s.runId}`,
    Image: s.image,
    Env: Object.entries(s.env).map(([k, v]) => `${k}=${v}`),
    Labels: {
      [RUN_LABEL]: s.runId,
      [PID_LABEL]: String(s.ownerPid),
      [HOST_LABEL]: s.ownerHost,
      'minerbench.subnet': s.subnetId,
    },
    ExposedPorts: { [portKey]: {} },
    HostConfig: {
      // Loopback only; HostPort '' lets the engine pick a free port atomically.
      PortBindings: { [portKey]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
      Memory: memory,
      MemorySwap: memory,
      PidsLimit: s.pidsLimit,
      ...(s.cpus ? { NanoCpus: Math.round(s.cpus * 1e9) } : {}),
      ...(s.cpusetCpus ? { CpusetCpus: s.cpusetCpus } : {}),
      ...(s.gpuUuids.length
        ? { DeviceRequests: [{ Driver: 'nvidia', DeviceIDs: s.gpuUuids, Capabilities: [['gpu']] }] }
        : {}),
      Binds: [],
      AutoRemove: false,
      RestartPolicy: { Name: 'no' },
    },
  };
}
