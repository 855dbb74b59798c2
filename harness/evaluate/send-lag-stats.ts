// sendLagStats: how late queries actually went out against their intended start (p50/p99/max), drops apart. Pure.
import type { RequestRecord } from '../model/request-record.ts';

export interface SendLag {
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Queries that went out more than lateMs after their intended start. */
  late: number;
  lateMs: number;
}

function pick(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function sendLagStats(records: readonly RequestRecord[], lateMs = 10): SendLag {
  const lags = records
    .filter((r) => r.status !== 'dropped')
    .map((r) => Math.max(0, r.sentMs - r.intendedMs))
    .sort((a, b) => a - b);
  const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return {
    p50Ms: r3(pick(lags, 0.5)),
    p99Ms: r3(pick(lags, 0.99)),
    maxMs: r3(lags.length ? lags[lags.length - 1]! : null),
    late: lags.filter((l) => l > lateMs).length,
    lateMs,
  };
}
