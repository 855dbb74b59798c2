// Tests of the streaming latency statistics: HDR percentiles with literal numbers, exact min/max/mean, the chart bins,
// and the run's statistics over 10 million values (constant memory, no spread or recursion over data).
import { describe, expect, it } from 'vitest';
import { LatencyRecorder, latencyHistogram, latencyStats } from '../../harness/evaluate/latency-recorder.ts';
import { quantileConfidenceAt, quantileRanks } from '../../harness/evaluate/confidence-quantile.ts';
import { ThroughputBatches } from '../../harness/evaluate/confidence-throughput.ts';

describe('latencyStats', () => {
  it('gives HDR percentiles of 1..100 ms (3 significant digits: the top of each value bucket) and exact min, max and mean', () => {
    const s = latencyStats(Array.from({ length: 100 }, (_, k) => k + 1));
    expect(s).toEqual({
      count: 100,
      minMs: 1,
      meanMs: 50.5, // (1 + 100) / 2, exact
      p50Ms: 50.015, // 50 ms = 50,000 us lies in the bucket [50,000, 50,015] us
      p90Ms: 90.047,
      p99Ms: 99.007,
      maxMs: 100,
      stddevMs: 28.866,
    });
  });

  it('is all null without data, never zero', () => {
    expect(latencyStats([])).toEqual({
      count: 0,
      minMs: null,
      meanMs: null,
      p50Ms: null,
      p90Ms: null,
      p99Ms: null,
      maxMs: null,
      stddevMs: null,
    });
  });

  it('bins log-spaced (the last bin holds the maximum) and counts every value once', () => {
    const bins = latencyHistogram([1, 2, 4, 8, 8, 16], 1);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 3]);
    expect(bins[3]).toEqual({ fromMs: 8, toMs: 16, count: 3 });
    expect(bins[0]).toEqual({ fromMs: 1, toMs: 2, count: 1 });
  });
});

describe('the statistics of a long run stream', () => {
  it('take 10 million latencies in constant memory and give the same answers as the formulas', () => {
    const n = 10_000_000;
    const r = new LatencyRecorder();
    const t = new ThroughputBatches(0, n / 10, 10); // one completion every 0.1 ms over 1,000 s
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < n; k++) {
      r.record(1 + (k % 1000)); // 1..1000 ms, each value 10,000 times
      t.add(k / 10);
    }
    const grew = process.memoryUsage().heapUsed - before;
    const s = r.stats();
    expect(s.count).toBe(n);
    expect(s.minMs).toBe(1);
    expect(s.maxMs).toBe(1000);
    expect(s.meanMs).toBe(500.5);
    expect(s.p50Ms).toBe(500.223); // 500 ms in a bucket of 0.256 ms width at this magnitude: within 0.05 %
    expect(s.p99Ms).toBe(990.207);
    expect(grew).toBeLessThan(50 * 1024 * 1024); // 10 M values in an array would take 80 MB
    expect(r.bins().reduce((a, b) => a + b.count, 0)).toBe(n);
    // 10 slices of 100 s with 1,000,000 completions each: 10,000 per second with no spread.
    expect(t.result()).toEqual({ meanQps: 10_000, lowQps: 10_000, highQps: 10_000, batches: 10, level: 0.95 });
    // p99 of 10 M samples: ranks 0.99 n -/+ 1.96 sqrt(n 0.99 0.01) = 9,900,000 -/+ 616.7 (normal approximation).
    expect(quantileRanks(n)).toEqual({ lowRank: 9_899_383, highRank: 9_900_617 });
    const ci = quantileConfidenceAt(n, (k) => r.valueAtRank(k));
    expect(ci.low).toBeLessThanOrEqual(990.207);
    expect(ci.high).toBeGreaterThanOrEqual(989.9);
    r.destroy();
  });
});
