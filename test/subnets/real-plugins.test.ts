// The shipped plugins: every profile's law block and gates validate; lium, ni-compute, chutes, targon and vidaio each
// price a hand-made machine with literal numbers worked by hand; a pool-bound gate and --pool are checked by planLaw.
import { describe, expect, it } from 'vitest';
import { readLawTable } from '../../harness/config/law-table-file.ts';
import { lawTablePath } from '../../harness/config/law-table-option.ts';
import { replayProfile } from '../../harness/config/replay-profile.ts';
import { stressArgs, stressWorkloadSchema } from '../../harness/config/stress-workload.ts';
import { listSubnetIds, loadSubnet, type LoadedProfile } from '../../harness/config/subnet-registry.ts';
import { checkEligibility, resolveGates } from '../../harness/evaluate/eligibility/eligibility-gates.ts';
import { resolveLaw } from '../../harness/evaluate/incentive/incentive-laws.ts';
import type { LoadedTable } from '../../harness/config/law-table-file.ts';
import type { MachineMeasure } from '../../harness/model/machine-measure.ts';
import { earningsSchema } from '../../harness/model/result/earnings-section.ts';
import { planLaw } from '../../harness/run/plan-law.ts';
import { ctx, economics, facts, gpu, measure, NOW } from '../evaluate/incentive/law-test-support.ts';

async function plugin(id: string) {
  const loaded: LoadedProfile = await loadSubnet(id);
  const { law, config } = resolveLaw(loaded.profile.law, loaded.file);
  const gates = resolveGates(loaded.profile.eligibility, loaded.file);
  const choice = lawTablePath({
    pluginDir: loaded.dir,
    profileTable: (config as { table?: string }).table,
    lawTableFlag: null,
    cwd: process.cwd(),
  });
  const table = choice && law.tableSchema ? readLawTable(choice.file, law.tableSchema, NOW) : null;
  return { loaded, law, config, gates, table: table as LoadedTable<unknown> | null };
}

/** Prices `m` with the plugin's law after its own gates, as the run pipeline would. */
function price(p: Awaited<ReturnType<typeof plugin>>, m: MachineMeasure, flags: Record<string, unknown>) {
  const pool = p.law.pools ? p.law.pools.inForce(p.config, flags) : null;
  const withGates = { ...m, eligibility: checkEligibility(m.facts, p.gates, p.table, pool) };
  const e = p.law.estimate(ctx({ machine: withGates, config: p.config, flags, table: p.table, network: economics() }));
  // What a law returns is a valid result section (strict schema: no extra keys, ranges and sources well formed).
  return earningsSchema.parse(e);
}

describe('lium', () => {
  it('loads: stress workload, hardware-rate law with its dated table, four gates', async () => {
    const p = await plugin('lium');
    expect(p.loaded.profile.netuid).toBe(51);
    expect(p.law.kind).toBe('hardware-rate');
    expect(p.table).toMatchObject({
      readAt: '2025-08-22',
      source: expect.stringMatching(/^Datura-ai\/lium-io@bc290ae:/),
    });
    expect(p.gates.map((g) => g.gate.kind)).toEqual(['min-gpus', 'gpu-model-in-table', 'idle-utilisation', 'driver']);
    const w = stressWorkloadSchema.parse(p.loaded.profile.workload);
    expect(stressArgs(w, 'cpu')).toEqual([
      '--seconds',
      '120',
      '--interval',
      '5',
      '--phases',
      'fp16,fp32',
      '--device',
      'cpu',
    ]);
  });

  it('prices 8 x RTX 4090 with 40 others of the model: 0.2 x 0.05 x 8/48 = 0.0016667 of the pool', async () => {
    const p = await plugin('lium');
    const m = measure(
      facts(Array.from({ length: 8 }, () => gpu({ name: 'NVIDIA GeForce RTX 4090', memoryTotalMiB: 24564 }))),
    );
    const flags = {
      gpusOfModel: 40,
      othersScore: null,
      uptimeDays: null,
      sysbox: 'no',
      collateral: 'yes',
      fieldFactor: 1,
    };
    const e = price(p, m, flags);
    // mine = 0.05 x 8/48 = 0.0083333; others 1 x (1.00 - 0.0083333); total 1.0; share = 0.2 x 0.0083333 = 0.0016667
    expect(e.eligible).toBe(true);
    expect(e.share.value).toBeCloseTo((0.2 * 0.05 * 8) / 48, 12);
    // 0.0016667 x 3000 alpha = 5 alpha/day = 0.1 TAO/day; collateral 0.010 TAO x 8 GPUs x 7 days = 0.56 TAO.
    expect(e.gross.alphaPerDay.value).toBeCloseTo(5, 9);
    expect(e.breakdown.find((b) => b.label.startsWith('collateral'))?.value).toBeCloseTo(0.56, 9);
  });
});

describe('ni-compute', () => {
  it('loads: stress workload, TFLOPS-identified score table', async () => {
    const p = await plugin('ni-compute');
    expect(p.loaded.profile.netuid).toBe(27);
    expect(p.table).toMatchObject({ readAt: '2025-02-26' });
    expect(stressWorkloadSchema.safeParse(p.loaded.profile.workload).success).toBe(true);
  });

  it('prices 4 x A100-SXM4-80GB identified from TFLOPS: 1.9 x 4 / 32 = 0.2375 against 15 others', async () => {
    const p = await plugin('ni-compute');
    const m = measure(
      facts(Array.from({ length: 4 }, () => gpu({ name: 'NVIDIA A100-SXM4-80GB', memoryTotalMiB: 81920 }))),
      {
        stress: { fp16Tflops: 4 * 240, fp32Tflops: 4 * 18.5, stable: true },
      },
    );
    const e = price(p, m, {
      gpusOfModel: null,
      othersScore: 15,
      uptimeDays: null,
      sysbox: null,
      collateral: null,
      fieldFactor: null,
    });
    // (240, 18.5, 34.36): A100-SXM4-80GB deviation (1.2/238.8 + 0.3/18.2 + 0)/3 = 0.00717, nearest.
    // score = 1.9 x 4 / (4.0 x 8) = 0.2375; share = 0.2375 / (0.2375 + 15) = 0.0155866
    expect(e.breakdown.find((b) => b.label === 'identified as')?.value).toBe('NVIDIA A100-SXM4-80GB');
    expect(e.share.value).toBeCloseTo(0.2375 / 15.2375, 12);
  });
});

describe('chutes', () => {
  it('loads as a replay plugin on the inference-openai echo miner, gated on TDX', async () => {
    const p = await plugin('chutes');
    const r = replayProfile(p.loaded.profile, p.loaded.file);
    expect(r.miner.build).toBe('../inference-openai/miner');
    expect(r.transport.kind).toBe('openai-http');
    expect(p.table).toMatchObject({ readAt: '2025-10-04' });
    expect(p.gates.map((g) => g.gate.kind)).toEqual(['min-gpus', 'gpu-model-in-table', 'confidential-compute']);
  });

  it('a TDX node with CC-mode H100s is eligible and priced; the same GPUs without TEE are not', async () => {
    const p = await plugin('chutes');
    const tokens = {
      promptTokensPerS: 20000,
      outputTokensPerS: 2000,
      promptTokensPerStreamS: null,
      outputTokensPerStreamS: null,
    };
    const flags = {
      networkPtps: 5000,
      networkOtps: 50,
      networkCuPerDay: 5e8,
      utilisation: 0.5,
      computeMultiplier: 2.35 / 4.5,
    };
    const tee = facts(
      Array.from({ length: 8 }, () => gpu({ ccMode: 'on' })),
      {
        cpu: { model: null, ccFlags: ['tdx_guest'], source: '/proc/cpuinfo flags' },
      },
    );
    const e = price(p, measure(tee, { tokens }), flags);
    // CU/day = 86400 x 0.5 x (20000/5000 + 2000/50) x 8 x 0.522222 = 7,941,120; share = CU / (CU + 5e8) = 0.015634
    expect(e.eligible).toBe(true);
    expect(e.share.value).toBeCloseTo(7941120 / 507941120, 9);
    const plain = price(p, measure(facts(Array.from({ length: 8 }, () => gpu({ ccMode: 'off' }))), { tokens }), flags);
    expect(plain.eligible).toBe(false);
    expect(plain.share.value).toBe(0);
    expect(plain.reasons[0]).toMatch(/^confidential compute \(TEE\): no \(requires CPU TDX/);
  });
});

describe('targon', () => {
  it('loads as earnings only with the example auctions, gated on confidential compute', async () => {
    const p = await plugin('targon');
    expect(p.loaded.profile.workload).toEqual({ kind: 'none' });
    expect(p.table).toMatchObject({ readAt: '2026-06-09' });
  });

  it('prices a TDX node with 8 CC-mode H200s in the H200 auction', async () => {
    const p = await plugin('targon');
    const node = facts(
      Array.from({ length: 8 }, () => gpu({ name: 'NVIDIA H200', memoryTotalMiB: 143771, ccMode: 'on' })),
      {
        cpu: { model: null, ccFlags: ['tdx_guest'], source: '/proc/cpuinfo flags' },
      },
    );
    const e = price(p, measure(node), { auction: null, auctionName: null, auctionCards: 400 });
    // 0.60 x 8 / 408 = 0.0117647 of the pool (under the max-bid cap of 8 x 72 USD / 16,338.63 USD = 0.0352539)
    expect(e.eligible).toBe(true);
    expect(e.share.value).toBeCloseTo((0.6 * 8) / 408, 12);
    expect(e.warnings.some((w) => w.includes('2026-06-09'))).toBe(true);
  });
});

describe('every shipped plugin', () => {
  it('declares a law block and gates that their kinds accept', async () => {
    const ids = listSubnetIds();
    expect(ids).toEqual(['chutes', 'grail', 'inference-openai', 'lium', 'ni-compute', 'targon', 'template', 'vidaio']);
    for (const id of ids) {
      const p = await plugin(id);
      expect(p.law.kind, id).toBe(p.loaded.profile.law?.kind ?? 'quality-share');
    }
  });
});

describe('vidaio', () => {
  // 0.8 x 0.2 for each of the top 5 in compression, 0.2 x 0.2 in upscaling; burn 0; field guessed at 150 (0..first).
  const l40s = () => facts([gpu({ name: 'NVIDIA L40S', memoryTotalMiB: 46068, nvenc: true })]);
  const replay = (byS: Record<string, number>) => ({
    replay: { okQps: 0.1, p99Ms: 40_000, timeoutS: 180, qualityMean: 0.5, validatorQps: 0.01, qualityBySynapse: byS },
  });
  const scores = { VideoCompressionProtocol: 0.9, VideoUpscalingProtocol: 0.3 };

  it('a machine with NVENC placed in the top 5 of compression gets 0.8 x 0.2 = 0.16 of the pool', async () => {
    const p = await plugin('vidaio');
    const e = price(p, measure(l40s(), replay(scores)), { pool: null, fieldQuality: '99', fieldSize: 150 });
    // better than 99 % of 150: ceil(0.01 x 150) = 2 better -> rank 3 -> 0.16
    expect(e.eligible).toBe(true);
    expect(e.share.value).toBeCloseTo(0.16, 12);
    expect(e.inputs.find((i) => i.name === 'quality')).toMatchObject({ value: 0.9 });
  });

  it('an H100 (no NVENC) is not eligible for compression, and is priced in upscaling with --pool upscaling', async () => {
    const p = await plugin('vidaio');
    const h100 = measure(facts([gpu()]), replay(scores));
    const c = price(p, h100, { pool: null, fieldQuality: '99', fieldSize: 150 });
    expect(c.eligible).toBe(false);
    expect(c.share.value).toBe(0);
    expect(c.reasons[0]).toMatch(/^hardware video encoder \(NVENC\) \(compression pool\): no/);
    const u = price(p, h100, { pool: 'upscaling', fieldQuality: '99', fieldSize: 150 });
    expect(u.eligible).toBe(true);
    // rank 3 in upscaling: 0.2 x 0.2 = 0.04, placed by the upscaling answers' 0.3
    expect(u.share.value).toBeCloseTo(0.04, 12);
    expect(u.inputs.find((i) => i.name === 'quality')).toMatchObject({ value: 0.3 });
  });

  it('planLaw refuses --pool naming no pool, and a gate bound to a pool the law lacks', async () => {
    const p = await plugin('vidaio');
    const base = { profileFile: p.loaded.file, pluginDir: p.loaded.dir, origin: {}, cwd: process.cwd(), now: NOW };
    expect(() => planLaw({ ...base, profile: p.loaded.profile, options: { pool: 'denoise' } })).toThrow(
      "--pool denoise: vidaio's pools are compression, upscaling",
    );
    const profile = { ...p.loaded.profile, eligibility: [{ gate: 'nvenc', pool: 'encoding' }] };
    try {
      planLaw({ ...base, profile, options: {} });
      expect.unreachable('planLaw accepted a gate bound to no pool of the law');
    } catch (e) {
      expect(e).toMatchObject({ code: 'CONFIG_INVALID' });
      expect((e as { details: string[] }).details).toEqual([
        `${p.loaded.file}: eligibility.0.pool: 'encoding' is not a pool of the rank-shares law (its pools: compression, upscaling)`,
      ]);
    }
  });
});
