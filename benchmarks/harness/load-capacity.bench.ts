// Benchmark: the highest closed-loop rate minerbench drives against a no-op miner on one core, beside autocannon's.
// Run: taskset -c 0 npx tsx benchmarks/harness/load-capacity.bench.ts   (the miner is pinned to core 1; BENCH_QUICK=1: 5 s)
import autocannon from 'autocannon';
import { runClosedLoop } from '../../harness/load/closed-loop.ts';
import { OpenAiHttpSender } from '../../harness/transport/openai-http.ts';
import { fmt, QUICK, row, startMiner } from './bench-support.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const SECONDS = QUICK ? 5 : 15;
const CONNECTIONS = 32;
const miner = await startMiner('noop');
const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const ac = await autocannon({
  url: `http://127.0.0.1:${miner.port}/v1/chat/completions`,
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
  connections: CONNECTIONS,
  duration: SECONDS,
});
const acRate = ac.requests.total / SECONDS;
const transport = new OpenAiHttpSender({ config: {} });
const t0 = performance.now();
const records: RequestRecord[] = [];
const out = await runClosedLoop({
  onRecord: (r) => void records.push(r),
  queries: [{ t: 0, synapse: '/v1/chat/completions', body, line: 1 }],
  count: 0,
  durationS: SECONDS,
  warmup: 2000,
  concurrency: CONNECTIONS,
  transport,
  endpoint: { host: '127.0.0.1', port: miner.port, hotkey: '' },
  timeoutS: 5,
  now: () => performance.now() - t0,
  signal: new AbortController().signal,
});
transport.close();
miner.stop();
const measured = records.filter((r) => !r.warmup && r.status === 'ok');
const ours = measured.length / ((out.endedMs - out.measureStartMs) / 1000);
row({
  bench: 'capacity',
  metric: `autocannon, ${CONNECTIONS} connections, one core`,
  value: `${fmt(acRate, 0)} req/s`,
  goal: 'reference',
  pass: null,
});
row({
  bench: 'capacity',
  metric: `minerbench closed loop (openai-http), ${CONNECTIONS} workers, one core`,
  value: `${fmt(ours, 0)} q/s (ratio ${fmt(ours / acRate, 2)})`,
  goal: 'ratio >= 0.8',
  pass: ours / acRate >= 0.8,
});
