// shareRange: a law's share at its stated values, its low and high over every corner of the uncertain inputs' ranges,
// and which inputs widen it most (one at a time). Pure.

/** An input the law does not know exactly: its stated value and the plausible range the estimate spans. */
export interface Uncertain {
  name: string;
  value: number;
  range: readonly [number, number];
}

export interface ShareRange {
  value: number | null;
  low: number | null;
  high: number | null;
  /** Names of the uncertain inputs, widest swing first (inputs that do not move the share are left out). */
  dominant: string[];
}

/** More than this many uncertain inputs: corners are not all tried; the range is the one-at-a-time envelope. */
const MAX_CORNER_INPUTS = 8;

/**
 * `f` maps input values (by name) to the share, or null when it cannot be computed. The range is the min and max of
 * `f` over all 2^k corners of the uncertain ranges (laws are monotone in each input, so corners bound it).
 */
export function shareRange(
  uncertain: readonly Uncertain[],
  f: (v: Readonly<Record<string, number>>) => number | null,
): ShareRange {
  const base: Record<string, number> = {};
  for (const u of uncertain) base[u.name] = u.value;
  const value = f(base);
  if (value === null) return { value: null, low: null, high: null, dominant: [] };
  let low = value;
  let high = value;
  const take = (v: number | null) => {
    if (v === null || !Number.isFinite(v)) return;
    if (v < low) low = v;
    if (v > high) high = v;
  };
  const swings: Array<{ name: string; swing: number }> = [];
  for (const u of uncertain) {
    const a = f({ ...base, [u.name]: u.range[0] });
    const b = f({ ...base, [u.name]: u.range[1] });
    take(a);
    take(b);
    const swing = Math.abs((b ?? value) - (a ?? value));
    if (swing > 0) swings.push({ name: u.name, swing });
  }
  if (uncertain.length <= MAX_CORNER_INPUTS) {
    for (let mask = 0; mask < 1 << uncertain.length; mask++) {
      const v: Record<string, number> = {};
      uncertain.forEach((u, i) => (v[u.name] = u.range[(mask >> i) & 1]!));
      take(f(v));
    }
  }
  swings.sort((x, y) => y.swing - x.swing);
  return { value, low, high, dominant: swings.map((s) => s.name) };
}
