// containerSpec: the dockerode create options for one miner container: labels, its run's network, a non-root user,
// capped logs and locked-down limits. Pure.
import type Docker from 'dockerode';
import { ownerLabels, type Owner } from './owner-labels.ts';

export { HOST_LABEL, OWNER_START_LABEL, PID_LABEL, RUN_LABEL } from './owner-labels.ts';

/** The engine keeps at most 3 files of 20 MB of a miner's output (json-file rotation): a chatty miner cannot fill the disk. */
export const MINER_LOG_CONFIG = { Type: 'json-file', Config: { 'max-size': '20m', 'max-file': '3' } };

/** The uid:gid a miner runs as when its image names no other non-root user. */
export const DEFAULT_MINER_USER = '10001:10001';

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
  /** The run's network (miner-network.ts): the miner's only one. */
  network: string;
  /** uid:gid or name to run as; undefined keeps the image's own (non-root) USER. */
  user: string | undefined;
  /** Owner process, so a later run can tell a live run's container from an orphan. */
  owner: Owner;
}

export function containerSpec(s: ContainerSpecInput): Docker.ContainerCreateOptions {
  const memory = s.memoryMb * 1024 * 1024;
  return {
    name: `minerbench-${s.subnetId}-${s.runId}`,
    Image: s.image,
    Env: Object.entries(s.env).map(([k, v]) => `${k}=${v}`),
    ...(s.user ? { User: s.user } : {}),
    Labels: { ...ownerLabels(s.runId, s.owner), 'minerbench.subnet': s.subnetId },
    ExposedPorts: { [`${s.port}/tcp`]: {} },
    HostConfig: {
      // No published port: the harness connects to the miner's address on the run's network, which has no route out.
      NetworkMode: s.network,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
      Memory: memory,
      MemorySwap: memory,
      PidsLimit: s.pidsLimit,
      LogConfig: MINER_LOG_CONFIG,
      ...(s.cpus ? { NanoCpus: Math.round(s.cpus * 1e9) } : {}),
      ...(s.cpusetCpus ? { CpusetCpus: s.cpusetCpus } : {}),
      ...(s.gpuUuids.length
        ? { DeviceRequests: [{ Driver: 'nvidia', DeviceIDs: s.gpuUuids, Capabilities: [['gpu']] }] }
        : {}),
      Binds: [],
      AutoRemove: false,
      RestartPolicy: { Name: 'no' },
    },
    NetworkingConfig: { EndpointsConfig: { [s.network]: { Aliases: ['miner'] } } },
  };
}

/** Whether an image USER (or profile user) means uid 0: empty, root, 0, root:x, 0:x. */
export function isRootUser(user: string | undefined): boolean {
  const u = (user ?? '').trim();
  const name = u.split(':')[0];
  return u === '' || name === 'root' || name === '0';
}

export interface MinerUser {
  /** Value for the container's User; undefined keeps the image's own. */
  value: string | undefined;
  id: string;
  root: boolean;
  from: string;
}

/** Who the miner runs as: the profile's miner.user if set, else the image's USER if not root, else 10001:10001. */
export function minerUser(profileUser: string | undefined, imageUser: string | undefined): MinerUser {
  if (profileUser) {
    const root = isRootUser(profileUser);
    return { value: profileUser, id: profileUser, root, from: `the profile's miner.user: ${profileUser}` };
  }
  if (!isRootUser(imageUser)) return { value: undefined, id: imageUser!, root: false, from: 'the image USER' };
  return {
    value: DEFAULT_MINER_USER,
    id: DEFAULT_MINER_USER,
    root: false,
    from: imageUser
      ? `minerbench's default (the image USER is ${imageUser})`
      : "minerbench's default (the image sets no USER)",
  };
}
