// runNvidiaSmi: one short nvidia-smi call through execa, with "not installed" told apart from "failed"; never throws.
import { execa } from 'execa';

export interface NvidiaSmiOptions {
  /** The executable; default 'nvidia-smi' looked up on PATH. */
  bin?: string;
  /** Environment for the child (merged over process.env); PATH decides which nvidia-smi runs. */
  env?: NodeJS.ProcessEnv;
  /** Kill it after this long; default 30 s (-q -x takes seconds on big hosts without persistence mode). */
  timeoutMs?: number;
}

export type NvidiaSmiResult =
  { ok: true; stdout: string } | { ok: false; kind: 'not-found' | 'failed'; message: string; exitCode: number | null };

/** Runs `nvidia-smi <args>` to completion. */
export async function runNvidiaSmi(args: string[], opts: NvidiaSmiOptions = {}): Promise<NvidiaSmiResult> {
  const bin = opts.bin ?? 'nvidia-smi';
  const r = await execa(bin, args, {
    reject: false,
    stdin: 'ignore',
    timeout: opts.timeoutMs ?? 30_000,
    ...(opts.env ? { env: opts.env } : {}),
    stripFinalNewline: false,
  });
  if (r.code === 'ENOENT' || r.code === 'EACCES') {
    return { ok: false, kind: 'not-found', message: `${bin} not found`, exitCode: null };
  }
  if (r.failed) {
    const said = firstLines(`${r.stderr}\n${r.stdout}`) || (r.timedOut ? 'timed out' : (r.shortMessage ?? 'failed'));
    return { ok: false, kind: 'failed', message: said, exitCode: r.exitCode ?? null };
  }
  return { ok: true, stdout: r.stdout };
}

function firstLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');
}
