// hardware-rate law, SN27 score share: identify_gpu from sustained TFLOPS and usable VRAM with the shipped table
// (compute-subnet@303b31e), tolerance pairs, the VRAM estimate, and calc_score_pog's min(GPUs, 8) normalisation.
import { describe, expect, it } from 'vitest';
import type {
  HardwareRateConfig,
  HardwareRateFlags,
} from '../../../harness/evaluate/incentive/hardware-rate-config.ts';
import { hardwareRateTableSchema } from '../../../harness/evaluate/incentive/hardware-rate-table.ts';
import { hardwareRateLaw } from '../../../harness/evaluate/incentive/hardware-rate.ts';
import { estimateAvramGb, identifyByTflops } from '../../../harness/evaluate/incentive/identify-gpu-class.ts';
import { ctx, facts, gpu, measure, pluginTable } from './law-test-support.ts';

const sn27 = pluginTable('subnets/ni-compute/tables/gpu-scores.json', hardwareRateTableSchema);
const config: HardwareRateConfig = {
  kind: 'hardware-rate',
  table: './tables/gpu-scores.json',
  assume: { othersScore: { value: 20, range: [5, 80] }, where: 'the test' },
};
const flags: HardwareRateFlags = {
  gpusOfModel: null,
  othersScore: 10,
  uptimeDays: null,
  sysbox: null,
  collateral: null,
  fieldFactor: null,
};
const h100x8 = () => facts(Array.from({ length: 8 }, () => gpu()));

describe('SN27 GPU identification', () => {
  it('estimates the usable VRAM the proof-of-GPU script reports from the memory total', () => {
    // H100 81559 MiB = 85.52e9 B: 2^35 B x 1.5 = 51.5e9 fits, 2^36 x 1.5 = 103e9 does not -> 2^35 B = 34.36 GB.
    expect(estimateAvramGb(81559)).toBe(34.36);
    // H200 143771 MiB = 150.8e9 B -> 2^36 B = 68.72 GB; A100 40 GB 40960 MiB -> 2^34 B = 17.18 GB; 24 GB -> 8.59 GB.
    expect(estimateAvramGb(143771)).toBe(68.72);
    expect(estimateAvramGb(40960)).toBe(17.18);
    expect(estimateAvramGb(24564)).toBe(8.59);
  });

  it('picks the class with the least mean relative deviation', () => {
    const id = identifyByTflops(
      { fp16Tflops: 560, fp32Tflops: 48, avramGb: 34.36 },
      sn27.data,
      'NVIDIA H100 80GB HBM3',
    )!;
    // H100 80GB HBM3: (|560-570|/570 + |48-49|/49 + 0) / 3 = (0.017544 + 0.020408) / 3 = 0.012651
    // H200: (50/610 + 1.6/49.6 + 34.36/68.72) / 3 = (0.081967 + 0.032258 + 0.5) / 3 = 0.204742
    expect(id.gpuClass).toBe('NVIDIA H100 80GB HBM3');
    expect(id.deviation).toBeCloseTo(0.012651, 6);
    expect(id.ranked.find((r) => r.gpuClass === 'NVIDIA H200')!.deviation).toBeCloseTo(0.204742, 6);
  });

  it('takes the reported name when the nearest class and the reported name are a tolerance pair', () => {
    // (330, 37.2, 34.36) is exactly 'NVIDIA H100' (deviation 0); the pair H100 <-> H100 80GB HBM3 lets the name decide.
    const id = identifyByTflops(
      { fp16Tflops: 330, fp32Tflops: 37.2, avramGb: 34.36 },
      sn27.data,
      'NVIDIA H100 80GB HBM3',
    )!;
    expect(id.gpuClass).toBe('NVIDIA H100 80GB HBM3');
    expect(id.toleranceAdjusted).toBe(true);
    expect(
      identifyByTflops({ fp16Tflops: 330, fp32Tflops: 37.2, avramGb: 34.36 }, sn27.data, 'NVIDIA H200')!.gpuClass,
    ).toBe('NVIDIA H100');
  });
});

describe('hardware-rate (SN27 score share)', () => {
  it('scores 8 x H100 80GB HBM3 against the rest of the field', () => {
    const m = measure(h100x8(), { stress: { fp16Tflops: 8 * 560, fp32Tflops: 8 * 48, stable: true } });
    const e = hardwareRateLaw.estimate(ctx({ machine: m, config, flags, table: sn27 }));
    // identified H100 80GB HBM3 (3.30); score = 3.30 x min(8, 8) / (4.0 x 8) = 0.825
    // share = 0.825 / (0.825 + 10) = 0.0762125 (no burn at 303b31e)
    expect(e.eligible).toBe(true);
    expect(e.breakdown.find((b) => b.label === 'identified as')?.value).toBe('NVIDIA H100 80GB HBM3');
    expect(e.share.value).toBeCloseTo(0.825 / 10.825, 12);
    expect(e.inputs.find((i) => i.name === 'fp16TflopsPerGpu')).toMatchObject({ source: 'measured', value: 560 });
  });

  it('counts at most 8 GPUs', () => {
    const m = measure(facts(Array.from({ length: 10 }, () => gpu({ name: 'NVIDIA H200', memoryTotalMiB: 143771 }))), {
      stress: { fp16Tflops: 10 * 610, fp32Tflops: 10 * 49.6, stable: true },
    });
    const e = hardwareRateLaw.estimate(ctx({ machine: m, config, flags, table: sn27 }));
    // H200 (deviation 0): score = 4.0 x min(10, 8) / (4.0 x 8) = 1.0; share = 1 / (1 + 10) = 0.0909091
    expect(e.share.value).toBeCloseTo(1 / 11, 12);
  });

  it('a GPU that is identified but scores 0 is not eligible', () => {
    const m = measure(facts([gpu({ name: 'NVIDIA GeForce RTX 4090', memoryTotalMiB: 24564 })]), {
      stress: { fp16Tflops: 157, fp32Tflops: 48.5, stable: true },
    });
    const e = hardwareRateLaw.estimate(ctx({ machine: m, config, flags, table: sn27 }));
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual([
      'NVIDIA RTX 4090 is in the rate table but its rate is 0: the subnet pays nothing for it',
    ]);
  });

  it('without a stress run it falls back to the name and says so; the others-score guess spans the range', () => {
    const e = hardwareRateLaw.estimate(
      ctx({ machine: measure(h100x8()), config, flags: { ...flags, othersScore: null }, table: sn27 }),
    );
    // value at the guess 20: 0.825 / 20.825; low at 80: 0.825 / 80.825; high at 5: 0.825 / 5.825
    expect(e.share.value).toBeCloseTo(0.825 / 20.825, 12);
    expect(e.share.low).toBeCloseTo(0.825 / 80.825, 12);
    expect(e.share.high).toBeCloseTo(0.825 / 5.825, 12);
    expect(e.assumptions.some((a) => a.startsWith('no sustained TFLOPS measured'))).toBe(true);
    expect(e.inputs.find((i) => i.name === 'othersScore')?.supplyWith).toBe('--others-score S');
  });
});
