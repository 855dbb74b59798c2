// `minerbench run vidaio` end to end on the real Docker engine: clips made at run time (Debian ffmpeg testsrc2, cached
// under --out), the run's clip server and S3 sink on the miner network's gateway, both protocols replayed through the
// stand-in's direct service routes and its axon, every answer inspected (ffprobe, SSIM/PSNR: a proxy, said so) and
// scored by the ported formulas, every bad input named and scored 0, and nothing left behind.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import type { UploadsListing } from '../../harness/model/uploads-listing.ts';
import { compressionRate, compressionScore } from '../../subnets/vidaio/score-compression.ts';
import { upscalingScore } from '../../subnets/vidaio/score-upscaling.ts';
import type { VidaioInspection } from '../../subnets/vidaio/inspect-answer.ts';
import {
  ensureBaseImage,
  ensureDockerEngine,
  minerbenchContainers,
  minerbenchNetworks,
} from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';

let docker: Docker;
const out = mkdtempSync(path.join(os.tmpdir(), 'minerbench-vidaio-e2e-'));
// 8x smaller than the validator's clips, 2 s long: the same task shapes on two CPU cores.
const SMALL = ['--clip-divisor', '8', '--clip-seconds', '2', '--warmup', '0', '--offline', '--out', out];

beforeAll(async () => {
  docker = await ensureDockerEngine();
  await ensureBaseImage(docker, 'ffmpeg');
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function resultOf(err: string): { dir: string; result: RunResult } {
  const m = /^result: (.+)$/m.exec(err);
  if (!m) throw new Error(`no result path printed:\n${err}`);
  return { dir: path.dirname(m[1]!), result: JSON.parse(readFileSync(m[1]!, 'utf8')) as RunResult };
}

const json = <T>(dir: string, f: string) => JSON.parse(readFileSync(path.join(dir, 'artifacts', f), 'utf8')) as T;
const jsonl = <T>(dir: string, f: string) =>
  readFileSync(path.join(dir, 'artifacts', f), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);

/** The score the validator's formulas give one inspected answer (proxy: VMAF = 100 x SSIM, PIE-APP s_q = SSIM). */
function formulaScore(x: VidaioInspection): number {
  if (x.outcome !== 'ok') return 0;
  if (x.protocol === 'compression')
    return compressionScore(100 * x.ssim!, compressionRate(x.referenceBytes!, x.outputBytes!), x.vmafThreshold!).score;
  return upscalingScore(100 * x.ssim!, x.ssim!, x.seconds!).score;
}

/** Every service address of the run refuses connections now (the servers closed, the network's gateway gone). */
async function closed(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port), timeout: 2000 });
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
    s.once('timeout', () => (s.destroy(), resolve(true)));
  });
}

async function nothingLeft(dir: string, runId: string): Promise<void> {
  expect((await minerbenchContainers(docker)).filter((c) => c.Labels['minerbench.run'] === runId)).toEqual([]);
  expect((await minerbenchNetworks(docker)).filter((n) => n.Labels?.['minerbench.run'] === runId)).toEqual([]);
  const services = json<{ services: Record<string, { url?: string; endpoint?: string }> }>(dir, 'services.json');
  for (const s of Object.values(services.services)) expect(await closed((s.url ?? s.endpoint)!)).toBe(true);
}

describe('minerbench run vidaio (real Docker, Debian ffmpeg)', () => {
  it('replays 10 queries of both protocols through the direct service routes, scores each by the ported formulas', async () => {
    const r = await runCli(['run', 'vidaio', '--queries', '10', ...SMALL]);
    const { dir, result } = resultOf(r.err);
    expect(result.status, r.err).toBe('completed');
    // The profile prefers the direct path (the axon refuses an unregistered hotkey), and the result says so and why.
    expect(result.workload.measuredPath).toMatch(
      /^direct: the miner's own service \(POST \/upscale, POST \/compress\)/,
    );
    expect(result.workload.measuredPath).toContain('metagraph.hotkeys.index');
    expect(result.load).toMatchObject({ measured: 10, ok: 10 });
    const q = result.quality!;
    expect(q.scored).toBe(10);
    // lines 1-10: upscaling SD2HD, HD24K, SD24K, 4K28K; compression av1, hevc, h264, vp9, missing.mp4, fault-not-video
    expect(q.bySynapse!.map((s) => [s.synapse, s.scored])).toEqual([
      ['VideoCompressionProtocol', 6],
      ['VideoUpscalingProtocol', 4],
    ]);
    expect(q.outcomes!.map((o) => [o.outcome, o.count, o.first.map((f) => f.line)])).toEqual([
      ['ok', 8, []],
      ['clip-missing', 1, [9]],
      ['not-video', 1, [10]],
    ]);
    expect(q.metrics).toEqual([
      expect.objectContaining({
        name: 'ssim-psnr',
        title: 'SSIM/PSNR (ffmpeg ssim and psnr filters)',
        proxy: true,
        answers: 8,
      }),
    ]);
    expect(r.err).toContain(
      "quality measured with SSIM/PSNR (ffmpeg ssim and psnr filters): a proxy, not the validator's measure",
    );
    // Every answer scored by the formulas: the mean is the formulas' mean over the ten inspected answers.
    const inspected = jsonl<{ i: number; x: VidaioInspection }>(dir, 'responses.jsonl').map((l) => l.x);
    expect(inspected).toHaveLength(10);
    const scores = inspected.map(formulaScore);
    expect(q.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 10, 6);
    expect(scores.filter((s) => s > 0).length).toBeGreaterThanOrEqual(4);
    for (const x of inspected.filter((y) => y.outcome === 'ok')) {
      expect(x.metric).toBe('ssim-psnr');
      expect(x.ssim).toBeGreaterThan(0.5);
    }
    // the AV1 answer (CRF) is smaller than its clip: compression took place (other codecs' sizes are the miner's affair)
    const av1 = inspected.find((y) => y.clip === 'cmp-av1.mp4')!;
    expect(av1.outputBytes!).toBeLessThan(av1.referenceBytes!);
    // The sink holds every upload (8 answers + the file that is not a video), listed with its size and sha256.
    const listing = json<UploadsListing>(dir, 'uploads.json');
    const uploads = listing.sinks.sink!.uploads;
    expect(uploads).toHaveLength(9);
    for (const u of uploads) {
      const data = readFileSync(path.join(dir, 'artifacts/uploads', u.file));
      expect(u.file.startsWith('vidaio/processing/')).toBe(true);
      expect(data.length).toBe(u.size);
      expect(createHash('sha256').update(data).digest('hex')).toBe(u.sha256);
    }
    const clips = json<{ services: { clips: { notFound: string[]; clips: { cached: boolean; count: number } } } }>(
      dir,
      'services.json',
    ).services.clips;
    expect(clips.notFound).toEqual(['/clips/missing.mp4']);
    expect(clips.clips.count).toBe(12);
    expect(result.artifacts).toMatchObject({ uploads: 'artifacts/uploads.json', services: 'artifacts/services.json' });
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('SSIM/PSNR (ffmpeg ssim and psnr filters)');
    // Priced by rank-shares in the default pool (compression), placed by the compression answers' mean; a machine
    // without NVENC is not eligible for that pool: the run is saved and says so (exit 50: INVALID, 10 < 100 queries,
    // comes before 53, not eligible).
    expect(r.code).toBe(50);
    expect(result.eligibility?.eligible).toBe(false);
    expect(result.eligibility?.reasons[0]).toMatch(/^hardware video encoder \(NVENC\) \(compression pool\): no/);
    expect(result.earnings?.law).toBe('rank-shares');
    const compression = q.bySynapse!.find((s) => s.synapse === 'VideoCompressionProtocol')!.mean;
    expect(result.earnings!.inputs.find((x) => x.name === 'quality')).toMatchObject({
      source: 'measured',
      value: compression,
    });
    await nothingLeft(dir, result.runId);
  }, 600_000);

  it('through the axon, names every bad input (404 clip, no upload, not a video, outside the sink, duplicate) and scores it 0', async () => {
    const r = await runCli([
      'run',
      'vidaio',
      '--queries',
      '14',
      '--concurrency',
      '1',
      '--miner-path',
      'axon',
      '--pool',
      'upscaling',
      ...SMALL,
    ]);
    const { dir, result } = resultOf(r.err);
    expect(result.status, r.err).toBe('completed');
    // Priced in upscaling, the NVENC gate (compression only) is shown without blocking: eligible (exit 50: INVALID,
    // 14 < 100 measured queries).
    expect(r.code, r.err).toBe(50);
    expect(r.err).toContain('eligible: yes (0 gates passed; not blocking: hardware video encoder (NVENC) no)');
    expect(result.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(result.eligibility!.gates[0]).toMatchObject({ gate: 'nvenc', pass: false, blocking: false });
    expect(result.workload.measuredPath).toMatch(/^axon: as validators reach it, chosen by flag --miner-path/);
    expect(result.load).toMatchObject({ measured: 14, ok: 14 });
    const outcomes = Object.fromEntries(result.quality!.outcomes!.map((o) => [o.outcome, o.first.map((f) => f.line)]));
    // line 13 is cmp-av1 again (ok); line 14's miner answers with line 13's URL
    expect(outcomes).toEqual({
      ok: [],
      'clip-missing': [9],
      'not-video': [10],
      'upload-missing': [11],
      'outside-sink': [12],
      duplicate: [14],
    });
    const lines = jsonl<{ i: number; x: VidaioInspection }>(dir, 'responses.jsonl');
    for (const l of lines.filter((y) => y.x.outcome !== 'ok')) expect(formulaScore(l.x)).toBe(0);
    expect(result.quality!.outcomes!.find((o) => o.outcome === 'ok')!.count).toBe(9);
    // The same clips as the first run: taken from the cache under --out, not made again.
    const services = json<{ services: { clips: { clips: { cached: boolean } } } }>(dir, 'services.json');
    expect(services.services.clips.clips.cached).toBe(true);
    expect(existsSync(path.join(out, 'cache/clips'))).toBe(true);
    await nothingLeft(dir, result.runId);
  }, 600_000);
});
