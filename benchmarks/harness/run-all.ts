// run-all: runs every benchmarks/harness/*.bench.ts in turn (the client pinned to core 0 where taskset exists) and
// prints one table of the rows the load benchmarks report. Run: npm run bench   (BENCH_QUICK=1 for short runs)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './bench-support.ts';
import { maxOf } from '../../harness/model/min-max.ts';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only.length || only.some((o) => f.includes(o))))
  .sort();
const taskset = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];
/** Benchmarks of the signed path run unpinned: its signing workers, the client and the axon share the machine's cores. */
const UNPINNED = new Set(['signed-load.bench.ts', 'load-memory.bench.ts']);
const rows: BenchRow[] = [];
const failed: string[] = [];
for (const f of files) {
  console.log(`\n== ${f}`);
  const cmd = [...(UNPINNED.has(f) ? [] : taskset), process.execPath, '--import', 'tsx', path.join(here, f)];
  const r = spawnSync(cmd[0]!, cmd.slice(1), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
  });
  for (const line of (r.stdout ?? '').split('\n')) {
    if (line.startsWith('BENCH_ROW ')) rows.push(JSON.parse(line.slice(10)) as BenchRow);
    else if (line) console.log(line);
  }
  if (r.status !== 0) failed.push(`${f} (exit ${r.status ?? r.signal})`);
}
if (rows.length) {
  const head: BenchRow = { bench: 'bench', metric: 'metric', value: 'measured', goal: 'goal', pass: null };
  const cells = (x: BenchRow) => [
    x.bench,
    x.metric,
    x.value,
    x.goal,
    x === head ? 'ok?' : x.pass === null ? '' : x.pass ? 'yes' : 'NO',
  ];
  const all = [head, ...rows].map(cells);
  const w = all[0]!.map((_, k) => maxOf(all.map((c) => c[k]!.length)));
  console.log(
    `\nminerbench load benchmarks (${process.env.BENCH_QUICK === '1' ? 'quick' : 'full'}; client on one core but for ${[...UNPINNED].join(', ')})`,
  );
  for (const [n, c] of all.entries()) {
    console.log(c.map((x, k) => x.padEnd(w[k]!)).join(' | '));
    if (n === 0) console.log(w.map((x) => '-'.repeat(x)).join('-|-'));
  }
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
