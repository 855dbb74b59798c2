// Tests of the capture proxy on loopback: forwards unchanged (streams as they come), keeps order, survives a restart.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCaptureProxy } from '../../harness/capture/capture-proxy.ts';
import { readQueriesFile } from '../../harness/load/queries-file.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-capture-'));
let n = 0;
const outFile = () => path.join(dir, `c${n++}.jsonl`);
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function upstream(handler: http.RequestListener, port = 0): Promise<http.Server> {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(port, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => (s.closeAllConnections(), s.close(() => r()))));
  return s;
}
const portOf = (s: http.Server) => (s.address() as AddressInfo).port;

function post(
  port: number,
  p: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders; chunks: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: p, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let b = '';
        let chunks = 0;
        res.on('data', (c: Buffer) => ((b += c.toString()), chunks++));
        res.on('end', () => resolve({ status: res.statusCode!, body: b, headers: res.headers, chunks }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('capture proxy', () => {
  it('forwards bodies, statuses, underscore headers and streamed chunks unchanged, and records each query in arrival order', async () => {
    const up = await upstream((req, res) => {
      let b = '';
      req.on('data', (c: Buffer) => (b += c));
      req.on('end', () => {
        const q = JSON.parse(b) as { n: number };
        if (req.url === '/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: a\n\n');
          setTimeout(() => res.end('data: [DONE]\n\n'), 30);
          return;
        }
        // Later requests answer sooner, so completions come back out of order.
        setTimeout(
          () => {
            res.writeHead(q.n === 2 ? 404 : 200, {
              'content-type': 'application/json',
              bt_header_axon_status_code: '200',
            });
            res.end(JSON.stringify({ echo: q.n, saw: req.headers['bt_header_dendrite_hotkey'] ?? null }));
          },
          60 - q.n * 10,
        );
      });
    });
    const out = outFile();
    const proxy = await startCaptureProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: { host: '127.0.0.1', port: portOf(up) },
      out,
      maxBodyBytes: 1 << 20,
    });
    cleanups.push(proxy.close);
    const answers = await Promise.all(
      [0, 1, 2, 3].map((k) =>
        post(proxy.address.port, '/Dummy', JSON.stringify({ n: k }), {
          bt_header_dendrite_hotkey: '5Grw',
          timeout: '12.0',
        }),
      ),
    );
    expect(answers.map((a) => [a.status, JSON.parse(a.body)])).toEqual([
      [200, { echo: 0, saw: '5Grw' }],
      [200, { echo: 1, saw: '5Grw' }],
      [404, { echo: 2, saw: '5Grw' }],
      [200, { echo: 3, saw: '5Grw' }],
    ]);
    expect(answers[0]!.headers['bt_header_axon_status_code']).toBe('200');
    const s = await post(proxy.address.port, '/stream', '{"n": 9}');
    expect(s).toMatchObject({ status: 200, body: 'data: a\n\ndata: [DONE]\n\n' });
    expect(s.chunks).toBe(2);
    await proxy.close();
    cleanups.pop();
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { body: { n: number }; status: number; synapse: string; timeout?: number });
    expect(lines.map((l) => [l.synapse, l.body.n, l.status])).toEqual([
      ['Dummy', 0, 200],
      ['Dummy', 1, 200],
      ['Dummy', 2, 404],
      ['Dummy', 3, 200],
      ['/stream', 9, 200],
    ]);
    expect(readQueriesFile(out)).toHaveLength(5); // the capture is a valid queries file
  });

  it('answers 502 while the upstream is down, records those too, and forwards again once it is back', async () => {
    const handler: http.RequestListener = (req, res) => req.resume().on('end', () => res.end('{"ok":true}'));
    const up = await upstream(handler);
    const port = portOf(up);
    const out = outFile();
    const proxy = await startCaptureProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: { host: '127.0.0.1', port },
      out,
      maxBodyBytes: 1 << 20,
    });
    cleanups.push(proxy.close);
    expect((await post(proxy.address.port, '/A', '{"k":1}')).status).toBe(200);
    await new Promise<void>((r) => (up.closeAllConnections(), up.close(() => r())));
    const down = await post(proxy.address.port, '/A', '{"k":2}');
    expect(down.status).toBe(502);
    expect(down.body).toMatch(/upstream 127\.0\.0\.1:\d+ unavailable \(ECONNREFUSED\)/);
    await upstream(handler, port);
    expect((await post(proxy.address.port, '/A', '{"k":3}')).status).toBe(200);
    await proxy.close();
    cleanups.pop();
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => [JSON.parse(l).body.k, JSON.parse(l).status]),
    ).toEqual([
      [1, 200],
      [2, 502],
      [3, 200],
    ]);
    expect(proxy.stats).toEqual({ requests: 3, captured: 3, skipped: 0, upstreamErrors: 1 });
  });

  it('cannot listen: CAPTURE_FAILED, and no empty --out is left, so the retry with the same --out works', async () => {
    const live = await upstream((_q, r) => r.end());
    const taken = await upstream((_q, r) => r.end());
    const out = outFile();
    await expect(
      startCaptureProxy({
        listen: { host: '127.0.0.1', port: portOf(taken) },
        upstream: { host: '127.0.0.1', port: portOf(live) },
        out,
        maxBodyBytes: 1,
      }),
    ).rejects.toMatchObject({
      code: 'CAPTURE_FAILED',
      message: `--listen 127.0.0.1:${portOf(taken)}: cannot listen (EADDRINUSE)`,
    });
    expect(existsSync(out)).toBe(false);
    const retry = await startCaptureProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: { host: '127.0.0.1', port: portOf(live) },
      out,
      maxBodyBytes: 1,
    });
    await retry.close();
    expect(readFileSync(out, 'utf8')).toBe('');
  });

  it('refuses to start when the upstream refuses connections, and never overwrites --out', async () => {
    const up = await upstream((_q, r) => r.end());
    const dead = portOf(up);
    await new Promise<void>((r) => (up.closeAllConnections(), up.close(() => r())));
    cleanups.pop();
    await expect(
      startCaptureProxy({
        listen: { host: '127.0.0.1', port: 0 },
        upstream: { host: '127.0.0.1', port: dead },
        out: outFile(),
        maxBodyBytes: 1,
      }),
    ).rejects.toMatchObject({
      code: 'CAPTURE_UPSTREAM_UNREACHABLE',
      message: `--upstream 127.0.0.1:${dead}: cannot connect (ECONNREFUSED)`,
    });
    const live = await upstream((_q, r) => r.end());
    const out = outFile();
    const p = await startCaptureProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: { host: '127.0.0.1', port: portOf(live) },
      out,
      maxBodyBytes: 1,
    });
    await p.close();
    await expect(
      startCaptureProxy({
        listen: { host: '127.0.0.1', port: 0 },
        upstream: { host: '127.0.0.1', port: portOf(live) },
        out,
        maxBodyBytes: 1,
      }),
    ).rejects.toMatchObject({ code: 'CAPTURE_FAILED' });
  });
});
