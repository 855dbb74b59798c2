// minOf / maxOf: the smallest and largest of any number of values in one pass (no argument spreading, no stack limit).

/** The largest value, or `empty` when there are none. NaN values are skipped. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = -Infinity;
  let any = false;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v > m) m = v;
    any = true;
  }
  return any ? m : empty;
}

/** The smallest value, or `empty` when there are none. NaN values are skipped. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = Infinity;
  let any = false;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < m) m = v;
    any = true;
  }
  return any ? m : empty;
}
