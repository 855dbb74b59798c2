// RuntimeAdapter: where a miner runs (docker, process, external); the run drives every kind the same way.
import type { MinerEndpoint } from '../transport/transport.ts';

export interface RuntimeInfo {
  kind: string;
  image?: { id: string; tag: string; digest?: string; baseImage?: string; buildSeconds?: number };
  container?: { id: string; name: string };
  limits?: { memoryMb?: number; pidsLimit?: number; cpus?: number };
  gpus?: string[];
  process?: { pid: number; command: string; cwd: string };
  external?: { host: string; port: number };
  /** Who the miner runs as; `root` true is a warning in the output and the result (runtimeWarnings). */
  user?: { id: string; root: boolean; from: string };
  /** The miner's network: isolated (no route out) unless the profile or --miner-egress asked for egress. */
  network?: { mode: 'isolated' | 'egress'; name: string; from: string };
  /** Bytes of the miner's output left out of the kept miner.log (its start and end are kept). */
  logCutBytes?: number;
}

/** How a miner ended, watched during the run: a crash mid-run is a value, not an exception. */
export interface MinerExit {
  exitCode: number;
  atMs: number;
  oomKilled?: boolean;
}

export interface RuntimeAdapter {
  readonly kind: string;
  /** Builds / starts the miner; returns where it listens. */
  start(signal: AbortSignal): Promise<MinerEndpoint>;
  /** Resolves when the miner answers its ready check; throws MINER_NOT_READY with its last log lines. */
  waitReady(endpoint: MinerEndpoint, signal: AbortSignal): Promise<void>;
  /** Resolves if the miner exits before stop() (crash); never rejects. */
  exited(): Promise<MinerExit>;
  describe(): RuntimeInfo;
  /** The miner's output so far. */
  logs(): Promise<string>;
  /** Stops and removes everything it started; safe to call twice and after a failed start. */
  stop(): Promise<void>;
}
