// storeDir: the output folder that holds runs/ and minerbench.db: --out, else MINERBENCH_OUT, else .minerbench.
import path from 'node:path';

export function storeDir(out: string | undefined, io: { cwd: string; env: NodeJS.ProcessEnv }): string {
  return path.resolve(io.cwd, out ?? io.env['MINERBENCH_OUT'] ?? '.minerbench');
}

/** How long commands wait for another minerbench's write to the index: MINERBENCH_INDEX_WAIT_MS, else 10 s. */
export function indexWaitMs(env: NodeJS.ProcessEnv): number | undefined {
  const v = Number(env['MINERBENCH_INDEX_WAIT_MS']);
  return Number.isFinite(v) && v >= 0 && env['MINERBENCH_INDEX_WAIT_MS'] !== undefined ? v : undefined;
}
