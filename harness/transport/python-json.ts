// pythonJsonDumps: Python's json.dumps() text (default separators, ensure_ascii) so bodies match a real dendrite's.
import { isOrderedDict, PyFloat, pythonFloatRepr } from './python-str.ts';

function escapeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e)
      out += `\\u${c.toString(16).padStart(4, '0')}`; // UTF-16 units, like CPython
    else out += ch;
  }
  return out + '"';
}

/** json.dumps(value): ', ' and ': ' separators, non-ASCII escaped, floats as Python writes them, bigints verbatim. */
export function pythonJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.value)) return 'NaN';
    if (!Number.isFinite(v.value)) return v.value > 0 ? 'Infinity' : '-Infinity';
    return pythonFloatRepr(v.value);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? String(BigInt(v)) : pythonFloatRepr(v);
  if (typeof v === 'string') return escapeString(v);
  if (Array.isArray(v)) return `[${v.map(pythonJsonDumps).join(', ')}]`;
  if (isOrderedDict(v)) return `{${v.entries.map(([k, x]) => `${escapeString(k)}: ${pythonJsonDumps(x)}`).join(', ')}}`;
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => `${escapeString(k)}: ${pythonJsonDumps(x)}`,
    );
    return `{${parts.join(', ')}}`;
  }
  throw new TypeError(`pythonJsonDumps: cannot encode a ${typeof v}`);
}
