// Tests of httpExchange against a real local server: timestamps, headers as sent, keep-alive reuse, timeout, abort, broken answers.
import net from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { httpExchange, keepAliveDispatcher, type HttpExchangeInput } from '../../harness/transport/http-exchange.ts';
import { localServer, readBody } from './local-server.ts';

const now = () => performance.now();
const dispatcher = keepAliveDispatcher();
let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});
afterAll(() => dispatcher.destroy());

const post = (port: number, o: Partial<HttpExchangeInput> = {}) =>
  httpExchange({
    dispatcher,
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/p',
    headers: [],
    body: '{"a":1}',
    timeoutMs: 5000,
    now,
    ...o,
  });

describe('httpExchange', () => {
  it('sends headers exactly as named (underscores too) with the body, and times the answer', async () => {
    let seen: { raw: string[]; body: string; url?: string } | undefined;
    const s = await localServer(async (req, res) => {
      seen = { raw: req.rawHeaders, body: await readBody(req), url: req.url };
      res.writeHead(201, { 'x-Reply_Header': 'v' });
      res.end('answer');
    });
    closeServer = s.close;
    const r = await post(s.port, {
      headers: [
        ['bt_header_axon_ip', '1.2.3.4'],
        ['Epistula-Version', '2'],
      ],
    });
    expect(seen!.url).toBe('/p');
    expect(seen!.body).toBe('{"a":1}');
    const raw = seen!.raw;
    expect(raw).toContain('bt_header_axon_ip');
    expect(raw[raw.indexOf('bt_header_axon_ip') + 1]).toBe('1.2.3.4');
    expect(raw).toContain('Epistula-Version');
    expect(raw[raw.findIndex((h) => h.toLowerCase() === 'content-type') + 1]).toBe('application/json');
    expect(raw[raw.findIndex((h) => h.toLowerCase() === 'content-length') + 1]).toBe('7');
    expect(r).toMatchObject({ outcome: 'ok', httpStatus: 201, bytesOut: 7 });
    expect(r.body.toString()).toBe('answer');
    expect(r.headers?.['x-reply_header']).toBe('v');
    expect(r.firstByteMs!).toBeGreaterThanOrEqual(r.sentMs);
    expect(r.endMs).toBeGreaterThanOrEqual(r.firstByteMs!);
  });

  it('sends a GET with no body and no content headers; a 204 answer has an empty body', async () => {
    let raw: string[] = [];
    const s = await localServer((req, res) => {
      raw = req.rawHeaders.map((h) => h.toLowerCase());
      res.writeHead(204);
      res.end();
    });
    closeServer = s.close;
    const r = await post(s.port, { method: 'GET', body: '' });
    expect(raw).not.toContain('content-type');
    expect(raw).not.toContain('content-length');
    expect(r).toMatchObject({ outcome: 'ok', httpStatus: 204, bytesOut: 0 });
    expect(r.body.length).toBe(0);
  });

  // Back-to-back queries reuse one keep-alive connection (the bound of two is loose).
  it('reuses keep-alive connections: queries one after another open at most two', async () => {
    const ports = new Set<number>();
    const s = await localServer((req, res) => {
      ports.add(req.socket.remotePort!);
      res.end('ok');
    });
    closeServer = s.close;
    for (let i = 0; i < 10; i++) expect((await post(s.port)).outcome).toBe('ok');
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it('gives each streamed chunk its arrival time, in order', async () => {
    const s = await localServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const w of ['a', 'b', 'c']) {
        res.write(w);
        await new Promise((r) => setTimeout(r, 15));
      }
      res.end();
    });
    closeServer = s.close;
    const chunks: Array<[string, number]> = [];
    const r = await post(s.port, { onChunk: (c, at) => chunks.push([c.toString(), at]) });
    expect(r.outcome).toBe('ok');
    expect(chunks.map((c) => c[0]).join('')).toBe('abc');
    expect(chunks.length).toBe(3);
    expect(chunks[0]![1]).toBeGreaterThanOrEqual(r.firstByteMs!);
    expect(chunks[2]![1] - chunks[0]![1]).toBeGreaterThanOrEqual(20);
    expect(r.endMs).toBeGreaterThanOrEqual(chunks[2]![1]);
  });

  it('times out a slow answer at the total timeout and closes its connection', async () => {
    let closed = false;
    const s = await localServer((req, res) => {
      req.socket.on('close', () => (closed = true));
      res.writeHead(200);
      res.write('part');
    });
    closeServer = s.close;
    const r = await post(s.port, { timeoutMs: 80 });
    expect(r).toMatchObject({ outcome: 'timeout', error: 'no complete answer within 80 ms' });
    expect(r.httpStatus).toBeUndefined();
    expect(r.endMs - r.sentMs).toBeGreaterThanOrEqual(75);
    await new Promise((res) => setTimeout(res, 50));
    expect(closed).toBe(true);
  });

  it('stops at once when the run is aborted, before or during the answer', async () => {
    const s = await localServer(() => undefined);
    closeServer = s.close;
    const ac = new AbortController();
    const inFlight = [post(s.port, { signal: ac.signal }), post(s.port, { signal: ac.signal })];
    setTimeout(() => ac.abort(), 30);
    for (const r of await Promise.all(inFlight)) expect(r).toMatchObject({ outcome: 'error', error: 'aborted' });
    expect(await post(s.port, { signal: ac.signal })).toMatchObject({ outcome: 'error', error: 'aborted' });
  });

  it('records a connection closed mid-answer as an error, keeping the status and the bytes it got', async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('only part');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    closeServer = s.close;
    const r = await post(s.port);
    expect(r).toMatchObject({ outcome: 'error', httpStatus: 200, error: 'connection closed mid-response' });
    expect(r.body.toString()).toBe('only part');
  });

  it('records a refused connection and a malformed answer as errors', async () => {
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const port = (free.address() as net.AddressInfo).port;
    await new Promise((r) => free.close(r));
    expect((await post(port)).error).toMatch(/^ECONNREFUSED: /);

    const bad = net.createServer((sock) => sock.once('data', () => sock.end('HTTP/1.1 abc\r\n\r\n')));
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
    const r = await post((bad.address() as net.AddressInfo).port);
    await new Promise((res) => bad.close(res));
    expect(r.outcome).toBe('error');
    expect(r.httpStatus).toBeUndefined();
  });
});
