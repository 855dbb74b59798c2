// ReplayOutput: what one replay (any arrival model) hands to evaluation: records, responses and how they were driven.
import type { CachingVerdict } from '../evaluate/validity-caching.ts';
import type { RequestRecord } from './request-record.ts';

export interface ArrivalInfo {
  kind: string;
  open: boolean;
  concurrency?: number;
  ratePerS?: number;
  timeScale?: number;
  seed?: number;
  maxInFlight?: number;
  whenFull?: 'drop' | 'queue';
}

export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface SweepStepResult {
  step: number;
  ratePerS: number;
  sent: number;
  ok: number;
  successRate: number;
  achievedQps: number;
  /** Latency from the intended start, ms (null when nothing succeeded). */
  p50Ms: number | null;
  p99Ms: number | null;
  sendLagP99Ms: number | null;
  pass: boolean;
  reason?: string;
}

export interface SweepOutcome {
  steps: SweepStepResult[];
  /** The highest rate that passed (null: no feasible step). */
  kneeRatePerS: number | null;
  timeoutMs: number;
  minSuccess: number;
}

export interface ReplayOutput {
  records: RequestRecord[];
  responses: Array<Record<string, unknown> | null>;
  startedMs: number;
  /** When the first measured (non-warm-up) query was due. */
  measureStartMs: number;
  endedMs: number;
  stoppedEarly: string | undefined;
  arrival?: ArrivalInfo;
  eventLoop?: EventLoopDelay;
  sweep?: SweepOutcome;
  /** The caching probe's verdict, when it ran after the replay. */
  caching?: CachingVerdict;
}
