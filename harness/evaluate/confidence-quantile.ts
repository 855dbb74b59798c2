// quantileConfidence: a distribution-free confidence interval for a percentile from binomial order statistics. Pure.

/** ln Γ(x) (Lanczos, g = 7), accurate to ~1e-13 for x > 0. */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(B <= k) for every k in 0..n, B ~ Binomial(n, p). */
function binomialCdf(n: number, p: number): Float64Array {
  const cdf = new Float64Array(n + 1);
  const lnN = lnGamma(n + 1);
  let acc = 0;
  for (let k = 0; k <= n; k++) {
    acc += Math.exp(lnN - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
    cdf[k] = Math.min(1, acc);
  }
  return cdf;
}

export interface QuantileInterval {
  /** e.g. 0.99 for p99. */
  quantile: number;
  /** e.g. 0.95. */
  level: number;
  n: number;
  /** 1-based ranks of the bounding order statistics (null: the sample is too small for that side). */
  lowRank: number | null;
  highRank: number | null;
  low: number | null;
  high: number | null;
}

/**
 * The interval [x(l), x(u)] of order statistics that holds the true q-quantile with probability >= level:
 * the true quantile lies below x(r) exactly when at least r of the n samples fall below it, B ~ Binomial(n, q).
 */
export function quantileConfidence(values: readonly number[], quantile = 0.99, level = 0.95): QuantileInterval {
  const n = values.length;
  const base = { quantile, level, n };
  if (!n) return { ...base, lowRank: null, highRank: null, low: null, high: null };
  const sorted = [...values].sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  const cdf = binomialCdf(n, quantile);
  // P(x(l) > true quantile) = P(B <= l-1) <= alpha: the largest such l.
  let lowRank: number | null = null;
  for (let l = 1; l <= n; l++) if (cdf[l - 1]! <= alpha) lowRank = l;
  // P(x(u) < true quantile) = P(B >= u) = 1 - P(B <= u-1) <= alpha: the smallest such u.
  let highRank: number | null = null;
  for (let u = 1; u <= n; u++) {
    if (1 - cdf[u - 1]! <= alpha) {
      highRank = u;
      break;
    }
  }
  return {
    ...base,
    lowRank,
    highRank,
    low: lowRank === null ? null : sorted[lowRank - 1]!,
    high: highRank === null ? null : sorted[highRank - 1]!,
  };
}
