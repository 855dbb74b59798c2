// smiNumber / smiText: read one nvidia-smi value (XML text or CSV cell); "not available" markers become null, never 0.

/** Markers nvidia-smi prints instead of a value, in XML (bare) and CSV (in brackets). */
const MISSING = new Set(
  [
    'n/a',
    'not supported',
    'requested functionality has been deprecated',
    'unknown error',
    'function not found',
    'insufficient permissions',
    'not available',
    'gpu is lost',
    'gpu requires reset',
  ].map((s) => s.toLowerCase()),
);

/** True when the raw value is absent or one of nvidia-smi's "no value" markers ('N/A', '[Not Supported]', ...). */
export function isSmiMissing(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw !== 'string') return false;
  const s = raw.trim();
  if (s === '') return true;
  const inner = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1).trim() : s;
  return MISSING.has(inner.toLowerCase());
}

/** The text of a value, or null when nvidia-smi says there is none. */
export function smiText(raw: unknown): string | null {
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string' || isSmiMissing(raw)) return null;
  return raw.trim();
}

const NUMBER_WITH_UNIT = /^([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(W|%|MiB|MB|KiB|KB\/s|GiB|MHz|C|us|ms|s|J|mJ)?$/;

/**
 * A number from values such as '631.95 W', '99 %', '81559 MiB', '29 C' or a bare '631.95'; null for the
 * "no value" markers and for anything that is not a number with one of the units nvidia-smi prints.
 */
export function smiNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const s = smiText(raw);
  if (s === null) return null;
  const m = NUMBER_WITH_UNIT.exec(s);
  if (!m || m[1] === undefined) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

/** A hex bitmask such as '0x0000000000000004' as a number (the reason bits nvidia-smi uses all fit); null otherwise. */
export function smiBitmask(raw: unknown): number | null {
  const s = smiText(raw);
  if (s === null || !/^0x[0-9a-fA-F]{1,16}$/.test(s)) return null;
  const big = BigInt(s);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : null;
}

/** 'Enabled' / 'Disabled' (and 'Yes' / 'No') as a boolean; null when missing or anything else. */
export function smiBool(raw: unknown): boolean | null {
  const s = smiText(raw)?.toLowerCase();
  if (s === 'enabled' || s === 'yes' || s === 'active') return true;
  if (s === 'disabled' || s === 'no' || s === 'not active') return false;
  return null;
}
