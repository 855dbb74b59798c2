// End to end on real Docker: capture a replay through the proxy, replay the capture: same queries, same order.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureProxy } from '../../harness/capture/capture-proxy.ts';
import { replayProfile } from '../../harness/config/replay-profile.ts';
import { loadSubnet } from '../../harness/config/subnet-registry.ts';
import { arrivalKind } from '../../harness/load/arrival-kinds.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { readQueriesFile } from '../../harness/load/queries-file.ts';
import { runReplay } from '../../harness/load/run-replay.ts';
import { resolveRunOptions } from '../../harness/run/run-option-table.ts';
import { collectRecords } from '../load/fake-transport.ts';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { ephemeralKeys } from '../../harness/transport/ephemeral-keys.ts';
import { createTransport } from '../../harness/transport/transport-registry.ts';
import type { MinerEndpoint, Transport } from '../../harness/transport/transport.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';

/** This test process's miner containers (other engineers' runs share the engine). */
const ownContainers = async (d: Docker) =>
  (await minerbenchContainers(d)).filter((c) => c.Labels['minerbench.pid'] === String(process.pid));

let docker: Docker;
let runtime: DockerRuntime;
let endpoint: MinerEndpoint;
let transport: Transport;
const now = () => performance.now();
const dir = mkdtempSync(path.join(os.tmpdir(), 'minerbench-e2e-capture-'));

beforeAll(async () => {
  docker = await ensureDockerEngine();
  const loaded = await loadSubnet('inference-openai');
  const pluginDir = loaded.dir;
  const profile = replayProfile(loaded.profile, loaded.file);
  const keys = await ephemeralKeys();
  transport = createTransport(profile.transport, { signer: keys.dendrite });
  runtime = new DockerRuntime({
    docker,
    runId: `capture-e2e-${process.pid}`,
    profile,
    pluginDir,
    minerHotkey: keys.miner.address,
    now,
    readyProbe: async (ep) =>
      (await transport.send({ t: 0, synapse: '/health', body: {}, line: 0 }, ep, { timeoutS: 2, now })).status === 'ok',
  });
  endpoint = await runtime.start(new AbortController().signal);
  await runtime.waitReady(endpoint, new AbortController().signal);
}, 600_000);

afterAll(async () => {
  transport?.close();
  await runtime?.stop();
  expect(await ownContainers(docker)).toEqual([]);
});

async function replayThrough(file: string, port: number, count: number, timeScale: number) {
  const queries = readQueriesFile(file, { monotonic: true });
  const { options } = resolveRunOptions({ arrival: 'trace', timeScale }, {});
  const got = collectRecords();
  return got.with(
    await runReplay(arrivalKind('trace'), options, {
      queries,
      count,
      warmup: 0,
      transport,
      endpoint: { ...endpoint, host: '127.0.0.1', port }, // the capture proxy, on loopback
      timeoutS: 20,
      timeoutWins: false,
      clock: realClock(now),
      signal: new AbortController().signal,
      onRecord: got.onRecord,
    }),
  );
}

/** A query's identity: its synapse and body (every sample query has its own seed). */
const key = (q: { synapse: string; body: unknown }) => `${q.synapse} ${JSON.stringify(q.body)}`;

/**
 * The capture holds each sent query once, in the order the proxy received them. Two requests sent within a few ms of
 * each other on separate sockets may reach it in either order (a new connection's handshake against a kept-alive
 * one), so an out-of-order pair is allowed only where the replay sent them less than `closeS` seconds apart.
 */
function expectCapturedInOrder(
  cap: Array<{ synapse: string; body: unknown }>,
  sent: Array<{ t: number; synapse: string; body: unknown }>,
  scale: number,
  closeS: number,
) {
  expect([...cap.map(key)].sort()).toEqual([...sent.map(key)].sort());
  const index = new Map(sent.map((q, i) => [key(q), i]));
  const order = cap.map((q) => index.get(key(q))!);
  const tooFarApart: string[] = [];
  for (let a = 0; a < order.length; a++)
    for (let b = a + 1; b < order.length; b++) {
      const [i, j] = [order[a]!, order[b]!];
      const gapS = (sent[i]!.t - sent[j]!.t) / scale;
      if (i > j && gapS >= closeS) tooFarApart.push(`query ${i} before query ${j} (sent ${gapS.toFixed(4)} s later)`);
    }
  expect(tooFarApart).toEqual([]);
}

describe('capture round trip (real miner in Docker)', () => {
  it('records every replayed query once, in arrival order, and the capture replays to the same answers', async () => {
    const original = path.resolve('subnets/inference-openai/queries/sample.jsonl');
    const first = path.join(dir, 'first.jsonl');
    const proxy = await startCaptureProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: { host: endpoint.host, port: endpoint.port },
      out: first,
      maxBodyBytes: 1 << 20,
    });
    const a = await replayThrough(original, proxy.address.port, 40, 50);
    await proxy.close();
    expect(a.records.filter((r) => r.status === 'ok')).toHaveLength(40);
    const src = readQueriesFile(original).slice(0, 40);
    const cap = readQueriesFile(first, { monotonic: true });
    // Queries sent 20 ms or more apart keep their order (the sample's closest pair is 58 ms apart, 1.2 ms at 50x).
    expectCapturedInOrder(cap, src, 50, 0.02);
    expect(
      readFileSync(first, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { status: number }).status),
    ).toEqual(new Array(40).fill(200));

    // Replay the capture (its own spacing: already 50x faster than the original) through a second capture.
    const second = path.join(dir, 'second.jsonl');
    const proxy2 = await startCaptureProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: { host: endpoint.host, port: endpoint.port },
      out: second,
      maxBodyBytes: 1 << 20,
    });
    const b = await replayThrough(first, proxy2.address.port, 40, 1);
    await proxy2.close();
    expect(b.records.map((r) => r.status)).toEqual(new Array(40).fill('ok'));
    // The same query gets the same answer in both replays (the echo miner is deterministic at temperature 0).
    const firstAnswer = new Map(src.map((q, i) => [key(q), a.responses[i]?.text]));
    expect(cap.map((q, i) => [key(q), b.responses[i]?.text])).toEqual(
      cap.map((q) => [key(q), firstAnswer.get(key(q))]),
    );
    expect(cap.every((q) => typeof firstAnswer.get(key(q)) === 'string')).toBe(true);
    expectCapturedInOrder(readQueriesFile(second), cap, 1, 0.02);
  }, 300_000);
});
