// End-to-end tests of startGpuSampler: the real sampler and process handling against the fake nvidia-smi on PATH,
// which replays a recorded H100 power stream (powertrace-sim, 250 ms) at its recorded pace, dies or hangs on cue.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startGpuSampler } from '../../harness/gpu/gpu-sampler.ts';
import { describeShared, itShared } from '../support/describe-shared.ts';
import { fakeSmiEnv, fixture } from './fixture-paths.ts';

const UUID = 'GPU-171e341c-4c74-fca8-094f-1cbff4dbdd21';
const STREAM = fixture('power-traces/powertrace-sim_h100_qwen3-8b_vllm-sharegpt-4rps_power.csv');
// The recording's driver (550) already had power.draw.instant, but the recording only kept power.draw; the 2022
// help text offers exactly power.draw, so the sampler asks for a column the recording has.
const HELP_2022 = fixture('csv/netdata_help-query-gpu_2022.txt');
const FIELDS_2022 = [
  'timestamp',
  'uuid',
  'power.draw',
  'utilization.gpu',
  'memory.used',
  'clocks.sm',
  'temperature.gpu',
  'pstate',
  'clocks_throttle_reasons.active',
  'enforced.power.limit',
];

function scratch(): { state: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-smi-'));
  return { state: join(dir, 'state.json'), log: join(dir, 'argv.jsonl') };
}

/** A harness clock that only moves when read: proves every timestamp comes from the injected now(). */
function counterClock(): () => number {
  let t = 1000;
  return () => (t += 1);
}

describe('startGpuSampler', () => {
  itShared('streams real samples, survives nvidia-smi dying mid-run, restarts it and records the gap', async () => {
    const { state, log } = scratch();
    const env = fakeSmiEnv({
      FAKE_SMI_HELP: HELP_2022,
      FAKE_SMI_STREAM: STREAM,
      FAKE_SMI_FROM: '100',
      FAKE_SMI_DIE_AFTER: '4',
      FAKE_SMI_STATE: state,
      FAKE_SMI_LOG: log,
    });
    const sampler = await startGpuSampler({
      uuids: [UUID],
      periodMs: 250,
      env,
      now: counterClock(),
      backoff: { initialMs: 200 },
      gpus: [{ uuid: UUID, architecture: 'Hopper', name: 'NVIDIA H100' }], // the recording's manifest says H100
    });
    expect(sampler.fields.fields).toEqual(FIELDS_2022);
    await vi.waitFor(() => expect(sampler.progress().samples).toBeGreaterThanOrEqual(8), {
      timeout: 15_000,
      interval: 50,
    });
    const a = await sampler.stop();

    const samples = a.gpus[UUID]!.samples;
    // Rows 100..107 of the recording: 4 before the death, then the restarted process goes on where it stopped.
    expect(samples.slice(0, 8).map((s) => s.powerW)).toEqual([
      397.04, 400.65, 427.51, 440.3, 448.96, 435.45, 426.11, 414.22,
    ]);
    expect(samples[0]).toMatchObject({
      smiTimestamp: '2026/07/18 17:58:14.475',
      utilizationGpuPct: 91,
      memoryUsedMiB: 74155,
      smClockMHz: 1830,
      temperatureC: 53,
      pstate: null,
      eventReasons: null,
      enforcedLimitW: null,
    });
    expect(a.gpus[UUID]!.reading).toBe('1s-average');
    expect(a).toMatchObject({
      kind: 'gpu-samples',
      version: 1,
      periodMs: 250,
      fields: FIELDS_2022,
      powerField: 'power.draw',
      reasonsField: 'clocks_throttle_reasons.active',
      restarts: 1,
      unparsedLines: 0,
    });
    expect(a.gaps).toEqual([
      { startMs: samples[3]!.t, endMs: samples[4]!.t, reason: 'nvidia-smi exited with code 15' },
    ]);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]!.message).toBe(
      'nvidia-smi exited with code 15: Unable to determine the device handle for GPU0000:00:00.0: ' +
        'GPU is lost.  Reboot the system to recover this GPU; restarting in 200 ms',
    );
    for (let i = 1; i < samples.length; i++) expect(samples[i]!.t).toBeGreaterThan(samples[i - 1]!.t);
    expect(a.stoppedMs).toBeGreaterThan(samples[samples.length - 1]!.t);

    const argv = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    expect(argv[0]).toEqual(['--help-query-gpu']);
    const streaming = [
      '--query-gpu=' + FIELDS_2022.join(','),
      '--format=csv,noheader,nounits',
      '-lms',
      '250',
      '-i',
      UUID,
    ];
    expect(argv.slice(1)).toEqual([streaming, streaming]);
  });

  itShared('with keep: false hands every sample to onSample and holds none (a run streams them to disk)', async () => {
    const { state } = scratch();
    const env = fakeSmiEnv({
      FAKE_SMI_HELP: HELP_2022,
      FAKE_SMI_STREAM: STREAM,
      FAKE_SMI_FROM: '100',
      FAKE_SMI_STATE: state,
    });
    const seen: Array<{ uuid: string; powerW: number | null }> = [];
    const sampler = await startGpuSampler({
      uuids: [UUID],
      periodMs: 250,
      env,
      keep: false,
      onSample: (uuid, s) => seen.push({ uuid, powerW: s.powerW }),
    });
    await vi.waitFor(() => expect(sampler.progress().samples).toBeGreaterThanOrEqual(4), {
      timeout: 15_000,
      interval: 50,
    });
    const a = await sampler.stop();
    expect(a.gpus[UUID]!.samples).toEqual([]);
    expect(seen).toHaveLength(sampler.progress().samples);
    // rows 100..103 of the recording, as in the test above
    expect(seen.slice(0, 4)).toEqual([397.04, 400.65, 427.51, 440.3].map((powerW) => ({ uuid: UUID, powerW })));
  });

  itShared('kills and restarts an nvidia-smi that hangs without output', async () => {
    const { state } = scratch();
    const env = fakeSmiEnv({
      FAKE_SMI_HELP: HELP_2022,
      FAKE_SMI_STREAM: STREAM,
      FAKE_SMI_FROM: '0',
      FAKE_SMI_HANG_AFTER: '2',
      FAKE_SMI_STATE: state,
    });
    const sampler = await startGpuSampler({
      uuids: [UUID],
      periodMs: 250,
      env,
      stallMs: 1000,
      backoff: { initialMs: 100 },
    });
    await vi.waitFor(() => expect(sampler.progress().samples).toBeGreaterThanOrEqual(4), {
      timeout: 15_000,
      interval: 50,
    });
    const a = await sampler.stop();
    const s = a.gpus[UUID]!.samples;
    expect(s.slice(0, 4).map((x) => x.powerW)).toEqual([122.85, 122.81, 122.75, 122.74]);
    expect(a.restarts).toBe(1);
    expect(a.errors.map((e) => e.message)).toEqual([
      'nvidia-smi printed nothing for 1000 ms; killing it',
      'nvidia-smi was killed by SIGKILL; restarting in 100 ms',
    ]);
    expect(a.gaps).toEqual([{ startMs: s[1]!.t, endMs: s[2]!.t, reason: 'nvidia-smi was killed by SIGKILL' }]);
    // The reading type of power.draw is unknown without the GPU's architecture.
    expect(a.gpus[UUID]!.reading).toBe('unknown');
  });

  it('nvidia-smi printing an error instead of samples: error values and no samples, no throw', async () => {
    const env = fakeSmiEnv({ FAKE_SMI_MODE: 'driver-error' });
    const sampler = await startGpuSampler({ uuids: [UUID], env, backoff: { initialMs: 20, maxMs: 40 } });
    await vi.waitFor(() => expect(sampler.progress().restarts).toBeGreaterThanOrEqual(2), {
      timeout: 15_000,
      interval: 20,
    });
    const a = await sampler.stop();
    expect(a.gpus[UUID]!.samples).toEqual([]);
    expect(a.unparsedLines).toBeGreaterThanOrEqual(2);
    expect(a.errors[0]!.message).toBe(
      "nvidia-smi --help-query-gpu failed (NVIDIA-SMI has failed because it couldn't communicate " +
        'with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.); using the 2022 field set',
    );
    expect(a.errors[1]!.message).toBe(
      "unexpected nvidia-smi output line: NVIDIA-SMI has failed because it couldn't communicate " +
        'with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.',
    );
    expect(a.errors[2]!.message).toBe('nvidia-smi exited with code 9; restarting in 20 ms');
    expect(a.gaps).toEqual([{ startMs: a.startedMs, endMs: a.stoppedMs, reason: 'nvidia-smi exited with code 9' }]);
  });

  it('no nvidia-smi at all: the artifact says so', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-smi-'));
    const sampler = await startGpuSampler({
      uuids: [UUID],
      env: { ...process.env, PATH: empty },
      backoff: { initialMs: 20, maxMs: 20 },
    });
    await vi.waitFor(() => expect(sampler.progress().restarts).toBeGreaterThanOrEqual(1), {
      timeout: 15_000,
      interval: 20,
    });
    const a = await sampler.stop();
    expect(a.gpus[UUID]!.samples).toEqual([]);
    expect(a.errors[0]!.message).toBe(
      'nvidia-smi --help-query-gpu failed (nvidia-smi not found); using the 2022 field set',
    );
    expect(a.errors[1]!.message).toBe('nvidia-smi not found; restarting in 20 ms');
  });
});

describeShared('startGpuSampler with two GPUs', () => {
  it('routes each line to its GPU by the uuid column', async () => {
    // Two single-GPU recordings (V100 and A100, both 100 ms, no uuid column) played as two GPUs of one host.
    const env = fakeSmiEnv({
      FAKE_SMI_HELP: HELP_2022,
      FAKE_SMI_STREAM: [
        fixture('power-traces/energy-inference_v100-palmetto_falcon-7b_2024-03-31_nvidia-smi.csv'),
        fixture('power-traces/energy-inference_a100-palmetto_falcon-7b_2024-04-03_nvidia-smi.csv'),
      ].join(delimiter),
    });
    const uuids = ['GPU-d3da8716-eaab-75db-efc1-60e88e1cd55e', 'GPU-27b94a00-ed54-5c24-b1fd-1054085de32a'];
    const sampler = await startGpuSampler({ uuids, periodMs: 100, env });
    await vi.waitFor(() => expect(sampler.progress().samples).toBeGreaterThanOrEqual(6), {
      timeout: 15_000,
      interval: 50,
    });
    const a = await sampler.stop();
    expect(a.gpus[uuids[0]!]!.samples.slice(0, 3).map((s) => [s.powerW, s.utilizationGpuPct])).toEqual([
      [24.51, 0],
      [24.51, 0],
      [24.41, 0],
    ]);
    expect(a.gpus[uuids[1]!]!.samples.slice(0, 3).map((s) => s.powerW)).toEqual([29.99, 30.08, 30.08]);
    expect(a.errors).toEqual([]);
    expect(a.gaps).toEqual([]);
  });
});
