// GPU runs end to end with the real sampler against a fake nvidia-smi replaying a recorded A100 power stream; refusals
// of GPU runs on this GPU-less machine happen before anything starts.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { delimiter } from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GpuSamplerArtifact } from '../../harness/model/gpu-sampler-artifact.ts';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { launchChromium, openReport } from '../reports/support/report-browser.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';
import { fakeSmiEnv, fixture, readFixture } from '../gpu/fixture-paths.ts';
import { itShared } from '../support/describe-shared.ts';

let docker: Docker;
beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

/** The UUID in the recorded A100 inventory (read when a test needs it: the recordings may be absent). */
const a100Uuid = () => /<uuid>(GPU-[^<]+)<\/uuid>/.exec(readFixture('xml/k8s-test-infra/qx-a100.xml'))![1]!;

/** An A100 host: its real -q -x, the 2022 field list, and a real 100 ms power recording (energy-inference, Palmetto). */
function a100Env(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-gpu-'));
  const env = fakeSmiEnv({
    FAKE_SMI_XML: fixture('xml/k8s-test-infra/qx-a100.xml'),
    FAKE_SMI_HELP: fixture('csv/netdata_help-query-gpu_2022.txt'),
    FAKE_SMI_STREAM: fixture('power-traces/energy-inference_a100-palmetto_falcon-7b_2024-04-03_nvidia-smi.csv'),
    FAKE_SMI_STATE: path.join(dir, 'state.json'),
  });
  // Debian's python3 (with python3-aiohttp) runs the template miner as a process.
  env.PATH = env.PATH!.replace(delimiter, `${delimiter}/usr/bin${delimiter}`);
  return env;
}

function runsIn(out: string): string[] {
  const d = path.join(out, 'runs');
  return existsSync(d) ? readdirSync(d) : [];
}

/** An 8-GPU H100 host (its real -q -x) whose every sampled GPU replays the same real A100 power recording. */
function eightGpuEnv(): NodeJS.ProcessEnv {
  const env = a100Env();
  env.FAKE_SMI_XML = fixture('xml/k8s-test-infra/qx-h100.xml');
  return env;
}

const FIXTURE_SUBNETS = path.resolve(import.meta.dirname, '../fixtures/subnets');

describe('GPU runs', () => {
  itShared(
    'benchmarks two GPU subnets at once on disjoint GPUs, each with its own power samples',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-gpu-two-'));
      const r = await runCli(
        [
          'run',
          'gpu-a',
          'gpu-b',
          '--subnets-dir',
          FIXTURE_SUBNETS,
          '--runtime',
          'process',
          '--idle-seconds',
          '0',
          '--duration',
          '2',
          '--concurrency',
          '1',
          '--out',
          out,
        ],
        eightGpuEnv(),
      );
      expect([0, 50], r.err).toContain(r.code);
      const results = [...r.err.matchAll(/^result: (.+)$/gm)].map(
        (m) => JSON.parse(readFileSync(m[1]!, 'utf8')) as RunResult,
      );
      expect(results.map((x) => x.subnet.id).sort()).toEqual(['gpu-a', 'gpu-b']);
      const assigned = results.map((x) => (x.environment.gpus as { assignedDeviceIds: string[] }).assignedDeviceIds);
      expect(assigned.map((a) => a.length)).toEqual([1, 1]);
      expect(assigned[0]![0]).not.toBe(assigned[1]![0]);
      for (const [k, x] of results.entries()) {
        expect(x.energy.measured).toBe(true);
        expect(x.powerTimeline?.series.map((s) => s.uuid)).toEqual(assigned[k]);
      }
      // They ran at the same time: each measurement window overlaps the other's.
      const [a, b] = results.map((x) => [Date.parse(x.times.startedAt), Date.parse(x.times.endedAt)] as const);
      expect(a![0] < b![1] && b![0] < a![1]).toBe(true);
    },
    120_000,
  );

  itShared(
    'samples the assigned GPU around an idle window and the load, and reports energy per query with its uncertainty',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-gpu-out-'));
      const r = await runCli(
        [
          'run',
          'template',
          '--runtime',
          'process',
          '--gpus',
          '0',
          '--idle-seconds',
          '1',
          '--sample-ms',
          '100',
          '--duration',
          '3',
          '--concurrency',
          '2',
          '--out',
          out,
        ],
        a100Env(),
      );
      const result = JSON.parse(readFileSync(/^result: (.+)$/m.exec(r.err)![1]!, 'utf8')) as RunResult;
      // On a loaded 2-core test machine the harness's own timing may breach the validity bounds (exit 50); energy is what this checks.
      expect([0, 50], r.err).toContain(r.code);
      expect(result.status).toBe('completed');
      expect(result.quality!.mean).toBe(1);
      const e = result.energy;
      if (!e.measured) throw new Error(`energy not measured: ${e.reason}`);
      expect(e.sampler.powerField).toBe('power.draw');
      expect(e.meanW).toBeGreaterThan(25); // the recording stays between 29.99 W (idle) and 400 W (the A100's limit)
      expect(e.meanW).toBeLessThan(400);
      expect(e.energyJ).toBeCloseTo((e.meanW! * (e.phases.measure.endMs - e.phases.measure.startMs)) / 1000, 0);
      expect(e.windowS).toBeCloseTo((e.phases.measure.endMs - e.phases.measure.startMs) / 1000, 6);
      expect(e.perQuery!.energyJ).toBeCloseTo(e.energyJ! / result.load!.measured, 6);
      expect(e.perSuccessfulQuery!.energyJ).toBeCloseTo(e.energyJ! / result.load!.ok, 6);
      expect(e.qualityPerJoule).toBeCloseTo(result.load!.measured / e.energyJ!, 6); // every answer scored 1
      expect(e.statement).toMatch(/J ± [\d.]+ J \([\d.]+%\)/);
      expect(e.phases.idle!.endMs - e.phases.idle!.startMs).toBeGreaterThanOrEqual(990);
      expect(e.idleW).toBeGreaterThan(0);
      expect(result.powerTimeline?.series.map((x) => x.uuid)).toEqual([a100Uuid()]);
      expect(result.powerTimeline?.phases.map((p) => p.name)).toEqual(['idle baseline', 'warm-up', 'measured load']);
      expect(result.environment.gpus).toMatchObject({ available: true, assignedDeviceIds: [a100Uuid()] });
      const dir = path.dirname(/^result: (.+)$/m.exec(r.err)![1]!);
      // The samples went to disk as they came (gpu-samples.jsonl); the JSON is their header, with none inside it.
      const header = JSON.parse(
        readFileSync(path.join(dir, 'artifacts/gpu-samples.json'), 'utf8'),
      ) as GpuSamplerArtifact;
      expect(header).toMatchObject({ kind: 'gpu-samples', version: 2, samplesFile: 'gpu-samples.jsonl' });
      expect(header.gpus[a100Uuid()]!.samples).toEqual([]);
      const lines = readFileSync(path.join(dir, 'artifacts/gpu-samples.jsonl'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(header.sampleLines!);
      expect(lines.length).toBeGreaterThan(10);
      expect(result.artifacts['gpuSampleLines']).toBe('artifacts/gpu-samples.jsonl');
      // The real run's report shows the energy figures (not "n/a"), read in Chromium from file://.
      const browser = await launchChromium();
      try {
        const o = await openReport(browser, 'gpu-run-e2e', readFileSync(path.join(dir, 'report.html'), 'utf8'));
        expect(o.problems).toEqual([]);
        expect(o.requests).toEqual([o.url]);
        const energy = await o.page.locator('section', { hasText: 'GPU energy over the measured load' }).innerText();
        const row = (label: string) => new RegExp(`${label}\\s+([\\d.,]+) ?(J|s)`).exec(energy)?.[1];
        expect(Number(row('energy per query'))).toBeCloseTo(e.perQuery!.energyJ!, 2);
        expect(Number(row('energy per successful query'))).toBeCloseTo(e.perSuccessfulQuery!.energyJ!, 2);
        expect(Number(row('load window'))).toBeCloseTo(e.windowS, 0);
        expect(await o.page.locator('#card-energy').innerText()).not.toContain('n/a');
      } finally {
        await browser.close();
      }
    },
    120_000,
  );

  itShared(
    'keeps measuring when nvidia-smi dies mid-run (a GPU falling off the bus), and says which window has no power data',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-gpu-die-'));
      const env = { ...a100Env(), FAKE_SMI_DIE_AFTER: '25' };
      const r = await runCli(
        [
          'run',
          'template',
          '--runtime',
          'process',
          '--gpus',
          '0',
          '--idle-seconds',
          '1',
          '--duration',
          '4',
          '--concurrency',
          '1',
          '--out',
          out,
        ],
        env,
      );
      expect([0, 50], r.err).toContain(r.code);
      const result = JSON.parse(readFileSync(/^result: (.+)$/m.exec(r.err)![1]!, 'utf8')) as RunResult;
      const e = result.energy;
      expect(result.status).toBe('completed');
      if (!e.measured) throw new Error(`energy not measured: ${e.reason}`);
      expect(e.sampler.restarts).toBeGreaterThanOrEqual(1);
      expect(e.sampler.gaps.length).toBeGreaterThanOrEqual(1);
      expect(e.sampler.gaps[0]!.endMs).toBeGreaterThan(e.sampler.gaps[0]!.startMs);
      expect(e.sampler.errors.map((x) => x.message).join('\n')).toMatch(/exit|lost|died/i);
      expect(e.coverage).toBeLessThan(1);
    },
    120_000,
  );

  it('refuses --gpus on a machine without NVIDIA GPUs before anything starts', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mb-gpu-none-'));
    const env = { ...process.env, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
    const r = await runCli(['run', 'template', '--gpus', '0', '--out', out], env);
    expect(r.code).toBe(20);
    expect(r.err).toContain(
      '--gpus 0 was given but this machine has no usable NVIDIA GPU: nvidia-smi is not installed',
    );
    expect(runsIn(out)).toEqual([]);
    expect(await minerbenchContainers(docker)).toEqual([]);
  });

  itShared(
    'refuses a GPU run when the Docker engine has no NVIDIA runtime, and a GPU that does not exist',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-gpu-rt-'));
      const noRuntime = await runCli(['run', 'template', '--gpus', '0', '--out', out], a100Env());
      expect(noRuntime.code).toBe(20);
      expect(noRuntime.err).toContain('no NVIDIA container runtime');
      const bad = await runCli(['run', 'template', '--runtime', 'process', '--gpus', '9', '--out', out], a100Env());
      expect(bad.code).toBe(21);
      expect(bad.err).toMatch(/GPU 9|index 9/);
      expect(runsIn(out)).toEqual([]);
      expect(await minerbenchContainers(docker)).toEqual([]);
    },
  );
});
