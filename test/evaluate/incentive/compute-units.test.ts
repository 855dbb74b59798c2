// compute-units law (Chutes) worked by hand on the shipped multiplier table (chutes-api@d390a53): compute units per
// day from measured tokens/s, the GPU price multiplier and its range, the feature weights, and the edges.
import { describe, expect, it } from 'vitest';
import {
  computeUnitsTableSchema,
  type ComputeUnitsConfig,
} from '../../../harness/evaluate/incentive/compute-units-config.ts';
import { chutesGpuOf, computeUnitsLaw } from '../../../harness/evaluate/incentive/compute-units.ts';
import { ctx, facts, gpu, measure, pluginTable } from './law-test-support.ts';

const table = pluginTable('subnets/chutes/tables/gpu-multipliers.json', computeUnitsTableSchema);
const config: ComputeUnitsConfig = {
  kind: 'compute-units',
  table: './tables/gpu-multipliers.json',
  assume: {
    networkComputeUnitsPerDay: { value: 1e9, range: [1e8, 5e9] },
    utilisation: { value: 0.5, range: [0.1, 0.9] },
    networkSpeedRatio: { value: 1, range: [0.5, 2] },
    otherFeaturesRatio: { value: 1, range: [0, 2] },
    where: 'the test',
  },
};
const flags = { networkPtps: 5000, networkOtps: 50, networkCuPerDay: 5e8, utilisation: 0.5, computeMultiplier: null };
const served = () =>
  measure(facts(Array.from({ length: 8 }, () => gpu())), {
    tokens: {
      promptTokensPerS: 20000,
      outputTokensPerS: 2000,
      promptTokensPerStreamS: 4000,
      outputTokensPerStreamS: 40,
    },
  });

describe('compute-units (Chutes)', () => {
  it('finds the GPU kind with the platform patterns', () => {
    expect(chutesGpuOf('NVIDIA H100 80GB HBM3', table.data.gpus)).toBe('h100_sxm');
    expect(chutesGpuOf('NVIDIA H100 PCIe', table.data.gpus)).toBe('h100');
    expect(chutesGpuOf('NVIDIA L40S', table.data.gpus)).toBe('l40s');
    expect(chutesGpuOf('NVIDIA L4', table.data.gpus)).toBe('l4');
    expect(chutesGpuOf('NVIDIA A100-SXM4-80GB', table.data.gpus)).toBe('a100_sxm');
    expect(chutesGpuOf('Tesla T4', table.data.gpus)).toBeNull();
  });

  it('prices 8 x H100 SXM serving 20000 prompt and 2000 output tokens/s', () => {
    const e = computeUnitsLaw.estimate(ctx({ machine: served(), config, flags, table }));
    // h100_sxm 2.35 USD/h / b200 4.5 = 0.522222 per GPU.
    // nc per second = 20000/5000 + 2000/50 = 4 + 40 = 44 request-seconds per second.
    // CU/day = 86400 x 0.5 x 44 x 8 GPUs x 0.522222 = 7,941,120
    const cu = 86400 * 0.5 * 44 * 8 * (2.35 / 4.5);
    expect(cu).toBeCloseTo(7941120, 3);
    expect(e.breakdown.find((b) => b.label.startsWith('compute units per day'))?.value).toBeCloseTo(7941120, 3);
    // share = (0.52 + 0.48 x 1) x 7,941,120 / (7,941,120 + 5e8) = 0.0156340
    expect(e.share.value).toBeCloseTo(cu / (cu + 5e8), 12);
    expect(e.share.value).toBeCloseTo(0.015634, 6);
    // Low: a chute that also accepts h20 (96 GB, 0.6 USD/h) pays 0.6/4.5 = 0.133333 per GPU, and no other features:
    // CU 15,206,400 x 0.133333 = 2,027,520; 0.52 x 2,027,520 / 502,027,520 = 0.00210013
    const cuLow = 86400 * 0.5 * 44 * 8 * (0.6 / 4.5);
    expect(e.share.low).toBeCloseTo((0.52 * cuLow) / (cuLow + 5e8), 12);
    // High: this GPU's own multiplier and twice the compute share in the other features: 1.48 x 0.0156340
    expect(e.share.high).toBeCloseTo((1.48 * cu) / (cu + 5e8), 12);
    expect(e.inputs.find((i) => i.name === 'computeMultiplier')).toMatchObject({
      source: 'assumed',
      range: [0.133333, 0.522222],
      supplyWith: '--compute-multiplier X',
    });
  });

  it("without the network's speeds it stands in this machine's per-request speed x the stated ratio", () => {
    const e = computeUnitsLaw.estimate(
      ctx({
        machine: served(),
        config,
        flags: { ...flags, networkPtps: null, networkOtps: null, computeMultiplier: 2.35 / 4.5 },
        table,
      }),
    );
    // ratio 1: 20000/4000 + 2000/40 = 5 + 50 = 55; CU = 86400 x 0.5 x 55 x 8 x 0.522222 = 9,926,400
    const cu = 86400 * 0.5 * 55 * 8 * (2.35 / 4.5);
    expect(e.share.value).toBeCloseTo(cu / (cu + 5e8), 12);
    // A network twice as fast per request makes each token worth half: CU / 2 at ratio 2 (with other features 0).
    expect(e.share.low).toBeCloseTo((0.52 * (cu / 2)) / (cu / 2 + 5e8), 12);
    expect(e.dominantInputs).toContain('networkSpeedRatio');
  });

  it('a GPU the platform does not support is not eligible and the supported kinds are listed', () => {
    const e = computeUnitsLaw.estimate(
      ctx({ machine: measure(facts([gpu({ name: 'Tesla T4' })]), { tokens: served().tokens }), config, flags, table }),
    );
    expect(e.eligible).toBe(false);
    expect(e.share.value).toBe(0);
    expect(e.reasons[0]).toContain('GPU Tesla T4 is not among the GPUs the platform supports');
    expect(e.reasons[0]).toContain('h100_sxm');
  });

  it('without measured tokens the share is unknown and it says what would measure it', () => {
    const e = computeUnitsLaw.estimate(ctx({ machine: measure(facts([gpu()])), config, flags, table }));
    expect(e.share.value).toBeNull();
    expect(e.gross.alphaPerDay.value).toBeNull();
    expect(e.missing[0]).toContain('no prompt/output tokens per second measured');
  });
});
