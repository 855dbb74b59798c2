// sweepStepResult: one sweep step's rate -> p50/p99 (from the intended start), success, and pass/fail. Pure.
import { latencyStats } from '../evaluate/latency-recorder.ts';
import type { SweepStepResult } from '../model/replay-output.ts';
import type { RequestRecord } from '../model/request-record.ts';

export function sweepStepResult(
  step: number,
  ratePerS: number,
  stepS: number,
  records: readonly RequestRecord[],
  timeoutMs: number,
  minSuccess: number,
): SweepStepResult {
  const measured = records.filter((r) => !r.warmup);
  const ok = measured.filter((r) => r.status === 'ok');
  const lat = latencyStats(ok.map((r) => r.endMs - r.intendedMs));
  const lag = latencyStats(
    measured.filter((r) => r.status !== 'dropped').map((r) => Math.max(0, r.sentMs - r.intendedMs)),
  );
  const successRate = measured.length ? ok.length / measured.length : 0;
  const reasons: string[] = [];
  if (!measured.length) reasons.push('nothing was sent');
  else if (successRate < minSuccess)
    reasons.push(`success ${(successRate * 100).toFixed(2)}% < ${(minSuccess * 100).toFixed(2)}%`);
  if (lat.p99Ms !== null && lat.p99Ms > timeoutMs) reasons.push(`p99 ${lat.p99Ms} ms > timeout ${timeoutMs} ms`);
  return {
    step,
    ratePerS,
    sent: measured.length,
    ok: ok.length,
    successRate: Math.round(successRate * 1e6) / 1e6,
    achievedQps: Math.round((ok.length / stepS) * 1000) / 1000,
    p50Ms: lat.p50Ms,
    p99Ms: lat.p99Ms,
    sendLagP99Ms: lag.p99Ms,
    pass: reasons.length === 0,
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
  };
}
