// ReplayContext: everything an arrival model needs to drive one replay (its own options come separately, typed by it).
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestRecord } from '../model/request-record.ts';
import type { MinerEndpoint, Transport } from '../transport/transport.ts';
import type { LoadClock } from './load-clock.ts';

/** Called once per query as it completes (in completion order); the record and the parsed response (null on failure). */
export type RecordSink = (r: RequestRecord, response: Record<string, unknown> | null) => void;

export interface ReplayContext {
  queries: readonly CapturedQuery[];
  /** Measured queries (after the warm-up); undefined with durationS. */
  count?: number;
  durationS?: number;
  warmup: number;
  transport: Transport;
  endpoint: MinerEndpoint;
  /** The per-query timeout: the profile's validator timeout, or --timeout when `timeoutWins`, seconds. */
  timeoutS: number;
  /** --timeout was given: it wins over a query's own `timeout` field. */
  timeoutWins: boolean;
  clock: LoadClock;
  /** Aborted to stop the replay (interrupt, miner crash). */
  signal: AbortSignal;
  /** Aborted only when the user stopped the run: queries failing then are 'interrupted', not the miner's errors. */
  interrupt?: AbortSignal;
  onRecord: RecordSink;
}

/** The timeout one query runs under (seconds). */
export function queryTimeoutS(ctx: { timeoutS: number; timeoutWins?: boolean | undefined }, q: CapturedQuery): number {
  return ctx.timeoutWins ? ctx.timeoutS : (q.timeout ?? ctx.timeoutS);
}
