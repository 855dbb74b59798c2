// summarizeRun: load, latency, quality and validity of a run from its records and scores. Pure.
import type { RequestRecord } from '../model/request-record.ts';
import type { LoadSummary, QualitySummary, RunResult, Validity } from '../results/run-result.ts';
import { latencyHistogram, latencyStats } from './latency-stats.ts';
import { quantileConfidence } from './confidence-quantile.ts';
import { throughputConfidence } from './confidence-throughput.ts';
import { DEFAULT_VALIDITY, validityVerdict, type ValidityRules } from './validity.ts';
import type { CachingVerdict } from './validity-caching.ts';
import type { ArrivalInfo, EventLoopDelay, SweepOutcome } from '../model/replay-output.ts';
import { sendLagStats } from './send-lag-stats.ts';
import { streamStats } from './stream-stats.ts';

export { DEFAULT_VALIDITY, type ValidityRules };

export interface SummarizeInput {
  records: readonly RequestRecord[];
  /** Scores aligned with records (warm-up records' scores are ignored). */
  scores: readonly number[];
  concurrency: number;
  measureStartMs: number;
  endedMs: number;
  /** Set when the run did not complete (miner crashed, interrupted). */
  failure?: string;
  rules?: Partial<ValidityRules>;
  arrival?: ArrivalInfo;
  eventLoop?: EventLoopDelay;
  sweep?: SweepOutcome;
  caching?: CachingVerdict;
  /** Set when the miner restarted or exited during the measurement. */
  minerRestarted?: string;
}

export type RunSummary = Pick<
  RunResult,
  'load' | 'latency' | 'firstByte' | 'quality' | 'validity' | 'latencyFromIntended' | 'confidence' | 'streaming'
> & { caching?: CachingVerdict };

export function summarizeRun(input: SummarizeInput): RunSummary {
  const rules: ValidityRules = { ...DEFAULT_VALIDITY, ...input.rules };
  const measured = input.records.map((r, k) => ({ r, s: input.scores[k] ?? 0 })).filter(({ r }) => !r.warmup);
  const count = (st: RequestRecord['status']) => measured.filter(({ r }) => r.status === st).length;
  const ok = measured.filter(({ r }) => r.status === 'ok');
  const windowSeconds = Math.max(0, (input.endedMs - input.measureStartMs) / 1000);
  const errors = new Map<string, number>();
  for (const { r } of measured) if (r.error) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
  const sendLag = sendLagStats(measured.map(({ r }) => r));
  const load: LoadSummary = {
    model: input.arrival?.kind ?? 'closed',
    concurrency: input.concurrency,
    sent: input.records.length,
    warmup: input.records.length - measured.length,
    measured: measured.length,
    ok: ok.length,
    error: count('error'),
    timeout: count('timeout'),
    dropped: count('dropped'),
    windowSeconds: round(windowSeconds, 3),
    achievedQps: windowSeconds > 0 ? round(measured.length / windowSeconds, 3) : 0,
    okQps: windowSeconds > 0 ? round(ok.length / windowSeconds, 3) : 0,
    errorRate: measured.length ? round((measured.length - ok.length) / measured.length, 6) : 0,
    topErrors: [...errors.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([error, n]) => ({ error, count: n })),
    ...(input.arrival ? { arrival: input.arrival } : {}),
    ...(input.arrival?.open && windowSeconds > 0 ? { offeredQps: round(measured.length / windowSeconds, 3) } : {}),
    sendLag,
    ...(input.eventLoop ? { eventLoop: input.eventLoop } : {}),
    ...(input.sweep ? { sweep: input.sweep } : {}),
  };
  const lat = ok.map(({ r }) => r.endMs - r.sentMs);
  const fb = ok.filter(({ r }) => r.firstByteMs !== undefined).map(({ r }) => r.firstByteMs! - r.sentMs);
  const scores = measured.map(({ s }) => s);
  const quality: QualitySummary = {
    mean: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 6) : null,
    scored: scores.length,
    perfect: scores.filter((s) => s === 1).length,
    zero: scores.filter((s) => s === 0).length,
  };
  const validity: Validity = validityVerdict(
    {
      measured: measured.length,
      errorRate: load.errorRate,
      windowSeconds: load.windowSeconds,
      sendLagP99Ms: input.arrival?.open ? sendLag.p99Ms : null, // a closed loop keeps no schedule
      ...(input.eventLoop ? { eventLoop: input.eventLoop } : {}),
      ...(input.failure ? { failure: input.failure } : {}),
      ...(input.minerRestarted ? { minerRestarted: input.minerRestarted } : {}),
      ...(input.caching ? { caching: input.caching } : {}),
      ...(input.sweep ? { sweepKnee: input.sweep.kneeRatePerS } : {}),
    },
    rules,
  );
  const fromIntended = ok.map(({ r }) => r.endMs - r.intendedMs);
  const extras = {
    latencyFromIntended: latencyStats(fromIntended),
    confidence: {
      p99FromIntended: quantileConfidence(fromIntended, 0.99, 0.95),
      throughput: throughputConfidence(
        ok.map(({ r }) => r.endMs),
        input.measureStartMs,
        input.endedMs,
      ),
    },
    streaming: streamStats(measured.map(({ r }) => r)),
    ...(input.caching ? { caching: input.caching } : {}),
  };
  return {
    load,
    latency: { ...latencyStats(lat), histogram: latencyHistogram(lat) },
    firstByte: latencyStats(fb),
    quality,
    validity,
    ...extras,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
