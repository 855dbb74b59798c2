// pythonStr: Python's str() of a JSON-like value, as bittensor's body hash needs it (bittensor.md 1.4).

import { isPythonPrintable } from './python-printable.ts';

/** A float whose source was a JSON number but that Python holds as float (pydantic float field). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Python repr() of a float: shortest round-trip digits, '.0' on integral values, exponent outside 1e-4..1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    // JS exponent form is 1.5e+21 / 1e-7; Python writes 1.5e+21 / 1e-07 (at least two exponent digits).
    const [mant, exp] = x.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/**
 * Python repr() of a str, as CPython's unicode_repr writes it: single quotes unless the text has ' and no ";
 * \ and the quote escaped; \t \n \r; other ASCII controls as \xhh; every other character CPython does not
 * print (str.isprintable(), by category) as \xhh below U+0100, \uhhhh below U+10000, else \Uhhhhhhhh.
 */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x7f || isPythonPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + quote;
}

function hex(cp: number, digits: number): string {
  return cp.toString(16).padStart(digits, '0');
}

function pythonRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v instanceof PyFloat) return pythonFloatRepr(v.value);
  if (typeof v === 'number') return Number.isInteger(v) ? String(BigInt(v)) : pythonFloatRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return pythonStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  if (isOrderedDict(v)) return `{${v.entries.map(([k, x]) => `${pythonStrRepr(k)}: ${pythonRepr(x)}`).join(', ')}}`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => `${pythonStrRepr(k)}: ${pythonRepr(x)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new TypeError(`pythonStr: cannot format a ${typeof v}`);
}

/** str(value) in Python: a top-level str prints bare, everything else as its repr. */
export function pythonStr(v: unknown): string {
  return typeof v === 'string' ? v : pythonRepr(v);
}

/** A dict kept in source order (PyDict from python-json-loads.ts), recognised by shape to avoid an import cycle. */
export function isOrderedDict(v: unknown): v is { entries: Array<[string, unknown]> } {
  return (
    typeof v === 'object' &&
    v !== null &&
    v.constructor?.name === 'PyDict' &&
    Array.isArray((v as { entries?: unknown }).entries)
  );
}
