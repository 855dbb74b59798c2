// summarizeRun: load, latency, quality and validity of a run from its records and scores. Pure.
import type { RequestRecord } from '../load/request-record.ts';
import type { LoadSummary, QualitySummary, RunResult, Validity } from '../results/run-result.ts';
import { latencyHistogram, latencyStats } from './latency-stats.ts';

export interface ValidityRules {
  minQueries: number;
  maxErrorRate: number;
}

export const DEFAULT_VALIDITY: ValidityRules = { minQueries: 100, maxErrorRate: 0.01 };

export interface SummarizeInput {
  records: readonly RequestRecord[];
  /** Scores aligned with records (warm-up records' scores are ignored). */
  scores: readonly number[];
  concurrency: number;
  measureStartMs: number;
  endedMs: number;
  /** Set when the run did not complete (miner crashed, interrupted). */
  failure?: string;
  rules?: ValidityRules;
}

export type RunSummary = Pick<RunResult, 'load' | 'latency' | 'firstByte' | 'quality' | 'validity'>;

export function summarizeRun(input: SummarizeInput): RunSummary {
  const rules = input.rules ?? DEFAULT_VALIDITY;
  const measured = input.records.map((r, k) => ({ r, s: input.scores[k] ?? 0 })).filter(({ r }) => !r.warmup);
  const count = (st: RequestRecord['status']) => measured.filter(({ r }) => r.status === st).length;
  const ok = measured.filter(({ r }) => r.status === 'ok');
  const windowSeconds = Math.max(0, (input.endedMs - input.measureStartMs) / 1000);
  const errors = new Map<string, number>();
  for (const { r } of measured) if (r.error) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
  const load: LoadSummary = {
    model: 'closed',
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
    topErrors: [...errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([error, n]) => ({ error, count: n })),
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
  const reasons: string[] = [];
  if (input.failure) reasons.push(`the run did not complete: ${input.failure}`);
  if (measured.length < rules.minQueries) reasons.push(`too few measured queries: ${measured.length} < ${rules.minQueries} (raise --queries or --duration)`);
  if (load.errorRate > rules.maxErrorRate) reasons.push(`error rate ${(load.errorRate * 100).toFixed(2)}% is above ${(rules.maxErrorRate * 100).toFixed(2)}%`);
  const validity: Validity = { verdict: reasons.length ? 'INVALID' : 'VALID', reasons };
  return { load, latency: { ...latencyStats(lat), histogram: latencyHistogram(lat) }, firstByte: latencyStats(fb), quality, validity };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
