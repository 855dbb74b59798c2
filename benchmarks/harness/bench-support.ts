// Shared helpers of the load benchmarks: child-process miners pinned to a core, result rows, percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';

export const HERE = import.meta.dirname;
export const QUICK = process.env.BENCH_QUICK === '1';
const TASKSET = existsSync('/usr/bin/taskset') ? '/usr/bin/taskset' : null;

/** Spawns a command pinned to `core` where taskset exists; resolves once it printed `PORT n`. */
export function spawnPinned(
  core: number | null,
  cmd: string,
  args: string[],
): Promise<{ child: ChildProcess; port: number; stop: () => void }> {
  const [file, argv] = TASKSET && core !== null ? [TASKSET, ['-c', String(core), cmd, ...args]] : [cmd, args];
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (c) => reject(new Error(`${cmd} exited with ${c} before listening`)));
  });
}

export function startMiner(mode: 'noop' | 'stall' | 'big', core: number | null = 1) {
  return spawnPinned(core, process.execPath, [path.join(HERE, 'bench-miner.mjs'), mode]);
}

export interface BenchRow {
  bench: string;
  metric: string;
  value: string;
  goal: string;
  pass: boolean | null;
}

/** One result line run-all.ts collects into the summary table. */
export function row(r: BenchRow): void {
  console.log(`BENCH_ROW ${JSON.stringify(r)}`);
}

export function percentile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export const fmt = (x: number, d = 2) => x.toFixed(d);

/** The template's Dummy synapse (subnets/template/profile.ts) and one query of it: the signed path's benchmark load. */
export const DUMMY: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'Dummy',
  fields: [
    { name: 'dummy_input', type: 'int', required: true },
    { name: 'dummy_output', type: 'int', default: null },
  ],
};
export const DUMMY_QUERY = { t: 0, synapse: 'Dummy', body: { dummy_input: 17793 }, line: 1, timeout: 12 };
