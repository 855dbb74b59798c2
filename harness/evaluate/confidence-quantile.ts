// quantileConfidence: a distribution-free confidence interval for a percentile from binomial order statistics. Pure.

import type { QuantileInterval } from '../model/result/latency-section.ts';

export type { QuantileInterval };

/**
 * The ranks [l, u] of the order statistics that hold the true q-quantile with probability >= level: the true quantile
 * lies below x(r) exactly when at least r of the n samples fall below it, B ~ Binomial(n, q). One pass over k, no
 * array: P(x(l) > true quantile) = P(B <= l-1) <= alpha gives the largest such l; P(x(u) < true quantile) =
 * 1 - P(B <= u-1) <= alpha the smallest such u.
 */
export function quantileRanks(
  n: number,
  quantile = 0.99,
  level = 0.95,
): { lowRank: number | null; highRank: number | null } {
  if (!n) return { lowRank: null, highRank: null };
  const alpha = (1 - level) / 2;
  const lnQ = Math.log(quantile) - Math.log1p(-quantile);
  let lnPmf = n * Math.log1p(-quantile); // ln P(B = 0)
  let lowRank: number | null = null;
  let highRank: number | null = null;
  let cdf = 0; // P(B <= k - 1) after the update below
  for (let k = 1; k <= n; k++) {
    const j = k - 1;
    if (j > 0) lnPmf += Math.log(n - j + 1) - Math.log(j) + lnQ; // ln P(B = j) from ln P(B = j - 1)
    cdf = Math.min(1, cdf + Math.exp(lnPmf));
    if (cdf <= alpha) lowRank = k;
    if (highRank === null && 1 - cdf <= alpha) {
      highRank = k;
      break;
    }
  }
  return { lowRank, highRank };
}

/** The interval from a recorder's order statistics (streaming runs). */
export function quantileConfidenceAt(
  n: number,
  valueAtRank: (r: number) => number | null,
  quantile = 0.99,
  level = 0.95,
): QuantileInterval {
  const { lowRank, highRank } = quantileRanks(n, quantile, level);
  return {
    quantile,
    level,
    n,
    lowRank,
    highRank,
    low: lowRank === null ? null : valueAtRank(lowRank),
    high: highRank === null ? null : valueAtRank(highRank),
  };
}

/** The interval from a list of values (exact order statistics). */
export function quantileConfidence(values: readonly number[], quantile = 0.99, level = 0.95): QuantileInterval {
  const sorted = [...values].sort((a, b) => a - b);
  return quantileConfidenceAt(sorted.length, (r) => sorted[r - 1] ?? null, quantile, level);
}
