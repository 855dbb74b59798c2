// Tests evaluateEnergy on real recorded power traces with literal expected numbers.
//
// Every expected number below was computed independently of the TypeScript code by a one-off Python script
// (trapezoids between consecutive readings, clipped to the window by linear interpolation; intervals longer than
// 3 periods or crossing an explicit gap left uncovered; energy = covered mean W x window seconds; the uncertainty
// rule of harness/evaluate/energy-uncertainty.ts), reading the same CSV files with t = nvidia-smi timestamp minus
// the first one. Times below are ms since each trace's first sample.
import { describe, expect, it } from 'vitest';
import { evaluateEnergy } from '../../harness/evaluate/energy.ts';
import type { GpuSamplerArtifact } from '../../harness/model/gpu-sampler-artifact.ts';
import { toGpuSample } from '../../harness/gpu/gpu-sample.ts';
import type { PowerReadingType } from '../../harness/model/power-reading-type.ts';
import { parseQueryGpuCsv, parseSmiTimestampMs } from '../../harness/gpu/query-gpu-csv.ts';
import { readFixture } from '../gpu/fixture-paths.ts';
import { describeShared, itShared } from '../support/describe-shared.ts';

const A100_SWING = 'power-traces/energy-inference_a100-swing_llama2-13b_2024-04-18_nvidia-smi.csv';
const A100_PALMETTO = 'power-traces/energy-inference_a100-palmetto_falcon-7b_2024-04-03_nvidia-smi.csv';
const V100 = 'power-traces/energy-inference_v100-palmetto_falcon-7b_2024-03-31_nvidia-smi.csv';
const H100 = 'power-traces/powertrace-sim_h100_qwen3-8b_vllm-sharegpt-4rps_power.csv';

/** A recorded trace as the sampler would have handed it back (samples on a clock starting at 0). */
function artifactOf(
  traces: Array<[uuid: string, rel: string, reading: PowerReadingType]>,
  periodMs: number,
  gaps: GpuSamplerArtifact['gaps'] = [],
): GpuSamplerArtifact {
  const gpus: GpuSamplerArtifact['gpus'] = {};
  for (const [uuid, rel, reading] of traces) {
    const csv = parseQueryGpuCsv(readFixture(rel));
    const t0 = parseSmiTimestampMs(csv.rows[0]!['timestamp']!)!;
    const fields = { fields: csv.columns.map((c) => c.field), power: 'power.draw' as const, reasons: null };
    gpus[uuid] = {
      reading,
      samples: csv.rows.map((r) => toGpuSample(r, fields, parseSmiTimestampMs(r['timestamp']!)! - t0)),
    };
  }
  return {
    kind: 'gpu-samples',
    version: 1,
    periodMs,
    fields: [],
    powerField: 'power.draw',
    reasonsField: null,
    startedMs: 0,
    stoppedMs: 0,
    gpus,
    gaps,
    restarts: 0,
    errors: [],
    unparsedLines: 0,
  };
}

describeShared('evaluateEnergy on recorded traces', () => {
  it('A100 (Swing), 100 ms instant readings: five real >300 ms holes are not bridged', () => {
    const r = evaluateEnergy({
      trace: artifactOf([['A100', A100_SWING, 'instant']], 100),
      idleWindow: { startMs: 0, endMs: 38_000 },
      loadWindow: { startMs: 40_000, endMs: 140_000 },
    });
    const g = r.gpus[0]!;
    expect(g.load.windowS).toBe(100);
    expect(g.load.coveredS).toBeCloseTo(97.943, 9);
    expect(g.load.uncoveredS).toBeCloseTo(2.057, 9); // 398 + 397 + 446 + 454 + 362 ms between 94 s and 98 s
    expect(g.load.gapsFound).toBe(5);
    expect(g.load.measuredJ).toBeCloseTo(12393.565963461544, 6);
    expect(g.meanW).toBeCloseTo(126.53855776790117, 9);
    expect(g.load.minW).toBeCloseTo(57.29, 9);
    expect(g.load.maxW).toBeCloseTo(338.79, 9);
    expect(g.idleW).toBeCloseTo(52.48702649999995, 9);
    expect(r.energyJ).toBeCloseTo(12653.855776790117, 6);
    expect(r.aboveIdleJ).toBeCloseTo(7405.153126790122, 6);
    expect(g.uncertainty!.sensorJ).toBeCloseTo(500, 9);
    expect(g.uncertainty!.samplingJ).toBeCloseTo(248.18595653846177, 6);
    expect(g.uncertainty!.lagJ).toBe(0);
    expect(g.uncertainty!.uncoveredJ).toBeCloseTo(289.5227500000003, 6);
    expect(r.uncertaintyJ).toBeCloseTo(1037.7087065384621, 6);
    expect(r.aboveIdleUncertaintyJ).toBeCloseTo(1043.8423302226727, 6);
    expect(r.coverage).toBeCloseTo(0.97943, 9);
    expect(r.flags).toEqual([
      {
        kind: 'gaps',
        uuid: 'A100',
        message: '2.057 s of the window have no bridged readings; filled at the mean power',
      },
    ]);
    expect(r.statement).toBe('12653.9 J ± 1037.7 J (8.2%)');
  });

  it('H100 (vLLM, 250 ms power.draw = 1-s average on Hopper): per query, per success, quality per joule', () => {
    const r = evaluateEnergy({
      trace: artifactOf([['H100', H100, '1s-average']], 250),
      idleWindow: { startMs: 0, endMs: 14_000 },
      loadWindow: { startMs: 14_000, endMs: 60_000 },
      queries: { total: 200, successful: 198, qualitySum: 180 },
    });
    const g = r.gpus[0]!;
    expect(g.load.coveredS).toBeCloseTo(46, 9);
    expect(g.load.uncoveredS).toBeCloseTo(0, 9);
    expect(r.energyJ).toBeCloseTo(18884.431619299998, 6);
    expect(r.meanW).toBeCloseTo(410.5311221586956, 9);
    expect(r.idleW).toBeCloseTo(122.82607062142858, 9);
    expect(r.aboveIdleJ).toBeCloseTo(13234.432370714283, 6);
    // 1-s averages sampled every 250 ms: no sampling term, a half-second lag term.
    expect(g.uncertainty).toEqual({
      joules: expect.closeTo(362.9439, 6),
      sensorJ: expect.closeTo(230, 9),
      samplingJ: 0,
      lagJ: expect.closeTo(132.94389999999999, 6),
      uncoveredJ: 0,
    });
    expect(r.aboveIdleUncertaintyJ).toBeCloseTo(378.44294285714284, 6);
    expect(r.perQuery!.energyJ).toBeCloseTo(94.42215809649998, 9);
    expect(r.perQuery!.aboveIdleJ).toBeCloseTo(66.17216185357141, 9);
    expect(r.perSuccessfulQuery!.energyJ).toBeCloseTo(95.3759172691919, 9);
    expect(r.perSuccessfulQuery!.aboveIdleJ).toBeCloseTo(66.84056752886002, 9);
    expect(r.qualityPerJoule).toBeCloseTo(0.009531660980256295, 12);
    expect(r.qualityPerJouleAboveIdle).toBeCloseTo(0.013600885550506245, 12);
    expect(r.flags).toEqual([]);
  });

  it('an explicit gap marker (nvidia-smi restart) is never bridged, even between close samples', () => {
    const r = evaluateEnergy({
      trace: artifactOf([['H100', H100, '1s-average']], 250, [
        { startMs: 30_000, endMs: 32_000, reason: 'nvidia-smi exited with code 15' },
      ]),
      idleWindow: { startMs: 0, endMs: 14_000 },
      loadWindow: { startMs: 14_000, endMs: 60_000 },
    });
    const g = r.gpus[0]!;
    expect(g.load.coveredS).toBeCloseTo(43.75, 9);
    expect(g.load.uncoveredS).toBeCloseTo(2.25, 9);
    expect(g.load.measuredJ).toBeCloseTo(17950.281619300004, 6);
    expect(r.energyJ).toBeCloseTo(18873.438959721145, 6);
    expect(r.aboveIdleJ).toBeCloseTo(13223.43971113543, 6);
    expect(g.uncertainty!.uncoveredJ).toBeCloseTo(373.979025, 6);
    expect(r.uncertaintyJ).toBeCloseTo(736.922925, 6);
    expect(r.flags.map((f) => f.kind)).toEqual(['gaps']);
  });

  it('V100, 100 ms instant readings, complete trace', () => {
    const r = evaluateEnergy({
      trace: artifactOf([['V100', V100, 'instant']], 100),
      idleWindow: { startMs: 0, endMs: 11_000 },
      loadWindow: { startMs: 11_000, endMs: 54_000 },
    });
    expect(r.energyJ).toBeCloseTo(2795.0072280791956, 6);
    expect(r.idleW).toBeCloseTo(24.46787753119431, 9);
    expect(r.aboveIdleJ).toBeCloseTo(1742.8884942378402, 6);
    expect(r.uncertaintyJ).toBeCloseTo(260.11330192080715, 6);
    expect(r.statement).toBe('2795.0 J ± 260.1 J (9.3%)');
  });

  it('two GPUs: sums with a per-GPU breakdown', () => {
    // Two single-GPU recordings put side by side as GPUs of one run, on their own relative clocks.
    const r = evaluateEnergy({
      trace: artifactOf(
        [
          ['GPU-V100', V100, 'instant'],
          ['GPU-A100', A100_PALMETTO, 'instant'],
        ],
        100,
      ),
      idleWindow: { startMs: 0, endMs: 4_000 },
      loadWindow: { startMs: 11_000, endMs: 54_000 },
      queries: { total: 100, successful: 0 },
    });
    expect(r.gpus.map((g) => g.uuid)).toEqual(['GPU-V100', 'GPU-A100']);
    expect(r.gpus[0]!.energyJ).toBeCloseTo(2795.0072280791956, 6);
    expect(r.gpus[0]!.aboveIdleJ).toBeCloseTo(1742.9279006527254, 6);
    expect(r.gpus[1]!.energyJ).toBeCloseTo(3259.895945240384, 6);
    expect(r.gpus[1]!.idleW).toBeCloseTo(30.055045889423074, 9);
    expect(r.gpus[1]!.aboveIdleJ).toBeCloseTo(1967.528971995192, 6);
    expect(r.energyJ).toBeCloseTo(6054.90317331958, 6);
    expect(r.aboveIdleJ).toBeCloseTo(3710.4568726479174, 6);
    expect(r.uncertaintyJ).toBeCloseTo(529.8336671611918, 6);
    expect(r.meanW).toBeCloseTo(6054.90317331958 / 43, 9);
    expect(r.coverage).toBe(1);
    expect(r.perQuery!.energyJ).toBeCloseTo(60.5490317331958, 9);
    expect(r.perSuccessfulQuery).toEqual({ energyJ: null, aboveIdleJ: null });
    expect(r.qualityPerJoule).toBeNull();
  });
});

describe('evaluateEnergy flags', () => {
  const window = { startMs: 0, endMs: 1000 };
  const trace = (
    samples: Array<{ t: number; powerW: number | null; enforcedLimitW?: number | null; eventReasons?: number | null }>,
  ) => ({ periodMs: 500, gpus: { G: { reading: 'instant' as const, samples } } });

  itShared(
    'RTX 2080 SUPER idle row (595.71.05): clocks_event_reasons 0x4 is a throttle, 39.32 W of 250 W is not capped',
    () => {
      const row = parseQueryGpuCsv(
        readFixture('csv/linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05__idle__query-gpu.csv'),
      ).rows[0]!;
      const fields = {
        fields: [],
        power: 'power.draw.instant' as const,
        reasons: 'clocks_event_reasons.active' as const,
      };
      const s = toGpuSample(row, fields, 0);
      expect(s).toMatchObject({ powerW: 39.32, eventReasons: 4, enforcedLimitW: 250, temperatureC: 40, pstate: 'P8' });
      const r = evaluateEnergy({ trace: trace([s, { ...s, t: 500 }, { ...s, t: 1000 }]), loadWindow: window });
      expect(r.energyJ).toBeCloseTo(39.32, 9);
      expect(r.flags).toEqual([
        {
          kind: 'clocks-throttled',
          uuid: 'G',
          message: 'clocks held back (sw_power_cap) in 100.0% of 3 samples',
          count: 3,
          share: 1,
        },
      ]);
    },
  );

  it('power near the enforced limit, thermal slowdown, other processes', () => {
    const r = evaluateEnergy({
      trace: trace([
        { t: 0, powerW: 300, eventReasons: 0x1 },
        { t: 500, powerW: 340, eventReasons: 0x40 },
        { t: 1000, powerW: 333, eventReasons: 0x0, enforcedLimitW: 350 },
      ]),
      loadWindow: window,
      enforcedLimitW: { G: 350 },
      otherProcesses: { G: [{ pid: 4242, name: 'python3' }] },
    });
    expect(r.flags).toEqual([
      {
        kind: 'power-capped',
        uuid: 'G',
        message: 'power within 5% of the enforced limit in 66.7% of 3 samples',
        count: 2,
        share: 2 / 3,
      },
      {
        kind: 'clocks-throttled',
        uuid: 'G',
        message: 'clocks held back (hw_thermal_slowdown) in 33.3% of 3 samples',
        count: 1,
        share: 1 / 3,
      },
      {
        kind: 'temperature-limited',
        uuid: 'G',
        message: 'thermal slowdown in 33.3% of 3 samples',
        count: 1,
        share: 1 / 3,
      },
      {
        kind: 'other-processes',
        uuid: 'G',
        message: '1 other process(es) on the GPU (4242 python3); their power is included',
      },
    ]);
    // (300+340)/2*0.5 + (340+333)/2*0.5 = 160 + 168.25
    expect(r.energyJ).toBeCloseTo(328.25, 9);
  });

  it('clock event reasons sampled but read [N/A] are unknown, not "not held back": a flag says so', () => {
    const samples = [
      { t: 0, powerW: 300, eventReasons: null }, // clocks_event_reasons.active was [N/A]
      { t: 500, powerW: 310, eventReasons: 0x0 },
      { t: 1000, powerW: 320, eventReasons: null },
    ];
    const sampled = { ...trace(samples), reasonsField: 'clocks_event_reasons.active' };
    expect(evaluateEnergy({ trace: sampled, loadWindow: window }).flags).toEqual([
      {
        kind: 'clock-reasons-unknown',
        uuid: 'G',
        message: 'clock event reasons read N/A in 66.7% of 3 samples: whether clocks were held back there is unknown',
        count: 2,
        share: 2 / 3,
      },
    ]);
    // Not sampled at all (a driver without the field): no reading to misread, no flag.
    expect(evaluateEnergy({ trace: { ...trace(samples), reasonsField: null }, loadWindow: window }).flags).toEqual([]);
  });

  it('no power reading at all: no figure, a flag, and per-query values are null', () => {
    const r = evaluateEnergy({
      trace: trace([
        { t: 0, powerW: null },
        { t: 500, powerW: null },
      ]),
      loadWindow: window,
      queries: { total: 10, successful: 10, qualitySum: 10 },
    });
    expect(r.energyJ).toBeNull();
    expect(r.perQuery).toEqual({ energyJ: null, aboveIdleJ: null });
    expect(r.qualityPerJoule).toBeNull();
    expect(r.flags).toEqual([{ kind: 'no-power-data', uuid: 'G', message: 'no power reading inside the window' }]);
    expect(r.statement).toBe('no GPU energy figure: power readings missing');
  });
});
