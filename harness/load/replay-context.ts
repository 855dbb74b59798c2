// ReplayContext: everything an arrival model needs to drive one replay, and the resolved arrival options.
import type { CapturedQuery } from '../model/captured-query.ts';
import type { LoadClock } from './load-clock.ts';
import type { RequestRecord } from '../model/request-record.ts';
import type { SweepSettings } from './sweep-plan.ts';
import type { MinerEndpoint, Transport } from '../transport/transport.ts';

export interface ArrivalOptions {
  kind: string;
  /** Closed loop: workers. */
  concurrency: number;
  /** Open loop (constant, poisson): queries per second. */
  ratePerS: number | null;
  /** Trace: 2 replays twice as fast. */
  timeScale: number;
  /** Poisson: schedule seed. */
  seed: number;
  /** Open loop: most queries in flight; a start beyond it is dropped or late. */
  maxInFlight: number;
  whenFull: 'drop' | 'queue';
  sweep: SweepSettings;
}

export interface ReplayContext {
  queries: readonly CapturedQuery[];
  arrival: ArrivalOptions;
  /** Measured queries (after the warm-up); undefined with durationS. */
  count?: number;
  durationS?: number;
  warmup: number;
  transport: Transport;
  endpoint: MinerEndpoint;
  /** Fallback per-query timeout (the profile's validator timeout), seconds. */
  timeoutS: number;
  clock: LoadClock;
  signal: AbortSignal;
  onRecord?: (r: RequestRecord, response: Record<string, unknown> | null) => void;
}
