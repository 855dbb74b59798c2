// The vidaio stand-in miner in real Docker against the real services: both protocols through its axon and its direct
// routes, uploads into the S3 sink, every answer inspected (ffprobe, SSIM/PSNR) and scored; the bad inputs named.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubnet } from '../../harness/config/subnet-registry.ts';
import type { BittensorSynapseTransport, DirectTransport, SubnetProfile } from '../../harness/config/subnet-profile.ts';
import type { CapturedQuery } from '../../harness/model/captured-query.ts';
import { buildMinerImage } from '../../harness/runtime/docker-image.ts';
import { containerSpec } from '../../harness/runtime/container-spec.ts';
import {
  addressOn,
  createRunNetwork,
  hostServiceAddress,
  removeRunNetwork,
  type RunNetwork,
} from '../../harness/runtime/miner-network.ts';
import { thisOwner } from '../../harness/runtime/owner-labels.ts';
import { pointAtClipServer } from '../../harness/services/clip-origin.ts';
import { ClipServer } from '../../harness/services/clip-server.ts';
import { generateClips } from '../../harness/services/generate-clips.ts';
import { S3Sink, sinkCredentials } from '../../harness/services/s3-sink.ts';
import { sinkEnvironment } from '../../harness/services/sink-environment.ts';
import { BittensorSynapseSender } from '../../harness/transport/bittensor-synapse.ts';
import { DirectHttpSender } from '../../harness/transport/direct-http.ts';
import { ephemeralKeys } from '../../harness/transport/ephemeral-keys.ts';
import type { MinerEndpoint, Transport } from '../../harness/transport/transport.ts';
import { vidaioClips } from '../../subnets/vidaio/clips.ts';
import type { VidaioInspection } from '../../subnets/vidaio/inspect-answer.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';

const RUN = `vidaio-e2e-${process.pid}`;
const now = () => performance.now();
let docker: Docker;
let container: Docker.Container | undefined;
let net: RunNetwork | undefined;
let dir: string;
let clips: ClipServer;
let sink: S3Sink;
let profile: SubnetProfile;
let endpoint: MinerEndpoint;
let axon: Transport;
let direct: Transport;
const queries: CapturedQuery[] = [];

beforeAll(async () => {
  docker = await ensureDockerEngine();
  execFileSync('bash', [path.resolve('.ci/build-base-image.sh'), 'ffmpeg'], { stdio: 'inherit', timeout: 900_000 });
  const loaded = await loadSubnet('vidaio');
  profile = loaded.profile;
  dir = await mkdtemp(path.join(tmpdir(), 'minerbench-vidaio-'));
  // 8x smaller than the validator's clips, 2 s at 12 fps: the same task shapes on two CPU cores.
  await generateClips(vidaioClips(8, 2, 12), path.join(dir, 'clips'));
  // The miner sits on the run's own network with no route out; the services listen on its gateway, the host's address there.
  net = await createRunNetwork(docker, { runId: RUN, egress: false, owner: thisOwner() });
  const gateway = hostServiceAddress(net);
  clips = new ClipServer({ host: gateway, port: 0, root: path.join(dir, 'clips') });
  sink = new S3Sink({
    host: gateway,
    port: 0,
    dir: path.join(dir, 'uploads'),
    bucket: 'vidaio',
    credentials: sinkCredentials(),
  });
  const clipAddress = await clips.start();
  const sinkAddress = await sink.start();
  const keys = await ephemeralKeys();
  const image = await buildMinerImage(docker, {
    subnetId: 'vidaio',
    context: path.join(loaded.dir, 'miner'),
    buildArgs: { BASE_IMAGE: 'minerbench/ffmpeg-base:bookworm' },
  });
  const env = {
    ...sinkEnvironment(sink, sinkAddress.url, {
      endpoint: 'MINER_STORAGE_S3_ENDPOINT_URL',
      bucket: 'MINER_STORAGE_S3_BUCKET_NAME',
      accessKeyId: 'MINER_STORAGE_S3_ACCESS_KEY_ID',
      secretAccessKey: 'MINER_STORAGE_S3_SECRET_ACCESS_KEY',
    }),
    MINER_HOTKEY_SS58: keys.miner.address,
    MINER_FFMPEG_THREADS: '1',
  };
  const spec = containerSpec({
    runId: RUN,
    subnetId: 'vidaio',
    image: image.tag,
    port: 8091,
    env,
    memoryMb: 1024,
    pidsLimit: 128,
    gpuUuids: [],
    network: net.name,
    user: undefined,
    owner: thisOwner(),
  });
  container = await docker.createContainer(spec);
  await container.start();
  const info = await container.inspect();
  endpoint = { host: addressOn(net, info)!, port: 8091, hotkey: keys.miner.address };
  axon = new BittensorSynapseSender({ config: profile.transport as BittensorSynapseTransport, signer: keys.dendrite });
  direct = new DirectHttpSender(profile.direct as DirectTransport);
  for (let i = 0; i < 100; i++) {
    const ping = await axon.send({ t: 0, synapse: 'Synapse', body: {}, line: 0 }, endpoint, { timeoutS: 2, now });
    if (ping.httpStatus === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const lines = readFileSync(path.join(loaded.dir, 'queries/sample.jsonl'), 'utf8').trim().split('\n');
  lines.forEach((text, i) => {
    const q = JSON.parse(text) as Omit<CapturedQuery, 'line'>;
    queries.push({ ...q, line: i + 1, body: pointAtClipServer(q.body, clipAddress.url) });
  });
}, 900_000);

afterAll(async () => {
  axon?.close();
  direct?.close();
  if (container) await container.remove({ force: true });
  if (net) await removeRunNetwork(docker, net);
  await clips?.stop();
  await sink?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  const left = (await minerbenchContainers(docker)).filter((c) => c.Labels['minerbench.run'] === RUN);
  expect(left).toEqual([]);
});

async function run(line: number, via: Transport) {
  const query = queries[line - 1]!;
  const outcome = await via.send(query, endpoint, { timeoutS: query.timeout ?? 180, now });
  const record = {
    i: line,
    intendedMs: 0,
    sentMs: outcome.sentMs,
    endMs: outcome.endMs,
    status: outcome.status,
    bytesIn: 0,
    bytesOut: 0,
  };
  const inspected = (await profile.inspect!({
    query,
    response: outcome.response,
    record: record as never,
    services: { clips, sink },
    signal: new AbortController().signal,
  })) as VidaioInspection;
  const score = profile.score!({ query, response: outcome.response, record: record as never, inspected });
  return { outcome, inspected, score };
}

describe('vidaio stand-in miner (Docker, Debian ffmpeg)', () => {
  it('answers an SD2HD upscaling synapse through its axon with an upload the score rewards', async () => {
    const r = await run(1, axon);
    expect(r.outcome.httpStatus).toBe(200);
    expect(r.inspected).toMatchObject({ protocol: 'upscaling', outcome: 'ok', metric: 'ssim-psnr' });
    expect(r.inspected.ssim).toBeGreaterThan(0.5);
    expect(r.score).toBeGreaterThan(0);
  });

  it('answers an AV1 compression synapse through its axon, smaller than the clip', async () => {
    const r = await run(2, axon);
    expect(r.inspected.outcome).toBe('ok');
    expect(r.inspected.outputBytes!).toBeLessThan(r.inspected.referenceBytes!);
    expect(r.score).toBeGreaterThan(0);
  });

  it('answers HEVC VBR compression and SD24K (x4) upscaling through the direct service routes', async () => {
    const hevc = await run(4, direct);
    expect(hevc.inspected.outcome).toBe('ok');
    const sd24k = await run(5, direct);
    expect(sd24k.inspected).toMatchObject({ protocol: 'upscaling', outcome: 'ok' });
  });

  it('names every bad input and scores it 0, never crashing', async () => {
    const missing = await run(9, direct); // the clip URL answers 404
    const notVideo = await run(10, direct);
    const noUpload = await run(11, direct);
    const outside = await run(12, direct);
    await run(13, direct); // cmp-av1 again: its upload is the one the duplicate answer points at
    const duplicate = await run(14, direct);
    expect([missing, notVideo, noUpload, outside, duplicate].map((r) => [r.inspected.outcome, r.score])).toEqual([
      ['clip-missing', 0],
      ['not-video', 0],
      ['upload-missing', 0],
      ['outside-sink', 0],
      ['duplicate', 0],
    ]);
    expect(clips.record().notFound).toEqual(['/clips/missing.mp4']);
  });

  it('keeps every upload under the uploads folder with its size and sha256', () => {
    const uploads = sink.record().uploads;
    // lines 1, 2, 4, 5, 10 (not a video) and 13; 9 fails its download, 11, 12 and 14 answer without uploading
    expect(uploads.length).toBe(6);
    for (const u of uploads) {
      expect(u.file.startsWith('vidaio/processing/')).toBe(true);
      expect(u.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
