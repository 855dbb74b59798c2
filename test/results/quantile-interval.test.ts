// Tests the order-statistic interval of a percentile read from histogram bins, with hand-computed ranks.
import { describe, expect, it } from 'vitest';
import { quantileInterval } from '../../harness/evaluate/quantile-interval.ts';

// 100 values: 50 in [10, 20), 40 in [20, 30), 10 in [30, 40).
const bins = [
  { fromMs: 10, toMs: 20, count: 50 },
  { fromMs: 20, toMs: 30, count: 40 },
  { fromMs: 30, toMs: 40, count: 10 },
];

describe('quantileInterval', () => {
  it('p50 of 100: ranks 50 ± 1.96·5 = 40..60, read inside the bins', () => {
    // rank 40 -> 10 + 10·40/50 = 18; rank 60 -> 20 + 10·10/40 = 22.5
    expect(quantileInterval(bins, 0.5, 20)).toEqual({ lo: 18, hi: 22.5 });
  });

  it('p99 of 100: ranks floor(99 - 1.95) = 97 .. min(100, ceil(100.95)) = 100', () => {
    // rank 97 -> 30 + 10·7/10 = 37; rank 100 -> 40
    expect(quantileInterval(bins, 0.99, 39)).toEqual({ lo: 37, hi: 40 });
  });

  it('always contains the reported percentile, and is a point without data', () => {
    expect(quantileInterval(bins, 0.5, 30)).toEqual({ lo: 18, hi: 30 });
    expect(quantileInterval([], 0.99, 5)).toEqual({ lo: 5, hi: 5 });
  });
});
