// The stress workload through the Docker runtime on the real engine (no GPU here, so the run's GPUs are none and the
// CPU stand-in runs): the stress image built on the offline base image, run locked down on the run's own network, its
// lines kept on the run clock and evaluated; stopped early when the run is stopped; nothing left behind.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlWriter } from '../../harness/artifacts/jsonl-writer.ts';
import { createRunFolder, runFolder } from '../../harness/artifacts/run-folder.ts';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import type { RunContext } from '../../harness/model/run-context.ts';
import { OFFLINE_BASE_IMAGE } from '../../harness/runtime/base-image.ts';
import { stressWorkload, type StressPlan } from '../../harness/workload/stress-workload.ts';
import type { WorkloadCollected } from '../../harness/workload/workload-kind.ts';
import lium from '../../subnets/lium/profile.ts';
import { ensureDockerEngine } from '../support/docker-engine.ts';

const LIUM = validateProfile('subnets/lium/profile.ts', lium);
let docker: Docker;
const tags = new Set<string>();
const runIds: string[] = [];

beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

afterAll(async () => {
  for (const tag of tags)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
});

/** Plans and collects one stress run (Docker runtime, no GPUs), aborting it after `stopAfterMs` when given. */
async function collect(seconds: number, stopAfterMs?: number) {
  const runId = `stress-e2e-${process.pid}-${runIds.length}`;
  runIds.push(runId);
  const folder = runFolder(mkdtempSync(path.join(os.tmpdir(), 'mb-stress-wl-')), runId);
  createRunFolder(folder);
  const options = { runtime: 'docker', durationS: seconds, stressIntervalS: 0.5, stressDevice: 'auto' };
  const plan = (await stressWorkload.plan({
    profile: LIUM,
    profileFile: 'subnets/lium/profile.ts',
    pluginDir: 'subnets/lium',
    options,
    origin: {},
  })) as StressPlan;
  const t0 = performance.now();
  const abort = new AbortController();
  if (stopAfterMs !== undefined) setTimeout(() => abort.abort('stopped by the test'), stopAfterMs);
  const records = new JsonlWriter(folder.records);
  const responses = new JsonlWriter(folder.responses);
  let build = '';
  const collected: WorkloadCollected = await stressWorkload.collect(
    {
      runId,
      profile: LIUM,
      pluginDir: 'subnets/lium',
      options,
      folder,
      endpoint: null,
      signer: undefined as never,
      now: () => performance.now() - t0,
      signal: abort.signal,
      interrupt: abort.signal,
      emit: () => {},
      records,
      responses,
      services: {},
      program: { gpuDeviceIds: [], docker, env: process.env, onBuildLog: (t) => (build += t) },
    },
    plan,
  );
  await records.close();
  await responses.close();
  const tag = collected.program?.runtime.image?.tag;
  if (tag) tags.add(tag);
  const lines = readFileSync(folder.stress, 'utf8').split('\n');
  const sections = stressWorkload.evaluate(
    { context: {} as RunContext, queries: null, replayLines: () => [], programLines: () => lines, gpuSamples: null },
    LIUM,
  );
  const left = await docker.listContainers({ all: true, filters: { label: [`minerbench.run=${runId}`] } });
  const nets = await docker.listNetworks({ filters: { label: [`minerbench.run=${runId}`] } });
  return { plan, collected, lines, sections, left, nets, build, elapsedMs: performance.now() - t0 };
}

describe('stress workload on the Docker runtime', () => {
  it('builds the image on the offline base, runs it locked down, keeps its lines on the run clock, evaluates them', async () => {
    const { plan, collected, lines, sections, left, nets, build } = await collect(4);
    expect(plan.args).toEqual(['--seconds', '4', '--interval', '0.5', '--phases', 'fp16,fp32', '--device', 'auto']);
    const rt = collected.program!.runtime;
    expect(rt.kind).toBe('docker');
    expect(rt.image?.baseImage).toBe(OFFLINE_BASE_IMAGE);
    expect(rt.network?.mode).toBe('isolated');
    expect(rt.user).toMatchObject({ id: '65534:65534', root: false }); // the image's own USER
    expect(build.length).toBeGreaterThan(0);
    expect(collected.stoppedEarly).toBeNull();
    const start = JSON.parse(lines[0]!) as { kind: string; standIn: string; tMs: number };
    expect(start).toMatchObject({ kind: 'start', standIn: 'cpu stand-in (pure Python)' });
    // Times are on the run clock (ms since collection began), not the wall clock: small and inside the window.
    expect(start.tMs).toBeGreaterThanOrEqual(0);
    expect(start.tMs).toBeLessThan(600_000);
    expect(collected.window!.measure.endMs).toBeGreaterThan(collected.window!.measure.startMs);
    const stress = sections.result.stress!;
    expect(stress).toMatchObject({ ran: 'cpu stand-in (pure Python)', standIn: true });
    expect(stress.phases.map((p) => p.phase)).toEqual(['fp16', 'fp32']);
    // A stand-in's TFLOPS never reach a law, and its steadiness does not judge a GPU.
    expect(sections.measure.stress).toMatchObject({ fp16Tflops: null, fp32Tflops: null });
    expect(sections.invalid).toEqual([]);
    expect(collected.program!.log).toContain('"kind":"end"');
    expect(left).toEqual([]);
    expect(nets).toEqual([]);
  }, 300_000);

  it('stops the program when the run is stopped: an end line that says so, nothing left behind', async () => {
    const { collected, lines, left, nets, elapsedMs } = await collect(120, 6000);
    expect(collected.stoppedEarly).toBe('stopped: stopped by the test');
    expect(JSON.parse(lines.filter((l) => l.trim()).at(-1)!)).toMatchObject({ kind: 'end', stopped: true });
    expect(elapsedMs).toBeLessThan(60_000);
    expect(left).toEqual([]);
    expect(nets).toEqual([]);
  }, 300_000);
});
