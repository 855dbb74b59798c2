// quantileInterval: a distribution-free 95 % interval of a latency percentile from the result's histogram bins.
import type { HistogramBin } from '../model/result/latency-section.ts';

/** The value at 1-based rank k, interpolated linearly inside its bin. */
function valueAtRank(bins: readonly HistogramBin[], k: number): number | null {
  let seen = 0;
  for (const b of bins) {
    if (b.count > 0 && seen + b.count >= k) return b.fromMs + ((b.toMs - b.fromMs) * (k - seen)) / b.count;
    seen += b.count;
  }
  return null;
}

/**
 * Order-statistic interval of the p-quantile (0 < p < 1): ranks n·p ± 1.96·sqrt(n·p·(1-p)) (normal approximation
 * of the binomial), read off the histogram. Widened to include `point` (the exact percentile the run reported).
 */
export function quantileInterval(bins: readonly HistogramBin[], p: number, point: number): { lo: number; hi: number } {
  const n = bins.reduce((a, b) => a + b.count, 0);
  if (n === 0) return { lo: point, hi: point };
  const se = Math.sqrt(n * p * (1 - p));
  const kLo = Math.max(1, Math.floor(n * p - 1.96 * se));
  const kHi = Math.min(n, Math.ceil(n * p + 1.96 * se));
  const lo = valueAtRank(bins, kLo) ?? point;
  const hi = valueAtRank(bins, kHi) ?? point;
  return { lo: Math.min(lo, point), hi: Math.max(hi, point) };
}
