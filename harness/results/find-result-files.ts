// findResultFiles: every result.json under a folder (or the one file given), sorted, skipping artifacts folders.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MinerbenchError } from '../errors.ts';

const SKIP = new Set(['artifacts', 'node_modules', '.git']);

export function findResultFiles(target: string): string[] {
  let st;
  try {
    st = statSync(target);
  } catch {
    throw new MinerbenchError('USAGE', `${target} does not exist`, {
      hint: 'give a result.json or a folder that holds runs/<runId>/result.json',
    });
  }
  if (st.isFile()) return [path.resolve(target)];
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !SKIP.has(e.name) && depth < 8) walk(p, depth + 1);
      else if (e.isFile() && e.name === 'result.json') out.push(path.resolve(p));
    }
  };
  walk(target, 0);
  return out.sort();
}
