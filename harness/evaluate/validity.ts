// validityVerdict: VALID or INVALID with every reason, MLPerf style (minimums, error rate, send lag, loop, restarts). Pure.
import type { CachingVerdict } from './validity-caching.ts';

export interface ValidityRules {
  /** Fewest measured queries (warm-up excluded). */
  minQueries: number;
  /** Shortest measurement window, seconds. */
  minDurationS: number;
  /** Largest share of measured queries that may fail (error, timeout, dropped). */
  maxErrorRate: number;
  /** Largest p99 of actual - intended send time, ms: beyond it the harness, not the miner, set the pace. */
  maxSendLagP99Ms: number;
  /** Largest p99 event-loop delay of the harness during the run, ms. */
  maxEventLoopP99Ms: number;
}

/** MLPerf's library defaults are 100 queries and 10 s (600 s for submissions); the window minimum is off unless set. */
export const DEFAULT_VALIDITY: ValidityRules = {
  minQueries: 100,
  minDurationS: 0,
  maxErrorRate: 0.01,
  maxSendLagP99Ms: 10,
  maxEventLoopP99Ms: 100,
};

export interface ValidityFacts {
  measured: number;
  errorRate: number;
  windowSeconds: number;
  sendLagP99Ms: number | null;
  eventLoop?: { p99Ms: number; maxMs: number };
  /** Set when the run did not complete (miner crashed, interrupted). */
  failure?: string;
  /** Set when the miner restarted or exited during the measurement. */
  minerRestarted?: string;
  caching?: CachingVerdict;
  /** Sweep runs: the knee (null: no step passed). */
  sweepKnee?: number | null;
}

export interface Validity {
  verdict: 'VALID' | 'INVALID';
  reasons: string[];
}

export function validityVerdict(f: ValidityFacts, rules: ValidityRules = DEFAULT_VALIDITY): Validity {
  const reasons: string[] = [];
  if (f.failure) reasons.push(`the run did not complete: ${f.failure}`);
  if (f.measured < rules.minQueries)
    reasons.push(`too few measured queries: ${f.measured} < ${rules.minQueries} (raise --queries or --duration)`);
  if (f.errorRate > rules.maxErrorRate)
    reasons.push(`error rate ${(f.errorRate * 100).toFixed(2)}% is above ${(rules.maxErrorRate * 100).toFixed(2)}%`);
  if (f.windowSeconds < rules.minDurationS)
    reasons.push(
      `measured for ${f.windowSeconds} s, under the ${rules.minDurationS} s minimum (raise --duration or --queries, or lower --min-duration)`,
    );
  if (f.sendLagP99Ms !== null && f.sendLagP99Ms > rules.maxSendLagP99Ms) {
    reasons.push(
      `send lag p99 ${f.sendLagP99Ms} ms is above ${rules.maxSendLagP99Ms} ms: the harness could not keep the schedule (lower --rate, or raise --max-in-flight)`,
    );
  }
  if (f.eventLoop && f.eventLoop.p99Ms > rules.maxEventLoopP99Ms) {
    reasons.push(
      `the harness event loop was blocked: delay p99 ${f.eventLoop.p99Ms} ms (max ${f.eventLoop.maxMs} ms) is above ${rules.maxEventLoopP99Ms} ms`,
    );
  }
  if (f.minerRestarted) reasons.push(`the miner restarted during the measurement: ${f.minerRestarted}`);
  if (f.caching?.suspicious) {
    reasons.push(
      `caching suspected: repeated queries answered ${f.caching.speedup}x faster than fresh ones (p50 ${f.caching.repeatedP50Ms} ms vs ${f.caching.freshP50Ms} ms; limit ${f.caching.threshold}x)`,
    );
  }
  if (f.sweepKnee === null)
    reasons.push(
      'sweep: no step kept p99 under the validator timeout at >= 99% success (start lower with --sweep-start)',
    );
  return { verdict: reasons.length ? 'INVALID' : 'VALID', reasons };
}
