// The grail stand-in in real Docker against the run's world (block clock 120x, beacon) and the S3 sink: one rollout
// file per window, unique rollouts counted per window, duplicates dropped and counted, nothing left behind.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWindowUnits, type WindowFile } from '../../harness/evaluate/window-units.ts';
import { buildMinerImage } from '../../harness/runtime/docker-image.ts';
import {
  createRunNetwork,
  hostServiceAddress,
  removeRunNetwork,
  type RunNetwork,
} from '../../harness/runtime/miner-network.ts';
import { thisOwner } from '../../harness/runtime/owner-labels.ts';
import { containerSpec } from '../../harness/runtime/container-spec.ts';
import { S3Sink, sinkCredentials } from '../../harness/services/s3-sink.ts';
import { sinkEnvironment } from '../../harness/services/sink-environment.ts';
import { WindowWorld } from '../../harness/services/window-world.ts';
import { parseRolloutFile } from '../../subnets/grail/rollout-units.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';

const RUN = `grail-e2e-${process.pid}`;
let docker: Docker;
let container: Docker.Container | undefined;
let net: RunNetwork | undefined;
let dir: string;
let sink: S3Sink;
let world: WindowWorld;

beforeAll(async () => {
  docker = await ensureDockerEngine();
  dir = await mkdtemp(path.join(tmpdir(), 'minerbench-grail-'));
  // The miner's own network has no route out; the sink and the world listen on its gateway, the host's address there.
  net = await createRunNetwork(docker, { runId: RUN, egress: false, owner: thisOwner() });
  const gateway = hostServiceAddress(net);
  sink = new S3Sink({
    host: gateway,
    port: 0,
    dir: path.join(dir, 'uploads'),
    bucket: 'grail',
    credentials: sinkCredentials(),
  });
  // 12 s blocks at 120x: a block every 100 ms, a 30-block window every 3 s.
  world = new WindowWorld({
    host: gateway,
    port: 0,
    windowBlocks: 30,
    beaconPeriodS: 3,
    clock: { blockSeconds: 12, speed: 120, startBlock: 6_000_015, seed: RUN },
  });
  const sinkAddress = await sink.start();
  const worldAddress = await world.start();
  const image = await buildMinerImage(docker, {
    subnetId: 'grail',
    context: path.resolve('subnets/grail/miner'),
    buildArgs: { BASE_IMAGE: 'minerbench/python-base:bookworm' },
  });
  const env = {
    ...sinkEnvironment(sink, sinkAddress.url, {
      endpoint: 'GRAIL_S3_ENDPOINT_URL',
      bucket: 'GRAIL_S3_BUCKET',
      accessKeyId: 'GRAIL_S3_ACCESS_KEY_ID',
      secretAccessKey: 'GRAIL_S3_SECRET_ACCESS_KEY',
    }),
    GRAIL_WORLD_URL: worldAddress.url,
    GRAIL_ROLLOUTS_PER_WINDOW: '64',
    GRAIL_DUPLICATES_PER_WINDOW: '8',
  };
  container = await docker.createContainer(
    containerSpec({
      runId: RUN,
      subnetId: 'grail',
      image: image.tag,
      port: 8091,
      env,
      memoryMb: 256,
      pidsLimit: 64,
      gpuUuids: [],
      network: net.name,
      user: undefined,
      owner: thisOwner(),
    }),
  );
  await container.start();
  // The run starts mid-window (block 6,000,015); the first full windows start at 6,000,030, 6,000,060, 6,000,090.
  for (let i = 0; i < 300 && sink.record().uploads.length < 4; i++) await new Promise((r) => setTimeout(r, 100));
}, 600_000);

afterAll(async () => {
  if (container) await container.remove({ force: true });
  if (net) await removeRunNetwork(docker, net);
  await world?.stop();
  await sink?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  const left = (await minerbenchContainers(docker)).filter((c) => c.Labels['minerbench.run'] === RUN);
  expect(left).toEqual([]);
});

describe('grail stand-in miner (Docker)', () => {
  it('uploads one file per window and the counting keeps 64 unique rollouts of 72 in each of 3 windows', async () => {
    const files: WindowFile[] = [];
    for (const u of sink.record().uploads) {
      const parsed = parseRolloutFile(u.key, await readFile(path.join(dir, 'uploads', u.file), 'utf8'));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) files.push(parsed.file);
    }
    const counted = countWindowUnits(files, [6_000_030, 6_000_060, 6_000_090]);
    // 64 rollouts + the first 8 again: 72 units, 64 unique, 8 duplicates per window
    expect(counted.perWindow).toEqual([
      { window: 6_000_030, files: 1, units: 72, unique: 64, duplicates: 8 },
      { window: 6_000_060, files: 1, units: 72, unique: 64, duplicates: 8 },
      { window: 6_000_090, files: 1, units: 72, unique: 64, duplicates: 8 },
    ]);
    // we waited for 4 uploads: the 4th (6,000,120, or the partial first window 6,000,000) is outside the measured three
    expect(counted.outside.length).toBeGreaterThanOrEqual(1);
    for (const o of counted.outside) expect([6_000_000, 6_000_120, 6_000_150]).toContain(o.window);
    expect(counted.empty).toEqual([]);
  });
});
