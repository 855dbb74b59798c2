// Figure: one measured number with its noise interval [lo, hi]; aggregation of repeated runs into one figure.

/** A figure and the interval it could lie in from noise alone (95 %); null when not measured. */
export interface Figure {
  value: number;
  lo: number;
  hi: number;
}

/** value ± halfWidth, with the bounds ordered and the point inside. */
export function figure(value: number, halfWidth: number): Figure {
  const w = Math.abs(Number.isFinite(halfWidth) ? halfWidth : 0);
  return { value, lo: value - w, hi: value + w };
}

/** Two-sided 95 % Student t quantiles by degrees of freedom (1..30); 1.96 beyond. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t95(df: number): number {
  return df >= 1 && df <= T95.length ? T95[df - 1]! : 1.96;
}

/**
 * Several runs of one thing as one figure: the mean, with an interval as wide as the larger of the runs' own noise
 * (mean half-width) and the 95 % t interval of the mean across runs. One run is returned as it is.
 */
export function aggregateFigures(figures: readonly Figure[]): Figure | null {
  const n = figures.length;
  if (n === 0) return null;
  if (n === 1) return { ...figures[0]! };
  const mean = figures.reduce((a, f) => a + f.value, 0) / n;
  const sd = Math.sqrt(figures.reduce((a, f) => a + (f.value - mean) ** 2, 0) / (n - 1));
  const own = figures.reduce((a, f) => a + (f.hi - f.lo) / 2, 0) / n;
  return figure(mean, Math.max(own, (t95(n - 1) * sd) / Math.sqrt(n)));
}

/** True when the two intervals share at least one point: their difference is within noise. */
export function overlaps(a: Figure, b: Figure): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}
