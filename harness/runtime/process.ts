// ProcessRuntime: runs a miner as a local process (execa) on hosts without Docker, with the same lifecycle guarantees.
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import type { MinerProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import { BoundedLog } from './bounded-log.ts';
import { freePort } from './free-port.ts';
import { processMinerEnv } from './miner-env.ts';
import { RUN_ID_ENV, writePidfile } from './process-pidfiles.ts';
import type { MinerExit, RuntimeAdapter, RuntimeInfo } from './runtime-adapter.ts';
import { waitMinerReady } from './wait-ready.ts';

export interface ProcessRuntimeOptions {
  runId: string;
  profile: MinerProfile;
  pluginDir: string;
  minerHotkey: string;
  /** GPU or MIG UUIDs; passed as CUDA_VISIBLE_DEVICES. */
  gpuUuids?: string[];
  readyProbe: (endpoint: MinerEndpoint) => Promise<boolean>;
  now: () => number;
  /** minerbench's environment: only allow-listed variables reach the miner (miner-env.ts). */
  env: NodeJS.ProcessEnv;
  /** Variables the run's services give the miner (sink credentials, a world URL), after the profile's miner.env. */
  extraEnv?: Record<string, string>;
  /** Where pidfiles go (tests); default the per-user state folder. */
  stateDir?: string;
}

export class ProcessRuntime implements RuntimeAdapter {
  readonly kind = 'process';
  private child: ResultPromise | undefined;
  private log = new BoundedLog();
  private stopping = false;
  private exitPromise: Promise<MinerExit> | undefined;
  private pidfile: string | undefined;
  private info: RuntimeInfo = { kind: 'process' };

  constructor(private readonly o: ProcessRuntimeOptions) {}

  async start(): Promise<MinerEndpoint> {
    const spec = this.o.profile.miner.process;
    if (!spec) {
      throw new MinerbenchError(
        'CONFIG_INVALID',
        `the ${this.o.profile.id} profile has no miner.process command, so it cannot run without Docker`,
        {
          hint: "add miner.process: { command: [...], cwd: './miner' } to its profile, or use --runtime docker",
        },
      );
    }
    const cwd = path.resolve(this.o.pluginDir, spec.cwd ?? '.');
    if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
      throw new MinerbenchError(
        'CONFIG_INVALID',
        `the ${this.o.profile.id} profile's miner.process.cwd '${spec.cwd ?? '.'}' (${cwd}) is not a folder`,
        { hint: "miner.process.cwd is relative to the profile's folder; point it at the miner's code" },
      );
    }
    const port = await freePort();
    const [cmd, ...args] = spec.command as [string, ...string[]];
    const child = execa(cmd, args, {
      cwd,
      env: processMinerEnv(this.o.env, this.o.profile.miner.env, {
        ...(this.o.extraEnv ?? {}),
        MINER_HOTKEY_SS58: this.o.minerHotkey,
        MINER_PORT: String(port),
        MINER_HOST: '127.0.0.1',
        [RUN_ID_ENV]: this.o.runId,
        ...(this.o.gpuUuids?.length ? { CUDA_VISIBLE_DEVICES: this.o.gpuUuids.join(',') } : {}),
      }),
      extendEnv: false, // execa would otherwise add minerbench's whole environment (tokens, keys) to it
      all: true,
      buffer: false,
      reject: false,
      detached: true, // its own process group, so stop() reaches the miner's children too
      cleanup: true,
      stdin: 'ignore',
    });
    this.child = child;
    child.all?.on('data', (d: Buffer) => this.log.append(d));
    this.exitPromise = child.then((r) => ({ exitCode: r.exitCode ?? (r.signal ? 128 : -1), atMs: this.o.now() }));
    child.catch(() => undefined);
    if (child.pid === undefined) {
      const r = await child;
      throw new MinerbenchError(
        'RUNTIME_FAILED',
        `could not start the miner process ${cmd}: ${r.message ?? 'spawn failed'}`,
        {
          hint: `check that ${cmd} is installed and on PATH`,
        },
      );
    }
    try {
      this.pidfile = writePidfile(this.o.runId, child.pid, [cmd, ...args], this.o.stateDir);
    } catch (e) {
      await this.stop();
      throw e;
    }
    this.info = {
      kind: 'process',
      process: { pid: child.pid, command: [cmd, ...args].join(' '), cwd },
      gpus: this.o.gpuUuids ?? [],
      user: processUser(),
    };
    return { host: '127.0.0.1', port, hotkey: this.o.minerHotkey };
  }

  async waitReady(endpoint: MinerEndpoint, signal: AbortSignal): Promise<void> {
    const timeoutS = this.o.profile.miner.ready.timeoutS ?? 60;
    const died = this.exited().then((e) => `the miner process exited with code ${e.exitCode} before it was ready`);
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
    return this.log.text();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const c = this.child;
    if (!c || c.pid === undefined) return;
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-c.pid!, sig);
      } catch {
        /* already gone */
      }
    };
    kill('SIGTERM');
    const done = await Promise.race([
      c.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
    ]);
    if (!done) {
      kill('SIGKILL');
      await c;
    }
    if (this.pidfile) rmSync(this.pidfile, { force: true });
    if (this.log.cutBytes) this.info.logCutBytes = this.log.cutBytes;
    this.child = undefined;
  }
}

/** A process miner runs as whoever runs minerbench (no Docker to give it another uid): said so, root included. */
function processUser(): NonNullable<RuntimeInfo['user']> {
  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  const name = os.userInfo().username;
  return {
    id: `${uid}:${gid}`,
    root: uid === 0,
    from: `the user running minerbench (${name}); --runtime process cannot change it`,
  };
}
