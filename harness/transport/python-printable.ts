// isPythonPrintable: CPython's str.isprintable() for one code point, from the table generated with Debian's python3.

import { PYTHON_NONPRINTABLE_RANGES } from './python-nonprintable-table.ts';

/** Range starts and (inclusive) ends, ascending, parsed once from the generated table. */
const { starts, ends } = parseRanges(PYTHON_NONPRINTABLE_RANGES);

function parseRanges(lines: readonly string[]): { starts: Uint32Array; ends: Uint32Array } {
  const pairs: Array<[number, number]> = [];
  for (const line of lines) {
    for (const r of line.split(' ')) {
      const [a, b = a] = r.split('-') as [string, string?];
      pairs.push([parseInt(a, 16), parseInt(b, 16)]);
    }
  }
  return { starts: Uint32Array.from(pairs, (p) => p[0]), ends: Uint32Array.from(pairs, (p) => p[1]) };
}

/**
 * True where CPython prints the character as is in repr(): not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (the
 * space excepted), by the Unicode version of the python3 that generated the table (PYTHON_UNICODE_VERSION).
 */
export function isPythonPrintable(cp: number): boolean {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < starts[mid]!) hi = mid - 1;
    else if (cp > ends[mid]!) lo = mid + 1;
    else return false;
  }
  return true;
}
