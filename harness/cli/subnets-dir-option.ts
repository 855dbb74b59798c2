// SUBNETS_DIR_OPTION: --subnets-dir, the folder subnet plugins are read from (run, subnets, evaluate, estimate).
import path from 'node:path';
import { z } from 'zod';
import { defineOption } from '../config/option-spec.ts';

/** The variable is read by subnetsDir() below. */
export const SUBNETS_DIR_OPTION = defineOption({
  key: 'subnetsDir',
  flag: 'subnets-dir',
  type: 'string',
  schema: z.string().min(1, 'must be a folder path').optional(),
  default: undefined,
  defaultText: 'MINERBENCH_SUBNETS_DIR, else the bundled subnets/',
  describe: 'folder of your own subnet plugins',
  owner: 'plugins',
});

/** --subnets-dir, else MINERBENCH_SUBNETS_DIR, else the bundled plugins. */
export function subnetsDir(
  argv: { subnetsDir?: string },
  io: { env: NodeJS.ProcessEnv; cwd: string },
): string | undefined {
  const d = argv.subnetsDir ?? io.env.MINERBENCH_SUBNETS_DIR;
  return d ? path.resolve(io.cwd, d) : undefined;
}
