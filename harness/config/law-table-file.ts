// Law tables: a plugin's dated data file (rates, multipliers, auctions) parsed, validated against the law's table
// schema with file:line messages (TABLE_INVALID), and aged; readLawTable reads it from disk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { MinerbenchError } from '../errors.ts';

/** A table read more than this many days before the estimate is flagged as old in the output. */
export const LAW_TABLE_OLD_DAYS = 90;

/** A plugin's data table as loaded: the parsed rows plus where and when they were read. */
export interface LoadedTable<T> {
  data: T;
  /** The file it was read from (the plugin's, or one given with --law-table). */
  path: string;
  /** Upstream source as `owner/repo@commit:path` (or the URL a file was saved from), and the date it was read. */
  source: string;
  readAt: string;
  ageDays: number;
  /** Said in the output when the table is older than LAW_TABLE_OLD_DAYS; null when it is recent. */
  ageWarning: string | null;
}

/** The header every table file carries at its top, beside the law's own keys. */
export const lawTableHeaderSchema = z.object({
  source: z.string().min(3, 'where the table was read: owner/repo@commit:path, or the URL it was saved from'),
  readAt: z.iso.date('the date the source was read (the commit date), as YYYY-MM-DD'),
  /** Free words about the table (what was left out, what a value means). */
  notes: z.array(z.string()).optional(),
});

const DAY_MS = 86_400_000;

/** Days from `readAt` (YYYY-MM-DD, UTC midnight) to `now`, never negative. */
export function tableAgeDays(readAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(`${readAt}T00:00:00Z`)) / DAY_MS));
}

export function tableAgeWarning(file: string, readAt: string, ageDays: number): string | null {
  if (ageDays <= LAW_TABLE_OLD_DAYS) return null;
  return `${file} was read from its source on ${readAt}, ${ageDays} days ago (over ${LAW_TABLE_OLD_DAYS}): the subnet may pay by newer rates; point --law-table at a newer copy`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** file:line of a JSON path in the text (the nearest enclosing node that exists). */
function whereIs(text: string, file: string, at: readonly PropertyKey[]): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  for (let n = at.length; n >= 0; n--) {
    const node = doc.getIn(at.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | null;
    if (node && typeof node === 'object' && node.range) return `${file}:${lc.linePos(node.range[0]).line}`;
  }
  return `${file}:1`;
}

/**
 * Parses a table file's text: JSON with `source`, `readAt` (and optional `notes`) at its top, the rest checked by the
 * law's `schema`. Every problem at once, each as file:line, path, what is wrong and the bad value. Throws TABLE_INVALID.
 */
export function parseLawTable<T>(text: string, file: string, schema: z.ZodType<T>, now: Date): LoadedTable<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? `${file}:${lineOf(text, Number(pos[1]))}` : file;
    throw new MinerbenchError('TABLE_INVALID', `${where}: not valid JSON (${msg})`, {
      hint: 'fix the JSON syntax of the table file (a law table is one JSON object)',
    });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new MinerbenchError('TABLE_INVALID', `${file}:1: a law table is one JSON object, got ${typeof raw}`, {
      hint: 'the file starts with { "source": ..., "readAt": ..., then the law keys }',
    });
  }
  const { source, readAt, notes, ...rest } = raw as Record<string, unknown>;
  const problems: string[] = [];
  const header = lawTableHeaderSchema.safeParse({ source, readAt, notes });
  const body = schema.safeParse(rest);
  const describe = (issues: readonly z.core.$ZodIssue[], input: unknown) =>
    issues.map((i) => {
      const keyPath = i.path.length ? i.path.join('.') : '(top level)';
      const got = valueAt(input, i.path);
      const shown =
        got === undefined || i.code === 'unrecognized_keys' ? '' : ` (got ${JSON.stringify(got)?.slice(0, 80)})`;
      return `${whereIs(text, file, i.path)}: ${keyPath}: ${i.message}${i.code === 'unrecognized_keys' ? ' (unknown keys are errors)' : ''}${shown}`;
    });
  if (!header.success) for (const p of describe(header.error.issues, raw)) problems.push(p);
  if (!body.success) for (const p of describe(body.error.issues, rest)) problems.push(p);
  if (problems.length || !header.success || !body.success) {
    throw new MinerbenchError('TABLE_INVALID', `law table ${file} is invalid (${problems.length} problem(s))`, {
      details: problems,
      hint: 'fix each line listed (unknown keys are errors); the plugin README says what each key means',
    });
  }
  const ageDays = tableAgeDays(header.data.readAt, now);
  return {
    data: body.data,
    path: file,
    source: header.data.source,
    readAt: header.data.readAt,
    ageDays,
    ageWarning: tableAgeWarning(file, header.data.readAt, ageDays),
  };
}

function valueAt(input: unknown, at: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of at) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Reads and validates a table file; a missing or unreadable file is TABLE_INVALID naming it. */
export function readLawTable<T>(file: string, schema: z.ZodType<T>, now: Date): LoadedTable<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MinerbenchError('TABLE_INVALID', `law table ${file} cannot be read: ${(e as Error).message}`, {
      hint: 'check the path given with --law-table (or the table path in the plugin profile)',
    });
  }
  return parseLawTable(text, path.relative(process.cwd(), file) || file, schema, now);
}
