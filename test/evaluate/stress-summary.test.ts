// stressSummary worked by hand: sustained TFLOPS (median of steady intervals), per-GPU and held-sum power, J/TFLOP,
// throttle shares, and the stability verdict with its rule (drift, spread, thermal slowdown, errors, too short).
import { describe, expect, it } from 'vitest';
import { stressMeasure, stressSummary, type StressGpuSample } from '../../harness/evaluate/stress-summary.ts';

/** Literal program output: 5 intervals of 5 s per phase from t = 1000 ms, the first of each phase warm-up. */
function lines(fp16: number[], fp32: number[], opts: { end?: boolean; error?: string } = {}): string[] {
  const out = [
    JSON.stringify({
      kind: 'start',
      v: 1,
      device: 'cuda',
      standIn: null,
      devices: ['NVIDIA H100 80GB HBM3', 'NVIDIA H100 80GB HBM3'],
      phases: ['fp16', 'fp32'],
      seconds: 50,
      intervalS: 5,
      size: 8192,
      tMs: 1000,
    }),
  ];
  let t = 1000;
  for (const [phase, list] of [
    ['fp16', fp16],
    ['fp32', fp32],
  ] as const)
    list.forEach((tflops, i) => {
      out.push(
        JSON.stringify({
          kind: 'interval',
          v: 1,
          phase,
          dtype: phase,
          i,
          tStartMs: t,
          tEndMs: t + 5000,
          elapsedS: 5,
          iterations: 100,
          size: 8192,
          devices: 2,
          flops: tflops * 5e12,
          tflops,
          standIn: null,
        }),
      );
      t += 5000;
    });
  if (opts.error) out.push(JSON.stringify({ kind: 'error', v: 1, message: opts.error }));
  if (opts.end !== false && !opts.error)
    out.push(JSON.stringify({ kind: 'end', v: 1, intervals: fp16.length + fp32.length, stopped: false, tMs: t }));
  return out;
}

/** Two GPUs sampled every second at t = 500, 1500, ...: 350 W each before 26 s, 325 W after; GPU b reads 370 W at 10.5 s. */
function trace(extra: (gpu: string, t: number) => Partial<StressGpuSample> = () => ({})) {
  const gpus: Record<string, { samples: StressGpuSample[] }> = { a: { samples: [] }, b: { samples: [] } };
  for (const g of ['a', 'b'])
    for (let t = 500; t < 51000; t += 1000)
      gpus[g]!.samples.push({
        t,
        powerW: t < 26000 ? 350 : 325,
        smClockMHz: t < 26000 ? 1980 : 1755,
        eventReasons: 0,
        temperatureC: 60,
        ...(g === 'b' && t === 10500 ? { powerW: 370 } : {}),
        ...extra(g, t),
      });
  return { gpus };
}

describe('stressSummary', () => {
  const fp16 = [500, 600, 610, 590, 600];
  const fp32 = [40, 48, 49, 47, 48];

  it('sums up a stable GPU run', () => {
    const s = stressSummary(
      lines(fp16, fp32),
      trace((g, t) => (g === 'a' && t > 31000 ? { eventReasons: 0x4 } : {})),
    );
    const [h, f] = s.phases;
    expect(s.ran).toBe('gpu');
    // fp16 steady = 600, 610, 590, 600 (the 500 is warm-up): median 600, per GPU 300; mean 600, sd sqrt(50) = 7.071
    expect(h).toMatchObject({
      phase: 'fp16',
      intervals: 5,
      steadyIntervals: 4,
      sustainedTflops: 600,
      perDeviceTflops: 300,
      minTflops: 590,
      maxTflops: 610,
      drift: 0,
    });
    expect(h!.cv).toBeCloseTo(Math.sqrt(50) / 600, 12);
    // Steady window 6 s .. 26 s: 20 samples per GPU. a: 350; b: (19 x 350 + 370) / 20 = 351 -> 701 W.
    // Peak of the held sum: 350 + 370 = 720 W at 10.5 s. J/TFLOP = 701 / 600 = 1.168333.
    expect(h!.meanW).toBeCloseTo(701, 9);
    expect(h!.peakW).toBe(720);
    expect(h!.joulesPerTflop).toBeCloseTo(701 / 600, 9);
    // fp32 steady = 48, 49, 47, 48: median 48; window 31 s .. 51 s at 325 W each: 650 W, 650 / 48 = 13.5417 J/TFLOP.
    expect(f).toMatchObject({ sustainedTflops: 48, meanW: 650, peakW: 650 });
    expect(f!.joulesPerTflop).toBeCloseTo(650 / 48, 9);
    // sw_power_cap on GPU a in the fp32 window: 20 of the 80 steady samples. A power cap is normal: still stable.
    expect(s.throttle).toEqual({ sw_power_cap: 0.25 });
    expect(s.stability.verdict).toBe('stable');
    expect(s.stability.reasons).toEqual([]);
    expect(s.intervals[1]).toMatchObject({ phase: 'fp16', i: 1, tflops: 600, meanSmClockMHz: 1980 });
    expect(stressMeasure(s)).toEqual({ stress: { fp16Tflops: 600, fp32Tflops: 48, stable: true }, meanPowerW: 675.5 });
  });

  it('calls a slowing run with thermal slowdown unstable and says why', () => {
    // fp16 steady 600, 600, 540, 530, 520, 520: thirds of 2 -> first median 600, last 520: 13.3 % slower;
    // mean 551.67, sd 34.8 -> cv 6.3 %.
    const s = stressSummary(
      lines([500, 600, 600, 540, 530, 520, 520], fp32),
      trace((_g, t) => (t > 20000 && t < 30000 ? { eventReasons: 0x40 } : {})),
    );
    expect(s.stability.verdict).toBe('unstable');
    expect(s.stability.reasons[0]).toMatch(/^fp16: TFLOPS vary by 6\.\d % between intervals \(over 5 %\)$/);
    expect(s.stability.reasons[1]).toBe('fp16: the last third runs 13.3 % slower than the first');
    expect(s.stability.reasons.some((r) => r.startsWith('hw_thermal_slowdown in'))).toBe(true);
  });

  it('too few intervals: unknown; an error line or no end line: unstable', () => {
    expect(stressSummary(lines([500, 600, 600], [40, 48, 48, 48])).stability).toMatchObject({
      verdict: 'unknown',
      reasons: ['fp16: 2 steady interval(s), 3 needed to judge'],
    });
    expect(stressSummary(lines(fp16, [40], { error: 'RuntimeError: CUDA out of memory' })).stability.reasons[0]).toBe(
      'the program failed: RuntimeError: CUDA out of memory',
    );
    expect(stressSummary(lines(fp16, fp32, { end: false })).stability.verdict).toBe('unstable');
  });

  it('a CPU stand-in gives the laws no TFLOPS, and noise lines are counted, not trusted', () => {
    const cpu = lines(fp16, fp32).map((l) =>
      l.replace('"standIn":null', '"standIn":"cpu stand-in (numpy)"').replace('"device":"cuda"', '"device":"cpu"'),
    );
    const s = stressSummary([...cpu, 'Traceback (most recent call last):', '{"kind":"interval"']);
    expect(s.ran).toBe('cpu stand-in (numpy)');
    expect(s.unparsedLines).toBe(2);
    expect(s.phases[0]!.meanW).toBeNull();
    expect(stressMeasure(s).stress).toEqual({ fp16Tflops: null, fp32Tflops: null, stable: true });
  });
});
