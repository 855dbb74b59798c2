// DockerRuntime: builds the miner image, runs it locked down on its run's own network, watches it, and always removes
// the container, and the network when it made it (a run that starts services first makes the network and hands it in).
import path from 'node:path';
import type Docker from 'dockerode';
import type { MinerProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import { chooseBaseImage } from './base-image.ts';
import { containerSpec, minerUser } from './container-spec.ts';
import { buildMinerImage } from './docker-image.ts';
import { collectContainerLogs, readContainerLogs } from './docker-logs.ts';
import { addressOn, createRunNetwork, removeRunNetwork, type RunNetwork } from './miner-network.ts';
import { thisOwner } from './owner-labels.ts';
import type { MinerExit, RuntimeAdapter, RuntimeInfo } from './runtime-adapter.ts';
import type { MinerNetworkMode } from './runtime-options.ts';
import { waitMinerReady } from './wait-ready.ts';

export interface DockerRuntimeOptions {
  docker: Docker;
  runId: string;
  profile: MinerProfile;
  /** The plugin folder; miner.build is relative to it. */
  pluginDir: string;
  minerHotkey: string;
  baseImage?: string;
  gpuUuids?: string[];
  cpusetCpus?: string;
  /** Egress or not, and why (runtime-options.ts minerNetworkMode); default isolated. */
  network?: MinerNetworkMode;
  /**
   * The run's network, already made by the caller (services listen on its gateway before the miner starts): the miner
   * joins it and stop() leaves it to the caller. Without it the runtime makes its own and removes it.
   */
  runNetwork?: RunNetwork;
  /** Variables the run's services give the miner (sink credentials, a world URL), after the profile's miner.env. */
  env?: Record<string, string>;
  /** One ready-check attempt against the endpoint (the transport's ping). */
  readyProbe: (endpoint: MinerEndpoint) => Promise<boolean>;
  now: () => number;
  /** Build output as it arrives (kept in the run folder even when the build fails). */
  onBuildLog?: (text: string) => void;
}

const gone = (e: unknown) => (e as { statusCode?: number }).statusCode === 404;

export class DockerRuntime implements RuntimeAdapter {
  readonly kind = 'docker';
  private container: Docker.Container | undefined;
  private network: RunNetwork | undefined;
  /** Whether this runtime made the network (and so removes it). */
  private ownsNetwork = false;
  private info: RuntimeInfo = { kind: 'docker' };
  private stopping = false;
  private exitPromise: Promise<MinerExit> | undefined;
  private cachedLogs = '';
  private finalLogs: string | undefined;

  constructor(private readonly o: DockerRuntimeOptions) {}

  async start(signal: AbortSignal): Promise<MinerEndpoint> {
    const { docker, profile } = this.o;
    const image = await this.image(signal);
    const inspectedImage = await docker.getImage(image).inspect();
    if (signal.aborted) throw new MinerbenchError('INTERRUPTED', 'interrupted before the miner started');
    await refuseRootless(docker);
    const mode = this.o.network ?? { egress: false, from: 'the default (no route out)' };
    const owner = thisOwner();
    this.ownsNetwork = !this.o.runNetwork;
    this.network =
      this.o.runNetwork ?? (await createRunNetwork(docker, { runId: this.o.runId, egress: mode.egress, owner }));
    this.info.network = { mode: mode.egress ? 'egress' : 'isolated', name: this.network.name, from: mode.from };
    const user = minerUser(profile.miner.user, inspectedImage.Config?.User);
    this.info.user = { id: user.id, root: user.root, from: user.from };
    const spec = containerSpec({
      runId: this.o.runId,
      subnetId: profile.id,
      image,
      port: profile.miner.port,
      env: {
        ...(profile.miner.env ?? {}),
        ...(this.o.env ?? {}),
        MINER_HOTKEY_SS58: this.o.minerHotkey,
        MINER_PORT: String(profile.miner.port),
      },
      memoryMb: profile.miner.memoryMb ?? 1024,
      pidsLimit: profile.miner.pidsLimit ?? 256,
      ...(profile.miner.cpus ? { cpus: profile.miner.cpus } : {}),
      ...(this.o.cpusetCpus ? { cpusetCpus: this.o.cpusetCpus } : {}),
      gpuUuids: this.o.gpuUuids ?? [],
      network: this.network.name,
      user: user.value,
      owner,
    });
    if (signal.aborted) throw new MinerbenchError('INTERRUPTED', 'interrupted before the miner started');
    this.container = await docker.createContainer(spec);
    this.info.container = { id: this.container.id, name: spec.name! };
    this.info.limits = {
      memoryMb: profile.miner.memoryMb ?? 1024,
      pidsLimit: profile.miner.pidsLimit ?? 256,
      ...(profile.miner.cpus ? { cpus: profile.miner.cpus } : {}),
    };
    this.info.gpus = this.o.gpuUuids ?? [];
    const waiting = this.container.wait({ condition: 'next-exit' }); // attached before start so a fast exit is not missed
    await this.container.start();
    this.exitPromise = waiting.then(async (r: { StatusCode: number }) => {
      const state = await this.container?.inspect().catch(() => undefined);
      return { exitCode: r.StatusCode, atMs: this.o.now(), ...(state?.State.OOMKilled ? { oomKilled: true } : {}) };
    });
    const address = addressOn(this.network, await this.container.inspect());
    if (!address)
      throw new MinerbenchError('RUNTIME_FAILED', `the engine gave the miner no address on ${this.network.name}`);
    return { host: address, port: profile.miner.port, hotkey: this.o.minerHotkey };
  }

  /** Builds miner.build or checks miner.image is on the engine; returns the image reference. */
  private async image(signal: AbortSignal): Promise<string> {
    const { docker, profile } = this.o;
    if (profile.miner.build) {
      const base = await chooseBaseImage(docker, this.o.baseImage, profile.miner.offlineBaseImage);
      const built = await buildMinerImage(docker, {
        subnetId: profile.id,
        context: path.resolve(this.o.pluginDir, profile.miner.build),
        buildArgs: base.baseImage ? { BASE_IMAGE: base.baseImage } : {},
        signal,
        ...(this.o.onBuildLog ? { onLog: this.o.onBuildLog } : {}),
      });
      this.info.image = {
        id: built.id,
        tag: built.tag,
        buildSeconds: built.seconds,
        ...(base.baseImage ? { baseImage: base.baseImage } : {}),
      };
      return built.tag;
    }
    const image = profile.miner.image!;
    try {
      const inspected = await docker.getImage(image).inspect();
      this.info.image = {
        id: inspected.Id,
        tag: image,
        ...(inspected.RepoDigests[0] ? { digest: inspected.RepoDigests[0] } : {}),
      };
    } catch {
      throw new MinerbenchError('IMAGE_BUILD_FAILED', `miner image ${image} is not on this engine`, {
        hint: `docker pull ${image} (or docker load it) first; minerbench never pulls on its own`,
      });
    }
    return image;
  }

  async waitReady(endpoint: MinerEndpoint, signal: AbortSignal): Promise<void> {
    const timeoutS = this.o.profile.miner.ready.timeoutS ?? 60;
    const died = this.exited().then(
      (e) =>
        `the miner exited with code ${e.exitCode}${e.oomKilled ? ' (killed: out of memory)' : ''} before it was ready`,
    );
    const { id, miner } = this.o.profile;
    await waitMinerReady({
      profileId: id,
      readySynapse: miner.ready.synapse,
      timeoutS,
      probe: () => this.o.readyProbe(endpoint),
      died,
      signal,
      logs: () => this.logs(),
    });
  }

  exited(): Promise<MinerExit> {
    if (!this.exitPromise) return new Promise(() => {});
    return this.exitPromise.then((e) => (this.stopping ? new Promise<MinerExit>(() => {}) : e));
  }

  describe(): RuntimeInfo {
    return this.info;
  }

  /** While it runs: its last lines; after stop(): its whole output (bounded: start and end kept, the cut said). */
  async logs(): Promise<string> {
    if (this.finalLogs !== undefined) return this.finalLogs;
    if (this.container) this.cachedLogs = await readContainerLogs(this.container).catch(() => this.cachedLogs);
    return this.cachedLogs;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const c = this.container;
    try {
      if (c) {
        try {
          await c.stop({ t: 2 });
        } catch {
          /* already stopped */
        }
        const log = await collectContainerLogs(c).catch(() => undefined);
        if (log) {
          this.finalLogs = log.text();
          if (log.cutBytes) this.info.logCutBytes = log.cutBytes;
        }
        try {
          await c.remove({ force: true, v: true });
        } catch (e) {
          if (!gone(e)) throw e;
        }
        this.container = undefined;
      }
    } finally {
      if (this.network) {
        if (this.ownsNetwork) await removeRunNetwork(this.o.docker, this.network);
        this.network = undefined;
      }
    }
  }
}

/** Rootless Docker keeps containers in a namespace this host cannot route to, so the miner's address is unreachable. */
async function refuseRootless(docker: Docker): Promise<void> {
  const info = (await docker.info()) as { SecurityOptions?: string[] };
  if ((info.SecurityOptions ?? []).some((o) => o.includes('name=rootless'))) {
    throw new MinerbenchError(
      'RUNTIME_FAILED',
      "rootless Docker: this host cannot reach a container at its address on the miner's network",
      { hint: 'use the system (rootful) Docker engine, or --runtime process' },
    );
  }
}
