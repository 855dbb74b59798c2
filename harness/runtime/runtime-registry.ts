// runtimeRegistry: runtime kinds by name (docker, process, external); --runtime picks one, unknown kinds list the known.
import type Docker from 'dockerode';
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import { DockerRuntime } from './docker.ts';
import { ExternalRuntime } from './external.ts';
import { ProcessRuntime } from './process.ts';
import type { RuntimeAdapter } from './runtime-adapter.ts';
import { minerNetworkMode } from './runtime-options.ts';

export interface RuntimeContext {
  runId: string;
  profile: SubnetProfile;
  pluginDir: string;
  minerHotkey: string;
  gpuDeviceIds: string[];
  cpusetCpus?: string;
  baseImage?: string;
  readyProbe: (endpoint: MinerEndpoint) => Promise<boolean>;
  now: () => number;
  env: NodeJS.ProcessEnv;
  onBuildLog?: (text: string) => void;
  /** --miner-egress (runtime-options.ts): the miner's container may reach the outside network. */
  minerEgress?: boolean;
  /** Set for kinds that need an engine (needsDocker). */
  docker?: Docker;
  /** For the external kind. */
  endpoint?: MinerEndpoint;
}

interface RuntimeKind {
  needsDocker: boolean;
  create: (ctx: RuntimeContext) => RuntimeAdapter;
}

const kinds = new Map<string, RuntimeKind>();

export function registerRuntime(name: string, kind: RuntimeKind): void {
  kinds.set(name, kind);
}

export function knownRuntimes(): string[] {
  return [...kinds.keys()].sort();
}

export function runtimeKind(name: string): RuntimeKind {
  const k = kinds.get(name);
  if (!k)
    throw new MinerbenchError('USAGE', `unknown runtime '${name}'`, {
      hint: `use one of: ${knownRuntimes().join(', ')}`,
    });
  return k;
}

registerRuntime('docker', {
  needsDocker: true,
  create: (c) =>
    new DockerRuntime({
      docker: c.docker!,
      runId: c.runId,
      profile: c.profile,
      pluginDir: c.pluginDir,
      minerHotkey: c.minerHotkey,
      gpuUuids: c.gpuDeviceIds,
      readyProbe: c.readyProbe,
      now: c.now,
      network: minerNetworkMode(c.profile.miner.network, c.minerEgress ?? false),
      ...(c.baseImage ? { baseImage: c.baseImage } : {}),
      ...(c.cpusetCpus ? { cpusetCpus: c.cpusetCpus } : {}),
      ...(c.onBuildLog ? { onBuildLog: c.onBuildLog } : {}),
    }),
});

registerRuntime('process', {
  needsDocker: false,
  create: (c) =>
    new ProcessRuntime({
      runId: c.runId,
      profile: c.profile,
      pluginDir: c.pluginDir,
      minerHotkey: c.minerHotkey,
      gpuUuids: c.gpuDeviceIds,
      readyProbe: c.readyProbe,
      now: c.now,
      env: c.env,
    }),
});

registerRuntime('external', {
  needsDocker: false,
  create: (c) =>
    new ExternalRuntime({
      endpoint: c.endpoint!,
      readyProbe: c.readyProbe,
      readyTimeoutS: c.profile.miner.ready.timeoutS ?? 60,
    }),
});
