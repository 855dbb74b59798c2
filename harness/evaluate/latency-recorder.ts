// LatencyRecorder: streaming latency statistics (HDR histogram, 3 significant digits, plus exact count/min/max/mean):
// constant memory whatever the run's length, so a night of queries never has to be held in an array. Pure.
import * as hdr from 'hdr-histogram-js';
import type { HistogramBin, LatencyStats } from '../model/result/latency-section.ts';

const US = 1000;
/** About 25 days in microseconds: longer than any timeout minerbench accepts. */
const HIGHEST_US = 2_200_000_000_000;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export class LatencyRecorder {
  private readonly h = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000,
    autoResize: true,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
  count = 0;
  private sum = 0;
  private minMs = Infinity;
  private maxMs = -Infinity;

  record(ms: number): void {
    if (!Number.isFinite(ms)) return;
    const v = Math.max(0, ms);
    this.h.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(v * US))));
    this.count++;
    this.sum += v;
    if (v < this.minMs) this.minMs = v;
    if (v > this.maxMs) this.maxMs = v;
  }

  /** The value (ms) at a percentile 0..100 (HDR: within 0.1 %). */
  percentile(p: number): number | null {
    return this.count ? this.h.getValueAtPercentile(p) / US : null;
  }

  /** The value (ms) of the r-th smallest sample (1-based), within the histogram's precision. */
  valueAtRank(r: number): number | null {
    if (!this.count || r < 1 || r > this.count) return null;
    if (r === 1) return this.minMs;
    if (r === this.count) return this.maxMs;
    return this.h.getValueAtPercentile((100 * r) / this.count) / US;
  }

  stats(): LatencyStats {
    if (!this.count)
      return {
        count: 0,
        minMs: null,
        meanMs: null,
        p50Ms: null,
        p90Ms: null,
        p99Ms: null,
        maxMs: null,
        stddevMs: null,
      };
    const us = (x: number) => Math.round(x) / US;
    return {
      count: this.count,
      minMs: round3(this.minMs),
      meanMs: round3(this.sum / this.count),
      p50Ms: us(this.h.getValueAtPercentile(50)),
      p90Ms: us(this.h.getValueAtPercentile(90)),
      p99Ms: us(this.h.getValueAtPercentile(99)),
      maxMs: round3(this.maxMs),
      stddevMs: us(this.h.stdDeviation),
    };
  }

  /** Log-spaced bins between min and max (about binsPerDoubling per doubling), for the report's distribution chart. */
  bins(binsPerDoubling = 5): HistogramBin[] {
    if (!this.count) return [];
    const min = Math.max(0.01, this.minMs);
    const ratio = 2 ** (1 / binsPerDoubling);
    const edges: number[] = [min];
    while (edges[edges.length - 1]! < this.maxMs) edges.push(edges[edges.length - 1]! * ratio);
    if (edges.length === 1) edges.push(min * ratio);
    const counts = new Array<number>(edges.length - 1).fill(0);
    const binOf = (ms: number) =>
      Math.min(counts.length - 1, Math.max(0, Math.floor(Math.log(Math.max(ms, min) / min) / Math.log(ratio))));
    // Walk the histogram's own buckets (a few thousand at most) and put each bucket's count where its values lie.
    const h = this.h as unknown as {
      countsArrayLength: number;
      getCountAtIndex(i: number): number;
      valueFromIndex(i: number): number;
      medianEquivalentValue(v: number): number;
    };
    for (let i = 0; i < h.countsArrayLength; i++) {
      const c = h.getCountAtIndex(i);
      if (!c) continue;
      const ms = Math.min(this.maxMs, Math.max(this.minMs, h.medianEquivalentValue(h.valueFromIndex(i)) / US));
      counts[binOf(ms)]! += c;
    }
    return counts.map((count, k) => ({ fromMs: round3(edges[k]!), toMs: round3(edges[k + 1]!), count }));
  }

  destroy(): void {
    this.h.destroy();
  }
}

/** Statistics of a list of latencies (for small lists and tests; large runs record as they go). */
export function latencyStats(valuesMs: Iterable<number>): LatencyStats {
  const r = new LatencyRecorder();
  for (const v of valuesMs) r.record(v);
  const s = r.stats();
  r.destroy();
  return s;
}

/** The chart histogram of a list of latencies. */
export function latencyHistogram(valuesMs: Iterable<number>, binsPerDoubling = 5): HistogramBin[] {
  const r = new LatencyRecorder();
  for (const v of valuesMs) r.record(v);
  const b = r.bins(binsPerDoubling);
  r.destroy();
  return b;
}
