// Benchmark: a miner answering 64 MiB bodies (its own process), open loop through the signed synapse path: every answer
// is the error "answer over N bytes" (the transport's limit: 8 MiB for whole synapse answers) and the harness's event
// loop stays responsive (issue 16: p99 under 100 ms).
// Run: npm run bench -- big-answers   (BENCH_QUICK=1: 5 s)
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { startEventLoopMonitor } from '../../harness/load/event-loop-monitor.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { BittensorSynapseSender } from '../../harness/transport/bittensor-synapse.ts';
import { maxResponseBytes } from '../../harness/transport/response-limit.ts';
import { ephemeralKeys } from '../../harness/transport/ephemeral-keys.ts';
import { fmt, QUICK, row, startMiner } from './bench-support.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const RATE = 20;
const SECONDS = QUICK ? 5 : 20;
const keys = await ephemeralKeys();
const miner = await startMiner('big');
const config: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'Dummy',
  fields: [{ name: 'dummy_input', type: 'int' }],
};
const overLimitError = `answer over ${maxResponseBytes(config)} bytes`;
const transport = new BittensorSynapseSender({ config, signer: keys.dendrite });
try {
  const t0 = performance.now();
  const rss0 = process.memoryUsage.rss();
  let rssMax = rss0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage.rss())), 100);
  const loop = startEventLoopMonitor();
  const records: RequestRecord[] = [];
  await runOpenLoop({
    onRecord: (r) => void records.push(r),
    queries: [{ t: 0, synapse: 'Dummy', body: { dummy_input: 1 }, line: 1, timeout: 12 }],
    schedule: constantSchedule(RATE),
    warmup: RATE,
    durationS: SECONDS,
    maxInFlight: 100,
    whenFull: 'drop',
    transport,
    endpoint: { host: '127.0.0.1', port: miner.port, hotkey: keys.miner.address },
    timeoutS: 12,
    clock: realClock(() => performance.now() - t0),
    signal: new AbortController().signal,
  });
  const el = loop.stop();
  clearInterval(sampler);
  const measured = records.filter((r) => !r.warmup);
  const overLimit = measured.filter((r) => r.error?.startsWith(overLimitError)).length;
  row({
    bench: 'big-answers',
    metric: `64 MiB answers at ${RATE} q/s, ${SECONDS} s (signed path): answers over the limit / measured`,
    value: `${overLimit} / ${measured.length}`,
    goal: 'all',
    pass: overLimit === measured.length,
  });
  row({
    bench: 'big-answers',
    metric: 'harness event-loop p99 / max; RSS growth at its peak',
    value: `${el.p99Ms} / ${el.maxMs} ms; +${fmt((rssMax - rss0) / 1e6, 0)} MB`,
    goal: 'p99 < 100 ms',
    pass: el.p99Ms < 100,
  });
} finally {
  transport.close();
  miner.stop();
}
