// DockerRuntime: builds the miner image, runs it locked down on loopback, watches it, and always removes it.
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import type { MinerProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import { chooseBaseImage } from './base-image.ts';
import { containerSpec } from './container-spec.ts';
import { buildMinerImage } from './docker-image.ts';
import { readContainerLogs } from './docker-logs.ts';
import type { MinerExit, RuntimeAdapter, RuntimeInfo } from './runtime-adapter.ts';
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
  /** One ready-check attempt against the endpoint (the transport's ping). */
  readyProbe: (endpoint: MinerEndpoint) => Promise<boolean>;
  now: () => number;
  /** Build output as it arrives (kept in the run folder even when the build fails). */
  onBuildLog?: (text: string) => void;
}

export class DockerRuntime implements RuntimeAdapter {
  readonly kind = 'docker';
  private container: Docker.Container | undefined;
  private info: RuntimeInfo = { kind: 'docker' };
  private stopping = false;
  private exitPromise: Promise<MinerExit> | undefined;
  private cachedLogs = '';

  constructor(private readonly o: DockerRuntimeOptions) {}

  async start(signal: AbortSignal): Promise<MinerEndpoint> {
    const { docker, profile } = this.o;
    let image: string;
    if (profile.miner.build) {
      const base = await chooseBaseImage(docker, this.o.baseImage);
      const built = await buildMinerImage(docker, {
        subnetId: profile.id,
        context: path.resolve(this.o.pluginDir, profile.miner.build),
        buildArgs: base.baseImage ? { BASE_IMAGE: base.baseImage } : {},
        signal,
        ...(this.o.onBuildLog ? { onLog: this.o.onBuildLog } : {}),
      });
      image = built.tag;
      this.info.image = {
        id: built.id,
        tag: built.tag,
        buildSeconds: built.seconds,
        ...(base.baseImage ? { baseImage: base.baseImage } : {}),
      };
    } else {
      image = profile.miner.image!;
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
    }
    if (signal.aborted) throw new MinerbenchError('INTERRUPTED', 'interrupted before the miner started');
    const spec = containerSpec({
      runId: this.o.runId,
      subnetId: profile.id,
      image,
      port: profile.miner.port,
      env: {
        ...(profile.miner.env ?? {}),
        MINER_HOTKEY_SS58: this.o.minerHotkey,
        MINER_PORT: String(profile.miner.port),
      },
      memoryMb: profile.miner.memoryMb ?? 1024,
      pidsLimit: profile.miner.pidsLimit ?? 256,
      ...(profile.miner.cpus ? { cpus: profile.miner.cpus } : {}),
      ...(this.o.cpusetCpus ? { cpusetCpus: this.o.cpusetCpus } : {}),
      gpuUuids: this.o.gpuUuids ?? [],
      ownerPid: process.pid,
      ownerHost: os.hostname(),
    });
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
      const state = await this.container!.inspect().catch(() => undefined);
      return { exitCode: r.StatusCode, atMs: this.o.now(), ...(state?.State.OOMKilled ? { oomKilled: true } : {}) };
    });
    const inspected = await this.container.inspect();
    const binding = inspected.NetworkSettings.Ports[`${profile.miner.port}/tcp`]?.[0];
    if (!binding) throw new MinerbenchError('RUNTIME_FAILED', 'the engine published no host port for the miner');
    return { host: '127.0.0.1', port: Number(binding.HostPort), hotkey: this.o.minerHotkey };
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

  async logs(): Promise<string> {
    if (this.container) this.cachedLogs = await readContainerLogs(this.container).catch(() => this.cachedLogs);
    return this.cachedLogs;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const c = this.container;
    if (!c) return;
    await this.logs();
    try {
      await c.stop({ t: 2 });
    } catch {
      /* already stopped */
    }
    try {
      await c.remove({ force: true, v: true });
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 404) throw e;
    }
    this.container = undefined;
  }
}
