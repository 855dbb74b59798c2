// Tests of the p99 interval (binomial order statistics, ranks checked against exact sums in Python) and batch-means throughput.
import { describe, expect, it } from 'vitest';
import { quantileConfidence } from '../../harness/evaluate/confidence-quantile.ts';
import { throughputConfidence } from '../../harness/evaluate/confidence-throughput.ts';

const oneTo = (n: number) => Array.from({ length: n }, (_, k) => k + 1);

describe('quantileConfidence', () => {
  it('bounds p99 of 1000 samples by the 983rd and 997th order statistics at 95%', () => {
    const shuffled = oneTo(1000).reverse();
    expect(quantileConfidence(shuffled, 0.99, 0.95)).toEqual({
      quantile: 0.99,
      level: 0.95,
      n: 1000,
      lowRank: 983,
      highRank: 997,
      low: 983,
      high: 997,
    });
  });
  it('has no upper bound with 300 samples (too few to bound p99 from above)', () => {
    expect(quantileConfidence(oneTo(300))).toMatchObject({
      n: 300,
      lowRank: 293,
      highRank: null,
      low: 293,
      high: null,
    });
  });
  it('is all null without samples', () => {
    expect(quantileConfidence([])).toMatchObject({ n: 0, low: null, high: null });
  });
});

describe('throughputConfidence', () => {
  it('is a zero-width interval for perfectly even completions', () => {
    const done = Array.from({ length: 100 }, (_, k) => k * 100 + 50); // 10/s for 10 s
    expect(throughputConfidence(done, 0, 10_000)).toEqual({
      meanQps: 10,
      lowQps: 10,
      highQps: 10,
      batches: 10,
      level: 0.95,
    });
  });
  it('widens with uneven batches (t with 9 degrees of freedom)', () => {
    // 5 slices of 1 s with 20 completions, 5 with 0: mean 10/s, sd 10.541, half-width 2.262 * 10.541 / sqrt(10).
    const done = Array.from({ length: 100 }, (_, k) => Math.floor(k / 20) * 2000 + (k % 20) * 40 + 10);
    expect(throughputConfidence(done, 0, 10_000)).toEqual({
      meanQps: 10,
      lowQps: 2.46,
      highQps: 17.54,
      batches: 10,
      level: 0.95,
    });
  });
});
