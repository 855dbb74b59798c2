// Benchmark: the p99 the capture proxy adds to a request on loopback (the real `minerbench capture` in its own process).
// Run: npx tsx benchmarks/harness/load-capture.bench.ts   (BENCH_QUICK=1: 2,000 requests each)
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fmt, HERE, percentile, QUICK, row, startMiner } from './bench-support.ts';
import {} from '../../harness/model/min-max.ts';

const N = QUICK ? 2000 : 10_000;
const miner = await startMiner('noop');
const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'mb-bench-capture-')), 'captured.jsonl');
const proxyPort = 20000 + Math.floor(Math.random() * 20000);
const proxy = spawn(
  process.execPath,
  [
    path.join(HERE, '../../bin/minerbench.js'),
    'capture',
    '--listen',
    `127.0.0.1:${proxyPort}`,
    '--upstream',
    `127.0.0.1:${miner.port}`,
    '--out',
    out,
  ],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);
await new Promise<void>((resolve, reject) => {
  proxy.stderr!.on('data', (d: Buffer) => d.toString().includes('listening on') && resolve());
  proxy.once('exit', (c) => reject(new Error(`capture exited with ${c}`)));
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
function once(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/chat/completions',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - t));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
async function series(port: number): Promise<number[]> {
  for (let k = 0; k < 500; k++) await once(port); // warm-up
  const out: number[] = [];
  for (let k = 0; k < N; k++) out.push(await once(port));
  return out;
}
// Interleave blocks so drift hits both alike.
const direct: number[] = [];
const proxied: number[] = [];
for (let b = 0; b < 4; b++) {
  for (const x of await series(miner.port)) direct.push(x);
  for (const x of await series(proxyPort)) proxied.push(x);
}
agent.destroy();
proxy.kill('SIGINT');
await new Promise((r) => proxy.once('exit', r));
miner.stop();
const d50 = percentile(direct, 0.5),
  d99 = percentile(direct, 0.99),
  p50 = percentile(proxied, 0.5),
  p99 = percentile(proxied, 0.99);
row({
  bench: 'capture',
  metric: `request p50 / p99 direct vs through the proxy (${4 * N} each, one at a time)`,
  value: `${fmt(d50, 3)} / ${fmt(d99, 3)} vs ${fmt(p50, 3)} / ${fmt(p99, 3)} ms`,
  goal: 'reference',
  pass: null,
});
row({
  bench: 'capture',
  metric: 'p99 added by the capture proxy',
  value: `${fmt(p99 - d99, 3)} ms`,
  goal: '< 1 ms',
  pass: p99 - d99 < 1,
});
