// Benchmark: 100 q/s open loop against a miner that answers in 5 ms but freezes 1 s in every 5 s; minerbench's p99
// from the intended start against the truth computed from the schedule, beside autocannon on the same miner.
// Run: npx tsx benchmarks/harness/load-stall.bench.ts   (BENCH_QUICK=1: 10 s)
import autocannon from 'autocannon';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import { OpenAiHttpSender } from '../../harness/transport/openai-http.ts';
import { fmt, percentile, QUICK, row, startMiner } from './bench-support.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const RATE = 100;
const SECONDS = QUICK ? 10 : 30;
const miner = await startMiner('stall');
const transport = new OpenAiHttpSender({ config: {} });
const t0 = performance.now();
const wall0 = Date.now();
const clock = realClock(() => performance.now() - t0);
const query = { t: 0, synapse: '/v1/chat/completions', body: { model: 'm', messages: [] }, line: 1 };
const records: RequestRecord[] = [];
await runOpenLoop({
  onRecord: (r) => void records.push(r),
  queries: [query],
  schedule: constantSchedule(RATE),
  warmup: 0,
  durationS: SECONDS,
  maxInFlight: 1000,
  whenFull: 'drop',
  transport,
  endpoint: { host: '127.0.0.1', port: miner.port, hotkey: '' },
  timeoutS: 10,
  clock,
  signal: new AbortController().signal,
});
transport.close();
// Truth from the schedule: an answer due (intended + 5 ms) inside a freeze [k*5000, k*5000+1000) wall ms comes at its end.
const truth = records.map((r) => {
  const due = wall0 + r.intendedMs + 5;
  const inWindow = due % 5000;
  return inWindow < 1000 ? due - inWindow + 1000 - (wall0 + r.intendedMs) : 5;
});
const ours = records.filter((r) => r.status === 'ok').map((r) => r.endMs - r.intendedMs);
const fromSend = records.filter((r) => r.status === 'ok').map((r) => r.endMs - r.sentMs);
const [t50, t90, t99] = [0.5, 0.9, 0.99].map((q) => percentile(truth, q));
const m99 = percentile(ours, 0.99);
const err = Math.abs(m99 - t99!) / t99!;
const ac = await autocannon({
  url: `http://127.0.0.1:${miner.port}/v1/chat/completions`,
  method: 'POST',
  body: JSON.stringify(query.body),
  headers: { 'content-type': 'application/json' },
  overallRate: RATE,
  connections: 100,
  duration: SECONDS,
});
miner.stop();
row({
  bench: 'stall',
  metric: 'truth from the schedule p50 / p90 / p99',
  value: `${fmt(t50!, 1)} / ${fmt(t90!, 1)} / ${fmt(t99!, 1)} ms`,
  goal: '~5 / ~500 / ~950 ms',
  pass: null,
});
row({
  bench: 'stall',
  metric: 'minerbench from intended p50 / p90 / p99',
  value: `${fmt(percentile(ours, 0.5), 1)} / ${fmt(percentile(ours, 0.9), 1)} / ${fmt(m99, 1)} ms (p99 ${fmt(err * 100, 1)}% off)`,
  goal: 'p99 within 5% of truth',
  pass: err <= 0.05,
});
row({
  bench: 'stall',
  metric: 'minerbench from actual send p99 (same run)',
  value: `${fmt(percentile(fromSend, 0.99), 1)} ms`,
  goal: 'open loop: close to the above',
  pass: null,
});
row({
  bench: 'stall',
  metric: 'autocannon -R 100 -c 100 p50 / p90 / p99',
  value: `${ac.latency.p50} / ${ac.latency.p90} / ${ac.latency.p99} ms (${ac.requests.average} req/s)`,
  goal: 'for comparison',
  pass: null,
});
