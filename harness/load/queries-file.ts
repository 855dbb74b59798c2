// readQueriesFile: loads a captured-queries JSONL file, checking every line and naming file:line for each problem.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MinerbenchError } from '../errors.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { decodeUtf8Lines } from './text-encoding.ts';

/** The largest body a captured query may carry; bigger ones are refused (a capture that swallowed a blob). */
export const MAX_QUERY_BODY_BYTES = 8 * 1024 * 1024;
const MAX_REPORTED = 20;

const lineSchema = z.strictObject({
  t: z.number().min(0),
  synapse: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
  timeout: z.number().positive().optional(),
  validator: z.string().optional(),
  // Fields a capture proxy records about the original exchange; kept, not replayed.
  status: z.number().int().optional(),
  latencyMs: z.number().optional(),
  /** A reference answer for the subnet's score (kept out of the request). */
  reference: z.unknown().optional(),
});

export interface QueriesFileOptions {
  /** Synapse names (or paths) the profile's transport can send. */
  allowedSynapses?: readonly string[];
  /** Require non-decreasing t (the trace arrival model replays the spacing). */
  monotonic?: boolean;
}

export function readQueriesFile(file: string, opts: QueriesFileOptions = {}): CapturedQuery[] {
  const shown = path.relative(process.cwd(), file) || file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new MinerbenchError(
      'QUERIES_INVALID',
      `cannot read queries file ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      {
        hint: "check the profile's queries path",
      },
    );
  }
  const decoded = decodeUtf8Lines(bytes);
  if ('problems' in decoded) {
    const bad = decoded.problems;
    const more = bad.length > MAX_REPORTED ? [`... and ${bad.length - MAX_REPORTED} more`] : [];
    throw new MinerbenchError('QUERIES_INVALID', `queries file ${shown}: its encoding is not UTF-8`, {
      details: [...bad.slice(0, MAX_REPORTED).map((p) => `${shown}:${p.line}: encoding: ${p.reason}`), ...more],
      hint: `save it as UTF-8, e.g. iconv -f ${/UTF-16|NUL/.test(bad[0]!.reason) ? 'UTF-16' : 'LATIN1'} -t UTF-8 ${shown} > ${shown}.utf8`,
    });
  }
  const problems: string[] = [];
  const queries: CapturedQuery[] = [];
  let lastT = -Infinity;
  const lines = decoded.lines;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.trim();
    if (!raw) continue;
    const where = `${shown}:${n + 1}`;
    if (Buffer.byteLength(raw) > MAX_QUERY_BODY_BYTES) {
      problems.push(`${where}: line is ${Buffer.byteLength(raw)} bytes, over the ${MAX_QUERY_BODY_BYTES}-byte limit`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      problems.push(`${where}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const r = lineSchema.safeParse(parsed);
    if (!r.success) {
      for (const i of r.error.issues) problems.push(`${where}: ${i.path.join('.') || 'line'}: ${i.message}`);
      continue;
    }
    const q = r.data;
    if (opts.allowedSynapses && !opts.allowedSynapses.includes(q.synapse)) {
      problems.push(
        `${where}: synapse '${q.synapse}' is not one this subnet's transport sends (${opts.allowedSynapses.join(', ')})`,
      );
      continue;
    }
    if (opts.monotonic && q.t < lastT)
      problems.push(`${where}: t=${q.t} goes back in time (previous t=${lastT}); sort the file by t`);
    lastT = Math.max(lastT, q.t);
    queries.push({
      t: q.t,
      synapse: q.synapse,
      body: q.body,
      line: n + 1,
      source: raw,
      ...(q.timeout ? { timeout: q.timeout } : {}),
      ...(q.validator ? { validator: q.validator } : {}),
      ...(q.reference === undefined ? {} : { reference: q.reference }),
    });
  }
  if (problems.length) {
    const more = problems.length > MAX_REPORTED ? [`... and ${problems.length - MAX_REPORTED} more`] : [];
    throw new MinerbenchError('QUERIES_INVALID', `queries file ${shown} has ${problems.length} bad line(s)`, {
      details: [...problems.slice(0, MAX_REPORTED), ...more],
      hint: 'each line must be {"t": seconds, "synapse": name, "body": {...}, "timeout"?: seconds}',
    });
  }
  if (!queries.length) {
    throw new MinerbenchError('QUERIES_INVALID', `queries file ${shown} holds no queries`, {
      hint: 'capture some with minerbench capture, or point the profile at a file with queries',
    });
  }
  return queries;
}
