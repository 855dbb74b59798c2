// pythonStr: Python's str() of a JSON-like value, as bittensor's body hash needs it (bittensor.md 1.4).

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

/** Python repr() of a str: single quotes unless the text has ' and no ", escapes as CPython does. */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (isNonPrintable(cp))
      out += cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    else out += ch;
  }
  return out + quote;
}

// The code points CPython's str.isprintable() rejects that occur in practice: separators and format characters.
function isNonPrintable(cp: number): boolean {
  return (
    cp === 0xad ||
    (cp >= 0x2028 && cp <= 0x2029) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfeff ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0x00a0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
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
