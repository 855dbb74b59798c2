// Benchmark: the signed synapse path (bittensor-synapse: Python-typed body, body hash, sr25519 signature) against a
// no-op axon in its own process, open loop at 500 and 1,000 q/s, beside the plain path (openai-http) at the same rates:
// achieved rate, send lag p50/p99/max, CPU per query (process and schedule thread), event-loop p99.
// Run: npm run bench -- signed   (BENCH_QUICK=1: 5 s a run; the client is not pinned: it and the axon share the cores)
import { BittensorSynapseSender } from '../../harness/transport/bittensor-synapse.ts';
import { ephemeralKeys } from '../../harness/transport/ephemeral-keys.ts';
import { OpenAiHttpSender } from '../../harness/transport/openai-http.ts';
import { defaultSigningWorkers } from '../../harness/transport/signing-pool.ts';
import type { Transport } from '../../harness/transport/transport.ts';
import { fmt, QUICK, row, startMiner, DUMMY, DUMMY_QUERY } from './bench-support.ts';
import { measureClosedLoop, measureOpenLoop } from './open-loop-measure.ts';

const SECONDS = QUICK ? 5 : 20;
const RATES = [500, 1000];
const CLOSED_SECONDS = QUICK ? 3 : 10;
const keys = await ephemeralKeys();
const miner = await startMiner('noop', null);
const endpoint = { host: '127.0.0.1', port: miner.port, hotkey: keys.miner.address };
const paths: Array<{ name: string; make: () => Transport; query: Parameters<typeof measureOpenLoop>[0]['query'] }> = [
  {
    name: 'plain (openai-http)',
    make: () => new OpenAiHttpSender({ config: {} }),
    query: {
      t: 0,
      synapse: '/v1/chat/completions',
      body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      line: 1,
    },
  },
  {
    name: `signed (bittensor-synapse, ${defaultSigningWorkers()} signing worker(s))`,
    make: () => new BittensorSynapseSender({ config: DUMMY, signer: keys.dendrite }),
    query: DUMMY_QUERY,
  },
];
try {
  for (const rate of RATES) {
    for (const p of paths) {
      const transport = p.make();
      const m = await measureOpenLoop({ transport, endpoint, query: p.query, rate, seconds: SECONDS });
      transport.close();
      const signedAtGoal = p.name.startsWith('signed') && rate === 1000;
      row({
        bench: 'signed',
        metric: `${p.name} at ${rate} q/s, ${SECONDS} s: achieved rate, send lag p50 / p99 / max`,
        value: `${fmt(m.achieved, 1)} q/s; ${fmt(m.lagP50, 3)} / ${fmt(m.lagP99, 3)} / ${fmt(m.lagMax, 1)} ms`,
        goal: signedAtGoal ? 'p99 <= 2 ms' : 'reference',
        pass: signedAtGoal ? m.lagP99 <= 2 : null,
      });
      row({
        bench: 'signed',
        metric: `${p.name} at ${rate} q/s: CPU per query (process, spin-wait included / signing workers), event-loop p99, ok, dropped, signed on the schedule thread (workers late)`,
        value: `${fmt(m.cpuUsPerQuery, 0)} / ${fmt(m.signingUsPerQuery, 0)} us; ${m.eventLoopP99} ms; ${m.ok}/${m.measured}; ${m.dropped}; ${m.signedOnScheduleThread}`,
        goal: 'no drops',
        pass: m.dropped === 0,
      });
    }
  }
  // The CPU a query costs the client without the open loop's spin-wait: a closed loop at its highest rate.
  for (const p of paths) {
    const transport = p.make();
    await transport.send(p.query, endpoint, { timeoutS: 5, now: () => performance.now() });
    const c = await measureClosedLoop({
      transport,
      endpoint,
      query: p.query,
      seconds: CLOSED_SECONDS,
      concurrency: 32,
    });
    transport.close();
    row({
      bench: 'signed',
      metric: `${p.name}, closed loop, 32 workers, ${CLOSED_SECONDS} s: rate, CPU per query (process / signing workers)`,
      value: `${fmt(c.rate, 0)} q/s; ${fmt(c.cpuUsPerQuery, 0)} / ${fmt(c.signingUsPerQuery, 0)} us`,
      goal: 'measurement',
      pass: null,
    });
  }
} finally {
  miner.stop();
}
