// validityVerdict: VALID or INVALID with every reason, MLPerf style (minimums, error rate, send lag, loop, restarts). Pure.
import type { CachingVerdict, Validity } from '../model/result/validity-section.ts';

export type { Validity };

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

/** What a query/response workload measured that validity judges. */
export interface ReplayValidityFacts {
  measured: number;
  errorRate: number;
  windowSeconds: number;
  /** Open loops only (a closed loop keeps no schedule). */
  sendLagP99Ms: number | null;
  eventLoop?: { p99Ms: number; maxMs: number } | null;
  caching?: CachingVerdict;
  /** Sweep runs: the knee (null: no step passed). */
  sweepKnee?: number | null;
}

export interface ValidityFacts {
  /** Set when the run did not complete (miner crashed, interrupted). */
  failure?: string;
  /** Set when the miner restarted or exited during the measurement. */
  minerRestarted?: string;
  replay?: ReplayValidityFacts;
  /** Reasons the workload found (a stalled miner, a broken scorer) and the run noted (another run on the machine). */
  other?: readonly string[];
}

export function validityVerdict(f: ValidityFacts, rules: ValidityRules = DEFAULT_VALIDITY): Validity {
  const reasons: string[] = [];
  if (f.failure) reasons.push(`the run did not complete: ${f.failure}`);
  const r = f.replay;
  if (r) {
    if (r.measured < rules.minQueries)
      reasons.push(`too few measured queries: ${r.measured} < ${rules.minQueries} (raise --queries or --duration)`);
    if (r.errorRate > rules.maxErrorRate)
      reasons.push(`error rate ${(r.errorRate * 100).toFixed(2)}% is above ${(rules.maxErrorRate * 100).toFixed(2)}%`);
    if (r.windowSeconds < rules.minDurationS)
      reasons.push(
        `measured for ${r.windowSeconds} s, under the ${rules.minDurationS} s minimum (raise --duration or --queries, or lower --min-duration)`,
      );
    if (r.sendLagP99Ms !== null && r.sendLagP99Ms > rules.maxSendLagP99Ms) {
      reasons.push(
        `send lag p99 ${r.sendLagP99Ms} ms is above ${rules.maxSendLagP99Ms} ms: the harness could not keep the schedule (lower --rate, or raise --max-in-flight)`,
      );
    }
    if (r.eventLoop && r.eventLoop.p99Ms > rules.maxEventLoopP99Ms) {
      reasons.push(
        `the harness event loop was blocked: delay p99 ${r.eventLoop.p99Ms} ms (max ${r.eventLoop.maxMs} ms) is above ${rules.maxEventLoopP99Ms} ms`,
      );
    }
    if (r.caching?.suspicious) {
      reasons.push(
        `caching suspected: repeated queries answered ${r.caching.speedup}x faster than fresh ones (p50 ${r.caching.repeatedP50Ms} ms vs ${r.caching.freshP50Ms} ms; limit ${r.caching.threshold}x)`,
      );
    }
    if (r.sweepKnee === null)
      reasons.push(
        'sweep: no step kept p99 under the validator timeout at >= 99% success (start lower with --sweep-start)',
      );
  }
  if (f.minerRestarted) reasons.push(`the miner restarted during the measurement: ${f.minerRestarted}`);
  for (const x of f.other ?? []) reasons.push(x);
  return { verdict: reasons.length ? 'INVALID' : 'VALID', reasons };
}
