// Bounded answers (issue 16): an answer over the transport's maxResponseBytes is the error "answer over N bytes", its
// connection is dropped and at most N bytes of it are kept; a miner answering 64 MiB bodies is counted, not held.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import { BittensorSynapseSender } from '../../harness/transport/bittensor-synapse.ts';
import { DirectHttpSender } from '../../harness/transport/direct-http.ts';
import { signerFromUri } from '../../harness/transport/ephemeral-keys.ts';
import { httpExchange, keepAliveDispatcher } from '../../harness/transport/http-exchange.ts';
import { OpenAiHttpSender } from '../../harness/transport/openai-http.ts';
import {
  maxResponseBytes,
  STREAMED_ANSWER_MAX_BYTES,
  WHOLE_ANSWER_MAX_BYTES,
} from '../../harness/transport/response-limit.ts';
import { localServer } from './local-server.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const MiB = 1024 * 1024;
const BIG = Buffer.alloc(64 * MiB, 0x61); // 64 MiB of 'a', shared by every answer
const now = () => performance.now();
let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

/** Answers every request with 64 MiB: with a content-length, or chunked (1 MiB writes, no length announced). */
function bigAnswers(framing: 'length' | 'chunked', sockets: Set<unknown>): http.RequestListener {
  return (req, res) => {
    sockets.add(req.socket);
    req.resume();
    req.on('end', () => {
      if (framing === 'length') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': BIG.length });
        res.end(BIG);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const more = () => {
        while (sent < BIG.length && !res.destroyed) {
          const ok = res.write(BIG.subarray(sent, (sent += MiB)));
          if (!ok) return void res.once('drain', more);
        }
        if (!res.destroyed) res.end();
      };
      more();
    });
  };
}

describe('maxResponseBytes defaults and profile setting', () => {
  it('is 8 MiB for whole synapse answers, 32 MiB for streamed ones and inference, or what the profile says', () => {
    expect(WHOLE_ANSWER_MAX_BYTES).toBe(8_388_608); // 8 x 1024 x 1024
    expect(STREAMED_ANSWER_MAX_BYTES).toBe(33_554_432); // 32 x 1024 x 1024
    const synapse: BittensorSynapseTransport = { kind: 'bittensor-synapse', synapse: 'Dummy', fields: [] };
    expect(maxResponseBytes(synapse)).toBe(8_388_608);
    expect(maxResponseBytes({ ...synapse, stream: true })).toBe(33_554_432);
    expect(maxResponseBytes({ kind: 'openai-http' })).toBe(33_554_432);
    expect(maxResponseBytes({ ...synapse, maxResponseBytes: 4096 })).toBe(4096);
  });

  it('refuses a profile limit under 1 KiB or not an integer, naming the field', () => {
    const profile = (maxResponseBytes: number) => ({
      id: 'x',
      netuid: 1,
      title: 'x',
      miner: { build: './m', port: 1, ready: { synapse: 'Synapse' }, gpus: 0 },
      transport: { kind: 'openai-http', maxResponseBytes },
      queries: 'q.jsonl',
      validator: { timeoutS: 1, queriesPerMinerPerMinute: 1 },
      score: () => 0,
    });
    expect(validateProfile('p.ts', profile(4096)).transport!.maxResponseBytes).toBe(4096);
    for (const bad of [512, 1.5e6 + 0.5]) {
      let msg = '';
      try {
        validateProfile('p.ts', profile(bad));
      } catch (e) {
        msg = JSON.stringify(e);
      }
      expect(msg).toContain('maxResponseBytes');
    }
  });
});

describe('httpExchange with maxBodyBytes (real local server)', () => {
  const exchange = (dispatcher: ReturnType<typeof keepAliveDispatcher>, port: number, maxBodyBytes: number) =>
    httpExchange({
      dispatcher,
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/Dummy',
      headers: [],
      body: '{}',
      timeoutMs: 10_000,
      now,
      maxBodyBytes,
    });

  for (const framing of ['length', 'chunked'] as const) {
    it(`ends a 64 MiB answer (${framing}) as "answer over N bytes", keeps at most N, and drops the connection`, async () => {
      const sockets = new Set<unknown>();
      const s = await localServer(bigAnswers(framing, sockets));
      closeServer = s.close;
      const dispatcher = keepAliveDispatcher();
      for (let k = 0; k < 2; k++) {
        const r = await exchange(dispatcher, s.port, MiB);
        expect(r.outcome).toBe('error');
        expect(r.error).toBe('answer over 1048576 bytes (transport.maxResponseBytes)');
        expect(r.httpStatus).toBe(200);
        // Nothing of it is kept. With a content-length it is refused at its head, before any body byte is counted;
        // chunked, it is cut at the first read past 1 MiB (reads of at most 64 KiB: under 1 MiB + 64 KiB read).
        expect(r.body.length).toBe(0);
        if (framing === 'length') expect(r.bytesIn).toBe(0);
        else {
          expect(r.bytesIn).toBeGreaterThan(MiB);
          expect(r.bytesIn).toBeLessThanOrEqual(MiB + 65_536);
        }
      }
      // The first connection was dropped, not returned to the pool: the second request came on a new one.
      expect(sockets.size).toBe(2);
      await dispatcher.destroy();
    });
  }

  it('lets an answer of exactly N bytes through and keeps its connection', async () => {
    const sockets = new Set<unknown>();
    const s = await localServer((req, res) => {
      sockets.add(req.socket);
      req.resume();
      req.on('end', () => res.end(BIG.subarray(0, 4096)));
    });
    closeServer = s.close;
    const dispatcher = keepAliveDispatcher();
    for (let k = 0; k < 2; k++) {
      const r = await exchange(dispatcher, s.port, 4096);
      expect(r).toMatchObject({ outcome: 'ok', httpStatus: 200 });
      expect(r.body.length).toBe(4096);
    }
    expect(sockets.size).toBe(1);
    await dispatcher.destroy();
  });
});

describe('a miner answering 64 MiB bodies', () => {
  it('signed synapse path, open loop: every query an "answer over 8388608 bytes" error, none of them held', async () => {
    const sockets = new Set<unknown>();
    const s = await localServer(bigAnswers('chunked', sockets));
    closeServer = s.close;
    const alice = await signerFromUri('//Alice');
    const transport = new BittensorSynapseSender({
      config: { kind: 'bittensor-synapse', synapse: 'Dummy', fields: [{ name: 'dummy_input', type: 'int' }] },
      signer: alice,
    });
    const rss0 = process.memoryUsage.rss();
    const t0 = performance.now();
    const records: RequestRecord[] = [];
    await runOpenLoop({
      onRecord: (r) => void records.push(r),
      queries: [{ t: 0, synapse: 'Dummy', body: { dummy_input: 1 }, line: 1 }],
      schedule: constantSchedule(20),
      warmup: 0,
      count: 40,
      maxInFlight: 100,
      whenFull: 'drop',
      transport,
      endpoint: { host: '127.0.0.1', port: s.port, hotkey: alice.address },
      timeoutS: 30,
      clock: realClock(() => performance.now() - t0),
      signal: new AbortController().signal,
    });
    const grewMb = (process.memoryUsage.rss() - rss0) / 1e6;
    transport.close();
    expect(records).toHaveLength(40);
    expect(records.map((r) => r.error)).toEqual(
      Array.from({ length: 40 }, () => 'answer over 8388608 bytes (transport.maxResponseBytes)'),
    );
    // What was read of each answer: the limit (8 MiB) and one read more at most, never the 64 MiB the miner sent.
    for (const r of records) expect(r.bytesIn).toBeLessThanOrEqual(8_388_608 + 65_536);
    // 40 answers of 64 MiB read whole would be 2.5 GB; with the limit the harness holds at most a few of 8 MiB.
    expect(grewMb).toBeLessThan(400);
    expect(sockets.size).toBe(40); // each answer's connection dropped: none carried a second request
  }, 60_000);

  it("the direct path (a miner's own service, no axon) has the same limit: 8 MiB, or the profile's", async () => {
    const sockets = new Set<unknown>();
    const s = await localServer(bigAnswers('length', sockets));
    closeServer = s.close;
    const route = { synapse: 'Compress', path: '/compress', request: (b: object) => b, response: () => ({}) };
    const query = { t: 0, synapse: 'Compress', body: { url: 'x' }, line: 1 };
    const endpoint = { host: '127.0.0.1', port: s.port, hotkey: 'x' };
    for (const [limit, expected] of [
      [undefined, 8_388_608],
      [4096, 4096],
    ] as const) {
      const sender = new DirectHttpSender({
        kind: 'direct-http',
        routes: [route],
        why: 'test',
        ...(limit === undefined ? {} : { maxResponseBytes: limit }),
      });
      const r = await sender.send(query, endpoint, { timeoutS: 30, now });
      sender.close();
      expect(r).toMatchObject({ status: 'error', error: `answer over ${expected} bytes (transport.maxResponseBytes)` });
      expect(r.response).toBeNull();
    }
  });

  it('streamed inference (SSE) over the limit is an error too, the text so far not kept past it', async () => {
    const s = await localServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const event = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'x'.repeat(1000) } }] })}\n\n`;
        const burst = Buffer.from(event.repeat(64)); // ~66 KB a write
        let sent = 0;
        const more = () => {
          while (sent < 64 * MiB && !res.destroyed) {
            sent += burst.length;
            if (!res.write(burst)) return void res.once('drain', more);
          }
          if (!res.destroyed) res.end('data: [DONE]\n\n');
        };
        more();
      });
    });
    closeServer = s.close;
    const transport = new OpenAiHttpSender({ config: { maxResponseBytes: 2 * MiB } });
    const o = await transport.send(
      { t: 0, synapse: '/v1/chat/completions', body: { stream: true, messages: [] }, line: 1 },
      { host: '127.0.0.1', port: s.port, hotkey: '' },
      { timeoutS: 30, now },
    );
    transport.close();
    expect(o.status).toBe('error');
    expect(o.error).toBe('answer over 2097152 bytes (transport.maxResponseBytes)');
    expect(o.bytesIn).toBeLessThanOrEqual(2 * MiB + 65_536);
    expect(o.chunkMs!.length).toBeGreaterThan(0); // the stream's first events were seen before it went over
  }, 30_000);
});
