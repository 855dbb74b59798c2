// parseQueryGpuCsv: reads `nvidia-smi --query-gpu=... --format=csv[,noheader][,nounits]` text into raw cells by field.

export interface CsvColumn {
  /** The field name without its unit: 'power.draw'. */
  field: string;
  /** The unit the header names ('W' from 'power.draw [W]'), or null. */
  unit: string | null;
}

export interface QueryGpuCsv {
  columns: CsvColumn[];
  /** One record per well-formed line: field -> raw cell ('631.95 W', '[N/A]', '0x...'); read cells with smi-value. */
  rows: Array<Record<string, string>>;
  /** Lines that did not have one cell per column (a truncated last line, a message), as values. */
  errors: Array<{ line: number; text: string; reason: string }>;
}

/** Splits one output line; nvidia-smi separates cells with ', ' and never quotes. */
export function splitCsvLine(line: string): string[] {
  return line.split(',').map((c) => c.trim());
}

/** 'power.draw [W]' -> {field:'power.draw', unit:'W'}; 'temperature.gpu' -> {field, unit:null}. */
export function parseCsvHeaderCell(cell: string): CsvColumn {
  const m = /^(.*?)\s*\[([^\]]*)\]$/.exec(cell.trim());
  return m ? { field: (m[1] ?? '').trim(), unit: m[2] ?? null } : { field: cell.trim(), unit: null };
}

/**
 * Parses a whole CSV text. With a header line (the default) the columns come from it; with `fields` (noheader
 * output) they are the fields asked for.
 */
export function parseQueryGpuCsv(text: string, opts: { fields?: string[] } = {}): QueryGpuCsv {
  const lines = text.split(/\r?\n/);
  let start = 0;
  let columns: CsvColumn[];
  if (opts.fields) {
    columns = opts.fields.map((f) => ({ field: f, unit: null }));
  } else {
    while (start < lines.length && lines[start]?.trim() === '') start++;
    columns = splitCsvLine(lines[start] ?? '').map(parseCsvHeaderCell);
    start++;
  }
  const rows: Array<Record<string, string>> = [];
  const errors: QueryGpuCsv['errors'] = [];
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    const cells = splitCsvLine(text);
    if (cells.length !== columns.length) {
      errors.push({ line: i + 1, text, reason: `expected ${columns.length} cells, got ${cells.length}` });
      continue;
    }
    const row: Record<string, string> = {};
    columns.forEach((c, k) => (row[c.field] = cells[k] ?? ''));
    rows.push(row);
  }
  return { columns, rows, errors };
}

/**
 * nvidia-smi's timestamp 'YYYY/MM/DD HH:MM:SS.mmm' (local time of the GPU host) as milliseconds, read as if UTC:
 * good for differences within one recording, not as an absolute instant. Null if it does not match.
 */
export function parseSmiTimestampMs(raw: string): number | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number((ms ?? '0').padEnd(3, '0')),
  );
}
