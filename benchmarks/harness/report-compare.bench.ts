// Benchmark: the comparison report of 500 results (20 machines x 25 subnets), from result files and from the index.
// Run: npx tsx benchmarks/harness/report-compare.bench.ts [machines=20] [subnets=25]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bench } from 'tinybench';
import { findResultFiles } from '../../harness/results/find-result-files.ts';
import { importResults } from '../../harness/results/import-results.ts';
import { indexedRunOf } from '../../harness/results/indexed-run-of.ts';
import { indexPath, openIndex } from '../../harness/results/open-index.ts';
import { queryRuns } from '../../harness/results/query-runs.ts';
import { parseResult } from '../../harness/results/read-result.ts';
import { compareReportHtml } from '../../reports/compare-report-html.ts';
import { fleetResults } from '../../test/fixtures/results/synthetic-results.ts';
import { writeResult } from '../../test/results/support/temp-store.ts';
import { maxOf } from '../../harness/model/min-max.ts';

const machines = Number(process.argv[2] ?? 20);
const subnets = Number(process.argv[3] ?? 25);
const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-bench-compare-'));
const results = fleetResults(machines, subnets);
for (const r of results) writeResult(dir, r);
const files = findResultFiles(path.join(dir, 'runs'));
const db = openIndex(indexPath(dir));
importResults(db, [path.join(dir, 'runs')], { outDir: dir });
const bytesOnDisk = files.reduce((a, f) => a + readFileSync(f).length, 0);

let html = '';
const bench = new Bench({ iterations: 10, warmupIterations: 2 });
bench
  .add(`from ${files.length} result files: read, parse, figures, compare, HTML`, () => {
    html = compareReportHtml(files.map((f) => indexedRunOf(parseResult(readFileSync(f, 'utf8'), f), f)));
  })
  .add(`from the index: query ${results.length} runs with figures, compare, HTML`, () => {
    html = compareReportHtml(queryRuns(db));
  });
await bench.run();
db.close();
rmSync(dir, { recursive: true, force: true });

process.stdout.write(
  `comparison report of ${results.length} results (${machines} machines x ${subnets} subnets; ${(bytesOnDisk / 1e6).toFixed(1)} MB of result JSON); node ${process.version}, ${os.cpus()[0]?.model.trim()} x ${os.cpus().length}\n\n`,
);
const rows = bench.tasks.map((t) => {
  const r = t.result as { latency?: { mean: number; p99?: number; max?: number }; period?: number } | undefined;
  return [t.name, (r?.latency?.mean ?? NaN).toFixed(0), (r?.latency?.max ?? NaN).toFixed(0), String(10)];
});
const head = ['task', 'mean ms', 'max ms', 'iterations'];
const widths = head.map((_, c) => maxOf([head, ...rows].map((r) => r[c]!.length)));
for (const r of [head, ...rows])
  process.stdout.write(`${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`);
process.stdout.write(
  `\nreport file: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB (limit 3 MB); limit for generation: 1000 ms\n`,
);
