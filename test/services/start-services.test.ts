// startServices on loopback with the real servers: the miner's environment, clip URLs moved in both a query's body and
// its Python source line, one stop for all (closing every port), and a bind failure that leaves nothing listening.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CLIP_URL_ORIGIN } from '../../harness/services/clip-origin.ts';
import { ClipServer } from '../../harness/services/clip-server.ts';
import type { ServiceSpec } from '../../harness/services/service-specs.ts';
import { startServices } from '../../harness/services/start-services.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'minerbench-services-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const SPECS: Record<string, ServiceSpec> = {
  world: {
    kind: 'window-world',
    env: { url: 'WORLD_URL' },
    windowBlocks: 30,
    beaconPeriodS: 3,
    clock: { blockSeconds: 12, speed: 60, startBlock: 6_000_015, seed: 'test' },
  },
  sink: {
    kind: 's3-sink',
    bucket: 'vidaio',
    env: { endpoint: 'S3_URL', bucket: 'S3_BUCKET', accessKeyId: 'S3_KEY', secretAccessKey: 'S3_SECRET' },
  },
  clips: { kind: 'clip-server', clips: [{ name: 'c.mp4', width: 32, height: 18, seconds: 0.2, fps: 10 }] },
};

const refuses = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });

describe('startServices', () => {
  it('starts the three on one address, gives the miner its variables and stops them all', async () => {
    const steps: string[] = [];
    let t = 0;
    const s = await startServices({
      specs: SPECS,
      host: '127.0.0.1',
      uploadsDir: path.join(dir, 'uploads'),
      clipsCacheDir: path.join(dir, 'cache'),
      now: () => (t += 10),
      signal: new AbortController().signal,
      onStep: (d) => steps.push(d),
    });
    expect(Object.keys(s.instances).sort()).toEqual(['clips', 'sink', 'world']);
    expect(steps).toEqual([`clips: 1 clips (ffmpeg testsrc2, cached under ${path.join(dir, 'cache')})`]);
    const port = (name: string) => s.started[name]!.address.port;
    expect(s.env).toEqual({
      S3_URL: `http://127.0.0.1:${port('sink')}`,
      S3_BUCKET: 'vidaio',
      S3_KEY: expect.stringMatching(/^MB[0-9A-F]{18}$/),
      S3_SECRET: expect.any(String),
      WORLD_URL: `http://127.0.0.1:${port('world')}`,
    });
    expect(s.started.clips!.clips).toMatchObject({ cached: false, count: 1 });
    // The world answers its block on the run's clock: 12 s blocks at 60x = one per 200 ms of it.
    const block = (await (await fetch(`${s.env.WORLD_URL}/block`)).json()) as { number: number; window_start: number };
    expect(block.window_start).toBe(6_000_000);
    // A query's body and its source line (what the synapse transport sends) both move to the clip server.
    const url = `${CLIP_URL_ORIGIN}/clips/c.mp4`;
    const q = s.rewriteQuery({
      t: 0,
      synapse: 'VideoCompressionProtocol',
      line: 1,
      body: { miner_payload: { reference_video_urls: [url], target_bitrate: 10.0 }, other: 'http://x/clips/c.mp4' },
      source: `{"t":0,"body":{"miner_payload":{"reference_video_urls":["${url}"],"target_bitrate":10.0},"other":"http://x/clips/c.mp4"}}`,
    });
    const served = `http://127.0.0.1:${port('clips')}/clips/c.mp4`;
    expect(q.body).toEqual({
      miner_payload: { reference_video_urls: [served], target_bitrate: 10 },
      other: 'http://x/clips/c.mp4',
    });
    expect(q.source).toBe(
      `{"t":0,"body":{"miner_payload":{"reference_video_urls":["${served}"],"target_bitrate":10.0},"other":"http://x/clips/c.mp4"}}`,
    );
    expect((await fetch(served)).status).toBe(200);
    const records = await s.stop();
    expect(Object.keys(records).sort()).toEqual(['clips', 'sink', 'world']);
    expect(records.clips).toMatchObject({ kind: 'clip-server', servedByClip: { 'c.mp4': 1 } });
    expect(records.world).toMatchObject({ kind: 'window-world', requests: { '/block': 1 } });
    expect(await s.stop()).toBe(records); // once only
    for (const name of ['clips', 'sink', 'world']) expect(await refuses(port(name))).toBe(true);
  }, 60_000);

  it('names the service that cannot bind', async () => {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine
    const err = await startServices({
      specs: { world: SPECS.world! },
      host: '192.0.2.1',
      uploadsDir: path.join(dir, 'uploads2'),
      clipsCacheDir: path.join(dir, 'cache'),
      now: () => 0,
      signal: new AbortController().signal,
    }).catch((e: Error) => e);
    expect(err).toMatchObject({
      code: 'WORKLOAD_SERVICE_FAILED',
      message: 'the block clock cannot listen on 192.0.2.1:0',
    });
  });

  it('stops the services it had started when a later one fails', async () => {
    // the uploads folder is a file: the sink (started after the clip server) cannot make its bucket folder
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const stop = vi.spyOn(ClipServer.prototype, 'stop');
    const err = await startServices({
      specs: { clips: SPECS.clips!, sink: SPECS.sink! },
      host: '127.0.0.1',
      uploadsDir: file,
      clipsCacheDir: path.join(dir, 'cache'),
      now: () => 0,
      signal: new AbortController().signal,
    }).catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'ENOTDIR' });
    expect(stop).toHaveBeenCalledTimes(1);
    const closed = (await stop.mock.results[0]!.value) as { url: string };
    expect(await refuses(Number(new URL(closed.url).port))).toBe(true);
    stop.mockRestore();
  }, 60_000);
});
