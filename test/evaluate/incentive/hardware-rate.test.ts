// hardware-rate law: Lium's calc_job_score and set_weights worked by hand on the shipped rate table (bc290ae), SN27's
// score share, Basilica-style class pools, and the edges (no other GPUs of the model, a GPU not in the table, no price).
import { describe, expect, it } from 'vitest';
import type {
  HardwareRateConfig,
  HardwareRateFlags,
} from '../../../harness/evaluate/incentive/hardware-rate-config.ts';
import { hardwareRateTableSchema } from '../../../harness/evaluate/incentive/hardware-rate-table.ts';
import { hardwareRateLaw } from '../../../harness/evaluate/incentive/hardware-rate.ts';
import { parseLawTable } from '../../../harness/config/law-table-file.ts';
import { ctx, economics, facts, gpu, measure, NOW, pluginTable } from './law-test-support.ts';

const lium = pluginTable('subnets/lium/tables/gpu-rates.json', hardwareRateTableSchema);
const config: HardwareRateConfig = {
  kind: 'hardware-rate',
  table: './tables/gpu-rates.json',
  assume: {
    othersOfClass: { value: 64, range: [0, 512] },
    fieldFactor: { value: 1, range: [0.5, 1.2] },
    where: 'lium.io shows the live counts',
  },
};
const known: HardwareRateFlags = {
  gpusOfModel: 120,
  othersScore: null,
  uptimeDays: null,
  sysbox: 'no',
  collateral: 'yes',
  fieldFactor: 1,
};
const h100x8 = () => facts(Array.from({ length: 8 }, () => gpu()));

describe('hardware-rate (Lium class pool)', () => {
  it('prices 8 x H100 80GB HBM3 with every network input given', () => {
    const e = hardwareRateLaw.estimate(
      ctx({ machine: measure(h100x8(), { meanPowerW: 5600 }), config, flags: known, table: lium }),
    );
    // mine = rate 0.10 x 8 / (8 + 120) = 0.00625; uptime 1 (past the 5-day ramp), no sysbox, collateral in: score 0.00625.
    // The 22 rates sum to 1.00, so the others hold 1 x (1.00 - 0.00625) = 0.99375; total 1.0.
    // share = (1 - 0.8 burn) x 0.00625 / 1.0 = 0.00125
    expect(e.eligible).toBe(true);
    expect(e.share.value).toBeCloseTo(0.00125, 12);
    expect(e.share.low).toBeCloseTo(0.00125, 12);
    expect(e.share.high).toBeCloseTo(0.00125, 12);
    expect(e.lawBurnFraction).toBe(0.8);
    // 0.00125 x 3000 alpha = 3.75 alpha/day; x 0.02 = 0.075 TAO; x 400 = 30 USD.
    expect(e.gross.alphaPerDay.value).toBeCloseTo(3.75, 9);
    expect(e.gross.taoPerDay.value).toBeCloseTo(0.075, 9);
    expect(e.gross.fiatPerDay.value).toBeCloseTo(30, 9);
    // power 5600 W x 24 h x PUE 1.2 = 161.28 kWh x 0.10 = 16.128 USD; registration 0.5 TAO / 30 days x 400 = 6.6667 USD.
    expect(e.power.kwhPerDay).toBeCloseTo(161.28, 9);
    expect(e.power.costPerDay).toBeCloseTo(16.128, 9);
    expect(e.registration.fiatPerDay).toBeCloseTo(6.666667, 5);
    // net = 30 - 16.128 - 6.666667 = 7.205333 USD = 0.018013 TAO.
    expect(e.net.fiatPerDay.value).toBeCloseTo(7.205333, 5);
    expect(e.net.taoPerDay.value).toBeCloseTo(0.018013, 5);
    // collateral 0.103 TAO per GPU-day x 8 GPUs x 7 days = 5.768 TAO.
    expect(e.breakdown.find((b) => b.label.startsWith('collateral'))?.value).toBeCloseTo(5.768, 9);
    expect(e.inputs.find((i) => i.name === 'rate')).toMatchObject({ source: 'table', value: 0.1, asOf: '2025-08-22' });
    // The table is 460 days old on 2026-11-25: the output says so.
    expect(e.warnings.some((w) => w.includes('460 days ago'))).toBe(true);
  });

  it('applies the uptime ramp, sysbox, missing collateral and a field factor', () => {
    const flags: HardwareRateFlags = { ...known, uptimeDays: 1, sysbox: 'yes', collateral: 'no', fieldFactor: 1.2 };
    const e = hardwareRateLaw.estimate(ctx({ machine: measure(h100x8()), config, flags, table: lium }));
    // uptime 0.05 + min(0.95, 1/5) = 0.25; score = 0.00625 x 0.25 x 1.2 x 0.5 = 0.0009375
    // others = 1.2 x (1.00 - 0.00625) = 1.1925; share = 0.2 x 0.0009375 / (0.0009375 + 1.1925) = 0.000157109
    expect(e.share.value).toBeCloseTo((0.2 * 0.0009375) / 1.1934375, 12);
    expect(e.share.value).toBeCloseTo(0.000157109, 8);
  });

  it('spans the stated range when the count of the model on the subnet is not given, and names the flag', () => {
    const flags: HardwareRateFlags = { ...known, gpusOfModel: null };
    const e = hardwareRateLaw.estimate(ctx({ machine: measure(h100x8()), config, flags, table: lium }));
    // value at the guess 64: 0.2 x 0.1 x 8/72 = 0.00222222; high at 0 others: 0.2 x 0.1 = 0.02;
    // low at 512 others: 0.2 x 0.1 x 8/520 = 0.000307692 (field factor 1: the total stays 1.0).
    expect(e.share.value).toBeCloseTo(0.00222222, 7);
    expect(e.share.high).toBeCloseTo(0.02, 12);
    expect(e.share.low).toBeCloseTo(0.000307692, 8);
    const others = e.inputs.find((i) => i.name === 'othersOfClass')!;
    expect(others).toMatchObject({ source: 'assumed', range: [0, 512], supplyWith: '--gpus-of-model N' });
    expect(e.dominantInputs).toEqual(['othersOfClass']);
    // gross low in USD: 0.2 x 0.1 x 8/520 x 3000 alpha x 0.02 TAO x 400 USD = 7.384615
    expect(e.gross.fiatPerDay.low).toBeCloseTo(7.384615, 5);
  });

  it('with nothing given, every unknown factor widens the range, the count of the model most', () => {
    const none: HardwareRateFlags = {
      gpusOfModel: null,
      othersScore: null,
      uptimeDays: null,
      sysbox: null,
      collateral: null,
      fieldFactor: null,
    };
    const e = hardwareRateLaw.estimate(ctx({ machine: measure(h100x8()), config, flags: none, table: lium }));
    expect(e.dominantInputs[0]).toBe('othersOfClass');
    expect(new Set(e.dominantInputs)).toEqual(new Set(['othersOfClass', 'fieldFactor', 'sysbox', 'collateral']));
    // Highest corner: no others, sysbox 1.2, collateral 1, field factor 0.5:
    // score 0.1 x 1.2 = 0.12; others 0.5 x 0.9 = 0.45; share 0.2 x 0.12 / 0.57 = 0.0421053
    expect(e.share.high).toBeCloseTo((0.2 * 0.12) / 0.57, 9);
    // The day-one scenario: uptime factor 0.05 at the guesses (64 others, factors 1):
    // score 0.1 x 8/72 x 0.05 = 0.000555556; others 1 x (1 - 0.0111111) = 0.988889; share 0.2 x 0.000555556/0.989444
    expect(e.scenarios[0]!.share).toBeCloseTo((0.2 * 0.000555556) / 0.989444, 8);
  });

  it('with no other GPU of the model on the subnet, the machine takes the whole model rate', () => {
    const e = hardwareRateLaw.estimate(
      ctx({ machine: measure(h100x8()), config, flags: { ...known, gpusOfModel: 0 }, table: lium }),
    );
    // mine = 0.1 x 8/8 = 0.1; others 1 x (1 - 0.1) = 0.9; share 0.2 x 0.1 / 1.0 = 0.02
    expect(e.share.value).toBeCloseTo(0.02, 12);
  });

  it('a GPU in no rate table is not eligible, earns 0 and the table models are listed', () => {
    const t4 = facts([gpu({ name: 'Tesla T4', memoryTotalMiB: 15360 })]);
    const e = hardwareRateLaw.estimate(ctx({ machine: measure(t4), config, flags: known, table: lium }));
    expect(e.eligible).toBe(false);
    expect(e.share).toEqual({ value: 0, low: 0, high: 0 });
    expect(e.reasons[0]).toContain('GPU model Tesla T4 is not in the rate table');
    expect(e.reasons[0]).toContain('NVIDIA H100 80GB HBM3');
    expect(e.missing.some((m) => m.includes('--law-table'))).toBe(true);
  });

  it('a machine that fails a gate earns nothing whatever the law says', () => {
    const m = measure(h100x8(), {
      eligibility: {
        eligible: false,
        gates: [],
        reasons: ['idle GPU utilisation: no (requires <= 5 %; this machine: 40 %)'],
      },
    });
    const e = hardwareRateLaw.estimate(ctx({ machine: m, config, flags: known, table: lium }));
    expect(e.eligible).toBe(false);
    expect(e.share.value).toBe(0);
    expect(e.reasons).toEqual(['idle GPU utilisation: no (requires <= 5 %; this machine: 40 %)']);
  });

  it('without a TAO price or power measurement the money in currency and the net are null, and it says why', () => {
    const e = hardwareRateLaw.estimate(
      ctx({
        machine: measure(h100x8()),
        config,
        flags: known,
        table: lium,
        prices: { taoPrice: null, kwhPrice: null },
      }),
    );
    expect(e.gross.taoPerDay.value).toBeCloseTo(0.075, 9);
    expect(e.gross.fiatPerDay.value).toBeNull();
    expect(e.net.taoPerDay.value).toBeNull();
    expect(e.missing).toEqual(
      expect.arrayContaining([
        'no --tao-price: income in TAO only',
        'no power measurement on this machine: power cost unknown, so no net',
        'no --kwh-price: power cost unknown, so no net',
      ]),
    );
  });

  it('a subnet with no alpha price gives alpha only', () => {
    const e = hardwareRateLaw.estimate(
      ctx({ machine: measure(h100x8()), config, flags: known, table: lium, network: economics({ taoPerAlpha: null }) }),
    );
    expect(e.gross.alphaPerDay.value).toBeCloseTo(3.75, 9);
    expect(e.gross.taoPerDay.value).toBeNull();
  });
});

describe('hardware-rate (Basilica-style class pools with a minimum cluster)', () => {
  // Basilica one-covenant/basilica@9bca336 (2025-09-20) config/validator.prod.toml: burn 80 %, A100 8 / H100 12 /
  // B200 80 (min 8 GPUs) percent of the rest; within a category by score (taken here as proportional to GPU count).
  const basilica = parseLawTable(
    JSON.stringify({
      source: 'one-covenant/basilica@9bca336:config/validator.prod.toml',
      readAt: '2025-09-20',
      identify: 'name',
      split: 'class-pool',
      gpus: {
        A100: { rate: 0.08, match: 'A100' },
        H100: { rate: 0.12, match: 'H100' },
        B200: { rate: 0.8, match: 'B200', minGpus: 8 },
      },
      burn: { fraction: 0.8, uids: [204] },
    }),
    'basilica.json',
    hardwareRateTableSchema,
    NOW,
  );
  const cfg: HardwareRateConfig = { kind: 'hardware-rate', table: 'basilica.json', assume: { where: 'the test' } };

  it('shares the H100 category by GPU count', () => {
    const e = hardwareRateLaw.estimate(
      ctx({ machine: measure(h100x8()), config: cfg, flags: { ...known, gpusOfModel: 24 }, table: basilica }),
    );
    // mine = 0.12 x 8/32 = 0.03; others 1 x (1.00 - 0.03) = 0.97; share = 0.2 x 0.03 / 1.0 = 0.006
    expect(e.share.value).toBeCloseTo(0.006, 12);
  });

  it('refuses B200 below its minimum of 8 GPUs', () => {
    const b200x4 = facts(Array.from({ length: 4 }, () => gpu({ name: 'NVIDIA B200', memoryTotalMiB: 183359 })));
    const e = hardwareRateLaw.estimate(ctx({ machine: measure(b200x4), config: cfg, flags: known, table: basilica }));
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(['B200 is paid only with at least 8 GPUs per machine; this machine has 4']);
  });
});
