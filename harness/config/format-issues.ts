// formatZodIssues: turns zod issues into one line each: where, what is wrong, the bad value.
import type { z } from 'zod';

export function formatZodIssues(where: string, issues: readonly z.core.$ZodIssue[], input?: unknown): string[] {
  return issues.map((i) => {
    const path = i.path.length ? i.path.join('.') : '(top level)';
    const got = valueAt(input, i.path);
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)?.slice(0, 80)})`;
    const keys =
      i.code === 'unrecognized_keys'
        ? `: ${(i as { keys: string[] }).keys.join(', ')} (unknown keys are errors; remove or fix the spelling)`
        : '';
    return `${where}: ${path}: ${i.message}${keys}${i.code === 'unrecognized_keys' ? '' : shown}`;
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return typeof v === 'function' ? '[function]' : v;
}
