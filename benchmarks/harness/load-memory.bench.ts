// Benchmark: the harness's RSS over a long open-loop run of the signed path against a no-op axon (its own process),
// every record and answer written to records.jsonl / responses.jsonl through the run's JsonlWriter, sampled each second; the slope of a least-squares line after the warm-up, and the growth it projects for 8 hours.
// Goal (issue 14): RSS flat within 10% after the warm-up. Run: npm run bench -- memory   (10 min at 1,000 q/s;
// --quick or BENCH_QUICK=1: 1 min; --rate N or BENCH_RATE=N: the highest rate the machine holds without drops)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonlWriter } from '../../harness/artifacts/jsonl-writer.ts';
import { maxOf } from '../../harness/model/min-max.ts';
import { BittensorSynapseSender } from '../../harness/transport/bittensor-synapse.ts';
import { ephemeralKeys } from '../../harness/transport/ephemeral-keys.ts';
import { fmt, QUICK, row, startMiner, DUMMY, DUMMY_QUERY } from './bench-support.ts';
import { measureOpenLoop } from './open-loop-measure.ts';

const quick = QUICK || process.argv.includes('--quick');
const rateArg = process.argv.indexOf('--rate');
const RATE = Number(rateArg >= 0 ? process.argv[rateArg + 1] : (process.env.BENCH_RATE ?? 1000));
const SECONDS = quick ? 60 : 600;
/** The first fifth of the run is warm-up for the fit (JIT, connection pool, heap sizing). */
const FIT_FROM_S = SECONDS / 5;

/** Least-squares line through (x, y): slope and intercept. */
function linearFit(points: ReadonlyArray<readonly [number, number]>): { slope: number; intercept: number } {
  const n = points.length;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

const keys = await ephemeralKeys();
const miner = await startMiner('noop', null);
const dir = mkdtempSync(path.join(os.tmpdir(), 'minerbench-bench-memory-'));
const records = new JsonlWriter(path.join(dir, 'records.jsonl'));
const responses = new JsonlWriter(path.join(dir, 'responses.jsonl'));
try {
  const transport = new BittensorSynapseSender({ config: DUMMY, signer: keys.dendrite });
  const m = await measureOpenLoop({
    transport,
    endpoint: { host: '127.0.0.1', port: miner.port, hotkey: keys.miner.address },
    query: DUMMY_QUERY,
    rate: RATE,
    seconds: SECONDS,
    onRecord: (r, response) => {
      records.write(r);
      responses.write({ i: r.i, r: response });
    },
  });
  transport.close();
  await Promise.all([records.close(), responses.close()]);
  const after = m.rss.filter(([t]) => t >= FIT_FROM_S);
  const fit = linearFit(after);
  const start = fit.intercept + fit.slope * FIT_FROM_S;
  const end = fit.intercept + fit.slope * SECONDS;
  const growth = (end - start) / start;
  row({
    bench: 'memory',
    metric: `signed path at ${RATE} q/s for ${SECONDS} s (achieved ${fmt(m.achieved, 1)} q/s, ${m.dropped} dropped): RSS at ${FIT_FROM_S} s / end / max`,
    value: `${fmt(after[0]?.[1] ?? NaN, 0)} / ${fmt(after[after.length - 1]?.[1] ?? NaN, 0)} / ${fmt(maxOf(after.map(([, y]) => y)), 0)} MB`,
    goal: 'reference',
    pass: null,
  });
  row({
    bench: 'memory',
    metric: `RSS slope after ${FIT_FROM_S} s (least squares), growth over the fit, 8 h at that slope`,
    value: `${fmt(fit.slope * 60, 2)} MB/min; ${fmt(growth * 100, 1)}%; ${fit.slope >= 0 ? '+' : ''}${fmt(fit.slope * 8 * 3600, 0)} MB`,
    goal: 'growth <= 10%',
    pass: growth <= 0.1,
  });
  const mb = (f: string) => statSync(path.join(dir, f)).size / 1e6;
  row({
    bench: 'memory',
    metric: 'written meanwhile: records.jsonl / responses.jsonl (lines)',
    value: `${fmt(mb('records.jsonl'), 0)} / ${fmt(mb('responses.jsonl'), 0)} MB (${records.lines} / ${responses.lines})`,
    goal: 'reference',
    pass: null,
  });
} finally {
  miner.stop();
  await Promise.allSettled([records.close(), responses.close()]);
  rmSync(dir, { recursive: true, force: true });
}
