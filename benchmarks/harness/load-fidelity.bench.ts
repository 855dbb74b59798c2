// Benchmark: open loop at 1,000 queries/s against a local no-op miner for 30 s: achieved rate and send lag.
// Run: npx tsx benchmarks/harness/load-fidelity.bench.ts   (BENCH_QUICK=1: 5 s)
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { startEventLoopMonitor } from '../../harness/load/event-loop-monitor.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import { OpenAiHttpSender } from '../../harness/transport/openai-http.ts';
import { fmt, percentile, QUICK, row, startMiner } from './bench-support.ts';
import { maxOf, minOf } from '../../harness/model/min-max.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const RATE = 1000;
const SECONDS = QUICK ? 5 : 30;
const miner = await startMiner('noop');
const transport = new OpenAiHttpSender({ config: {} });
const t0 = performance.now();
const clock = realClock(() => performance.now() - t0);
const query = {
  t: 0,
  synapse: '/v1/chat/completions',
  body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
  line: 1,
};
const loop = startEventLoopMonitor();
const records: RequestRecord[] = [];
await runOpenLoop({
  onRecord: (r) => void records.push(r),
  queries: [query],
  schedule: constantSchedule(RATE),
  warmup: RATE,
  durationS: SECONDS,
  maxInFlight: 1000,
  whenFull: 'drop',
  transport,
  endpoint: { host: '127.0.0.1', port: miner.port, hotkey: '' },
  timeoutS: 5,
  clock,
  signal: new AbortController().signal,
});
const el = loop.stop();
transport.close();
miner.stop();
const measured = records.filter((r) => !r.warmup);
const sent = measured.filter((r) => r.status !== 'dropped');
const first = minOf(sent.map((r) => r.sentMs));
const last = maxOf(sent.map((r) => r.sentMs));
const achieved = ((sent.length - 1) / (last - first)) * 1000;
const lags = sent.map((r) => r.sentMs - r.intendedMs);
const okShare = measured.filter((r) => r.status === 'ok').length / measured.length;
const offBy = Math.abs(achieved - RATE) / RATE;
row({
  bench: 'fidelity',
  metric: `achieved send rate at ${RATE} q/s, ${SECONDS} s`,
  value: `${fmt(achieved, 1)} q/s (${fmt(offBy * 100, 2)}% off)`,
  goal: 'within 1%',
  pass: offBy <= 0.01,
});
row({
  bench: 'fidelity',
  metric: 'send lag p50 / p99 / max',
  value: `${fmt(percentile(lags, 0.5), 3)} / ${fmt(percentile(lags, 0.99), 3)} / ${fmt(maxOf(lags), 1)} ms`,
  goal: 'p99 <= 2 ms',
  pass: percentile(lags, 0.99) <= 2,
});
row({
  bench: 'fidelity',
  metric: 'dropped / ok share / event-loop p99',
  value: `${measured.length - sent.length} / ${fmt(okShare * 100, 2)}% / ${el.p99Ms} ms`,
  goal: 'no drops',
  pass: sent.length === measured.length,
});
