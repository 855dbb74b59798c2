// ClipServer: serves files of one folder under /clips/, answers ranges, counts requests, records 404s, closes cleanly.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClipServer } from '../../harness/services/clip-server.ts';

let dir: string;
let server: ClipServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'minerbench-clips-'));
  await writeFile(path.join(dir, 'hd.mp4'), '0123456789');
  let t = 0;
  server = new ClipServer({ host: '127.0.0.1', port: 0, root: dir, now: () => ++t });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string> = {}, method = 'GET', agent: Agent | false = false) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('ClipServer', () => {
  it('serves a clip whole, by range and by HEAD', async () => {
    const url = server.clipUrl('hd.mp4');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/clips\/hd\.mp4$/);
    expect(await get(url)).toMatchObject({ status: 200, body: '0123456789', headers: { 'content-type': 'video/mp4' } });
    expect(await get(url, { range: 'bytes=2-4' })).toMatchObject({ status: 206, body: '234' });
    expect(await get(url, { range: 'bytes=-3' })).toMatchObject({ status: 206, body: '789' });
    expect(await get(url, { range: 'bytes=20-' })).toMatchObject({ status: 416 });
    expect(await get(url, {}, 'HEAD')).toMatchObject({ status: 200, body: '', headers: { 'content-length': '10' } });
  });

  it('answers 404 for a missing clip or a path outside the folder, and records each', async () => {
    const base = server.clipUrl('x').replace(/\/clips\/x$/, '');
    expect((await get(`${base}/clips/missing.mp4`)).status).toBe(404);
    expect((await get(`${base}/clips/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await get(`${base}/elsewhere`)).status).toBe(404);
    expect((await get(`${base}/clips/hd.mp4`, {}, 'POST')).status).toBe(405);
    const rec = server.record();
    expect(rec.notFound).toEqual(['/clips/missing.mp4', '/clips/..%2F..%2Fetc%2Fpasswd', '/elsewhere']);
    // GET, two ranges and HEAD answered 200/206 (the 416 is not a serve)
    expect(rec.servedByClip).toEqual({ 'hd.mp4': 4 });
    expect(rec.requests.map((r) => r.status)).toEqual([200, 206, 206, 416, 200, 404, 404, 404, 405]);
    expect(rec.requests[0]!.bytes).toBe(10);
  });

  it('stops with a keep-alive connection open, and then refuses connections', async () => {
    const url = server.clipUrl('hd.mp4');
    const agent = new Agent({ keepAlive: true });
    await get(url, {}, 'GET', agent);
    expect(Object.keys(agent.freeSockets)).toHaveLength(1); // the connection stays open after the answer
    const record = await server.stop();
    agent.destroy();
    expect(record.kind).toBe('clip-server');
    await expect(get(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
