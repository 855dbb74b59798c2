// resultProblems: every field a result needs to be indexed and reported that is missing or of the wrong type.

/** A run id is used as a folder name: letters, digits, dot, dash, underscore; not '.' or '..'. */
export const RUN_ID_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;

type Check = [path: string, test: (v: unknown) => boolean, expected: string];
const str = (v: unknown) => typeof v === 'string' && v.length > 0;
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || num(v);
const obj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const date = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

const CHECKS: Check[] = [
  ['runId', (v) => typeof v === 'string' && RUN_ID_PATTERN.test(v), 'a run id of letters, digits, . _ -'],
  [
    'status',
    (v) => v === 'completed' || v === 'failed' || v === 'interrupted',
    "'completed', 'failed' or 'interrupted'",
  ],
  ['minerbench.version', str, 'a version string'],
  ['subnet.id', str, 'a subnet id'],
  ['subnet.netuid', num, 'a number'],
  ['subnet.title', (v) => typeof v === 'string', 'a string'],
  ['times.startedAt', date, 'an ISO date'],
  ['times.endedAt', date, 'an ISO date'],
  ['config.timeoutS', num, 'a number'],
  ['environment.host.hostname', (v) => typeof v === 'string', 'a string'],
  ['environment.gpus', obj, 'an object'],
  ['load.measured', num, 'a number'],
  ['load.ok', num, 'a number'],
  ['load.error', num, 'a number'],
  ['load.timeout', num, 'a number'],
  ['load.okQps', num, 'a number'],
  ['latency.p50Ms', numOrNull, 'a number or null'],
  ['latency.p99Ms', numOrNull, 'a number or null'],
  ['latency.histogram', Array.isArray, 'an array of bins'],
  ['quality.mean', numOrNull, 'a number or null'],
  ['energy.measured', (v) => typeof v === 'boolean', 'true or false'],
  ['validity.verdict', (v) => v === 'VALID' || v === 'INVALID', "'VALID' or 'INVALID'"],
  ['validity.reasons', Array.isArray, 'an array of strings'],
  ['warnings', Array.isArray, 'an array of strings'],
];

function at(o: unknown, dotted: string): unknown {
  let v: unknown = o;
  for (const k of dotted.split('.')) v = obj(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

export function resultProblems(data: unknown): string[] {
  if (!obj(data)) return ['the file holds no JSON object'];
  const out: string[] = [];
  for (const [p, test, expected] of CHECKS) {
    const v = at(data, p);
    if (!test(v))
      out.push(
        v === undefined
          ? `${p}: missing (expected ${expected})`
          : `${p}: ${String(JSON.stringify(v)).slice(0, 60)} is not ${expected}`,
      );
  }
  return out;
}
