// streamStats: time to first token, inter-token latencies, output tokens and tokens/s of streamed answers. Pure.
import { latencyStats, type LatencyStats } from './latency-stats.ts';
import type { RequestRecord } from '../model/request-record.ts';

export interface StreamStats {
  /** Answers that streamed at least one chunk. */
  streamed: number;
  /** From the actual send to the first output chunk. */
  ttft: LatencyStats;
  /** Between consecutive output chunks. */
  itl: LatencyStats;
  outputTokens: number;
  /** Per answer: output tokens / seconds from first to last chunk (answers with >= 2 chunks). */
  tokensPerS: { mean: number | null; p50: number | null };
}

export function streamStats(records: readonly RequestRecord[]): StreamStats | null {
  const s = records.filter((r) => r.status === 'ok' && r.chunkMs?.length);
  const tokens = records.filter((r) => r.status === 'ok').reduce((a, r) => a + (r.outputTokens ?? 0), 0);
  if (!s.length) return null;
  const itl: number[] = [];
  const tps: number[] = [];
  for (const r of s) {
    const c = r.chunkMs!;
    for (let k = 1; k < c.length; k++) itl.push(c[k]! - c[k - 1]!);
    const span = (c[c.length - 1]! - c[0]!) / 1000;
    if (c.length >= 2 && span > 0) tps.push((r.outputTokens ?? c.length) / span);
  }
  tps.sort((a, b) => a - b);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    streamed: s.length,
    ttft: latencyStats(s.map((r) => r.chunkMs![0]! - r.sentMs)),
    itl: latencyStats(itl),
    outputTokens: tokens,
    tokensPerS: {
      mean: tps.length ? r3(tps.reduce((a, b) => a + b, 0) / tps.length) : null,
      p50: tps.length ? r3(tps[(tps.length - 1) >> 1]!) : null,
    },
  };
}
