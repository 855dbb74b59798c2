// storeDir: the output folder that holds runs/ and minerbench.db: --out, else MINERBENCH_OUT, else .minerbench.
import path from 'node:path';

export function storeDir(out: string | undefined, io: { cwd: string; env: NodeJS.ProcessEnv }): string {
  return path.resolve(io.cwd, out ?? io.env['MINERBENCH_OUT'] ?? '.minerbench');
}
