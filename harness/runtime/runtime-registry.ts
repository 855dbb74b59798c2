// runtimeRegistry: runtime kinds by name (docker, process, external); --runtime picks one, unknown kinds list the known.
import type Docker from 'dockerode';
import { z } from 'zod';
import { defineOption, type OptionSpec } from '../config/option-spec.ts';
import type { MinerProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import { DockerRuntime } from './docker.ts';
import { ExternalRuntime } from './external.ts';
import type { RunNetwork } from './miner-network.ts';
import { ProcessRuntime } from './process.ts';
import type { RuntimeAdapter } from './runtime-adapter.ts';
import { RUNTIME_OPTIONS } from './runtime-options.ts';
import { minerNetworkMode } from './runtime-options.ts';

export interface RuntimeContext {
  runId: string;
  profile: MinerProfile;
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
  /** The run's network when the run made it first (its services listen on the gateway): docker joins it. */
  runNetwork?: RunNetwork;
  /** Variables the run's services give the miner (sink credentials, a world URL); docker and process pass them. */
  minerEnv?: Record<string, string>;
}

interface RuntimeKind {
  needsDocker: boolean;
  /** The options this kind reads, declared here once. */
  options: readonly OptionSpec[];
  /** Problems with the options when this kind is chosen (or when its options are given to another kind). */
  check: (o: RuntimeOptionValues, chosen: boolean) => string[];
  create: (ctx: RuntimeContext) => RuntimeAdapter;
}

export const BASE_IMAGE_OPTION = defineOption({
  key: 'baseImage',
  flag: 'base-image',
  env: 'MINERBENCH_BASE_IMAGE',
  type: 'string',
  schema: z.string().min(1).nullable(),
  default: null,
  describe: "BASE_IMAGE build argument for miner images (an offline machine's imported base image)",
  owner: 'runtime docker',
});

export const ENDPOINT_OPTION = defineOption({
  key: 'endpoint',
  flag: 'endpoint',
  type: 'string',
  schema: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be HOST:PORT')
    .nullable(),
  default: null,
  describe: 'HOST:PORT of an already running miner (--runtime external)',
  owner: 'runtime external',
});

export const MINER_HOTKEY_OPTION = defineOption({
  key: 'minerHotkey',
  flag: 'miner-hotkey',
  type: 'string',
  schema: z.string().min(40, 'must be an SS58 address').max(60, 'must be an SS58 address').nullable(),
  default: null,
  describe: 'SS58 hotkey the external miner verifies signatures with (--runtime external, signing transports)',
  owner: 'runtime external',
});

export interface RuntimeOptionValues {
  baseImage: string | null;
  endpoint: string | null;
  minerHotkey: string | null;
  /** Whether the profile's transport signs requests for a miner hotkey (bittensor synapses, Epistula). */
  signs: boolean;
}

const kinds = new Map<string, RuntimeKind>();

export function registerRuntime(name: string, kind: RuntimeKind): void {
  kinds.set(name, kind);
}

export function knownRuntimes(): string[] {
  return [...kinds.keys()].sort();
}

/** Every runtime kind's options, each once. */
export function runtimeOptionSpecs(): OptionSpec[] {
  return [...new Set([...kinds.values()].flatMap((k) => [...k.options]))];
}

/** Every problem with the runtime options: the chosen kind's, and other kinds' options given where they do not apply. */
export function checkRuntimeOptions(chosen: string, o: RuntimeOptionValues): string[] {
  return [...kinds.entries()].flatMap(([name, k]) => k.check(o, name === chosen));
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
  options: [BASE_IMAGE_OPTION, ...RUNTIME_OPTIONS],
  check: () => [],
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
      ...(c.runNetwork ? { runNetwork: c.runNetwork } : {}),
      ...(c.minerEnv ? { env: c.minerEnv } : {}),
    }),
});

registerRuntime('process', {
  needsDocker: false,
  options: [],
  check: () => [],
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
      ...(c.minerEnv ? { extraEnv: c.minerEnv } : {}),
    }),
});

registerRuntime('external', {
  needsDocker: false,
  options: [ENDPOINT_OPTION, MINER_HOTKEY_OPTION],
  check: (o, chosen) => {
    if (!chosen) {
      const given = [o.endpoint ? '--endpoint' : null, o.minerHotkey ? '--miner-hotkey' : null].filter(Boolean);
      return given.length ? [`${given.join(' and ')} only apply to --runtime external`] : [];
    }
    const p: string[] = [];
    if (!o.endpoint) p.push('--runtime external needs --endpoint HOST:PORT (the running miner)');
    if (o.signs && !o.minerHotkey)
      p.push(
        '--runtime external needs --miner-hotkey SS58: this subnet signs each request for the hotkey the miner verifies',
      );
    return p;
  },
  create: (c) =>
    new ExternalRuntime({
      endpoint: c.endpoint!,
      readyProbe: c.readyProbe,
      readyTimeoutS: c.profile.miner.ready.timeoutS ?? 60,
    }),
});
