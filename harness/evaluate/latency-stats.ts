// latencyStats: percentiles of latencies (ms) from an HDR histogram (3 significant digits), plus a chart histogram. Pure.
import * as hdr from 'hdr-histogram-js';
import { maxOf, minOf } from '../model/min-max.ts';

export interface LatencyStats {
  count: number;
  minMs: number | null;
  meanMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  stddevMs: number | null;
}

export interface HistogramBin {
  /** Lower and upper edge, ms. */
  fromMs: number;
  toMs: number;
  count: number;
}

const US = 1000;

export function latencyStats(valuesMs: readonly number[]): LatencyStats {
  if (!valuesMs.length)
    return { count: 0, minMs: null, meanMs: null, p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null, stddevMs: null };
  const h = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
  for (const v of valuesMs) h.recordValue(Math.max(1, Math.round(v * US)));
  const round = (us: number) => Math.round(us) / US;
  const stats: LatencyStats = {
    count: valuesMs.length,
    minMs: round(h.minNonZeroValue),
    meanMs: round(h.mean),
    p50Ms: round(h.getValueAtPercentile(50)),
    p90Ms: round(h.getValueAtPercentile(90)),
    p99Ms: round(h.getValueAtPercentile(99)),
    maxMs: round(h.maxValue),
    stddevMs: round(h.stdDeviation),
  };
  h.destroy();
  return stats;
}

/** Log-spaced bins between min and max (about 5 per doubling), for the report's distribution chart. */
export function latencyHistogram(valuesMs: readonly number[], binsPerDoubling = 5): HistogramBin[] {
  if (!valuesMs.length) return [];
  const min = Math.max(0.01, minOf(valuesMs));
  const max = maxOf(valuesMs);
  const ratio = 2 ** (1 / binsPerDoubling);
  const edges: number[] = [min];
  while (edges[edges.length - 1]! < max) edges.push(edges[edges.length - 1]! * ratio);
  if (edges.length === 1) edges.push(min * ratio);
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const v of valuesMs) {
    const k = Math.min(counts.length - 1, Math.max(0, Math.floor(Math.log(Math.max(v, min) / min) / Math.log(ratio))));
    counts[k]!++;
  }
  return counts.map((count, k) => ({ fromMs: round3(edges[k]!), toMs: round3(edges[k + 1]!), count }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
