// runCli: runs the minerbench CLI in-process with captured stdout/stderr, as a test would type it.
import { main } from '../../harness/cli/bin.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<CliRun> {
  let out = '';
  let err = '';
  const controller = new AbortController();
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTTY: false,
    signal: controller.signal,
    env,
    cwd,
  });
  return { code, out, err };
}
