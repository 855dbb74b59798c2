// Benchmark: the fleet coordinator's overhead per machine (connect, image, start to first query, result copy-back) for 1, 2, 4 engines.
// Run as root (network namespaces): npx tsx benchmarks/harness/fleet-overhead.bench.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFleet } from '../../harness/fleet/load-fleet.ts';
import type { MachineOutcome } from '../../harness/fleet/machine-outcome.ts';
import { runFleet } from '../../harness/fleet/run-fleet.ts';
import { TestEngine } from '../../test/fleet/support/test-engine.ts';
import { maxOf } from '../../harness/model/min-max.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'minerbench-fleet-bench-'));
const engines = [1, 2, 3, 4].map((i) => new TestEngine(i));
const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : NaN);
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(0));

async function fleetOf(n: number, night: string, results: string): Promise<MachineOutcome[]> {
  writeFileSync(
    path.join(work, 'plan.yaml'),
    'subnets: [template]\nscenarios:\n  smoke: { concurrency: 4, queries: 100, warmup: 5 }\n',
  );
  const machines = engines
    .slice(0, n)
    .map((e) => `  - { name: e${e.index}, endpoint: '${e.endpoint}' }`)
    .join('\n');
  writeFileSync(
    path.join(work, 'fleet.yaml'),
    `plan: { file: plan.yaml }\nresults: ${results}\nconcurrency: ${n}\nmachines:\n${machines}\n`,
  );
  const r = await runFleet({
    fleet: loadFleet(path.join(work, 'fleet.yaml')),
    night,
    signal: new AbortController().signal,
    emit: () => {},
  });
  for (const m of r.machines)
    if (m.status !== 'completed') throw new Error(`${m.machine}: ${m.status} ${m.error?.message}`);
  return r.machines;
}

try {
  await Promise.all(engines.map((e) => e.start()));
  for (const e of engines) e.loadImage('minerbench/python-base:bookworm');
  // Warm-up: the runner image is built on one engine and loaded on the others; the miner image is built on each.
  const warm = await fleetOf(4, '2026-01-01', 'warm');
  console.log(
    `warm-up (not measured): runner image ${warm.map((m) => `${m.machine} ${m.timings.imageHow} ${ms(m.timings.imageMs)} ms`).join(', ')}`,
  );
  // The runner image tag follows the sources: an edit in between rebuilds it, so image time is shown apart.
  const rows: string[][] = [
    [
      'engines',
      'connect ms',
      'runner image (how: count)',
      'start to first query ms, image excluded (median, max)',
      'copy-back ms per run (median)',
      'machine total ms (median)',
    ],
  ];
  for (const n of [1, 2, 4]) {
    const out: MachineOutcome[] = [];
    for (const rep of [1, 2, 3]) for (const x of await fleetOf(n, `2026-01-0${rep + 1}`, `n${n}`)) out.push(x);
    const t = out.map((m) => m.timings);
    const how = [...new Set(t.map((x) => x.imageHow))]
      .map((h) => `${h}: ${t.filter((x) => x.imageHow === h).length}`)
      .join(', ');
    const first = t.map((x) => x.startToFirstQueryMs! - x.imageMs!);
    rows.push([
      String(n),
      ms(med(t.map((x) => x.connectMs!))),
      how,
      `${ms(med(first))}, ${ms(maxOf(first))}`,
      ms(med(t.flatMap((x) => x.copyBackMs))),
      ms(med(t.map((x) => x.totalMs!))),
    ]);
  }
  const w = rows[0]!.map((_, i) => maxOf(rows.map((r) => r[i]!.length)));
  console.log(
    `\nfleet coordinator overhead, ${os.cpus().length} cores, 3 nights per size, one 100-query template run per machine\n`,
  );
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i]!)).join('  '));
} finally {
  for (const e of engines) await e.destroy();
  rmSync(work, { recursive: true, force: true });
}
