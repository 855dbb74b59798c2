// RuntimeAdapter: where a miner runs (docker, process, external); the run drives every kind the same way.
import type { RuntimeInfo } from '../model/result/environment-section.ts';
import type { MinerEndpoint } from '../transport/transport.ts';

export type { RuntimeInfo };

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
