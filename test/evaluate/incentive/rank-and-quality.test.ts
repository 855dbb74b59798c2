// quality-share, rank-shares and capped-power laws worked by hand: placement by percentile, by the uniform rule and by
// a file of the field's scores; Vidaio's top-5 equal shares of 80 % / 20 %; grail's capped exponent with its burn.
import { describe, expect, it } from 'vitest';
import { cappedPowerLaw, type CappedPowerConfig } from '../../../harness/evaluate/incentive/capped-power.ts';
import { lawByKind, resolveLaw } from '../../../harness/evaluate/incentive/incentive-laws.ts';
import { qualityShareLaw } from '../../../harness/evaluate/incentive/quality-share.ts';
import { rankSharesLaw, type RankSharesConfig } from '../../../harness/evaluate/incentive/rank-shares.ts';
import type { LoadedTable } from '../../../harness/config/law-table-file.ts';
import { ctx, economics, facts, gpu, measure } from './law-test-support.ts';

// Five paying miners: 100, 60, 40, 20, 10 alpha/day (pool 230).
const network = economics({
  minerPool: { alphaPerDay: 230, taoPerDay: 4.6, basis: 'constructed' },
  perUid: { payingMiners: 5, perMinerAlphaPerDay: [100, 60, 40, 20, 10] },
});
const replayed = (q: number) =>
  measure(facts([gpu()]), { replay: { okQps: 10, p99Ms: 200, timeoutS: 12, qualityMean: q, validatorQps: 0.04 } });
const scoresFile = (scores: number[]): LoadedTable<{ scores: number[] }> => ({
  data: { scores },
  path: 'field.json',
  source: 'hand-made',
  readAt: '2026-11-20',
  ageDays: 5,
  ageWarning: null,
});

describe('quality-share', () => {
  const est = (fieldQuality: string | null, q = 0.7, table: LoadedTable<{ scores: number[] }> | null = null) =>
    qualityShareLaw.estimate(
      ctx({ machine: replayed(q), config: { kind: 'quality-share' }, flags: { fieldQuality }, table, network }),
    );

  it('places by percentile: better than 80 % of 5 -> rank ceil(0.2 x 5) = 1 -> 100/230', () => {
    expect(est('80').share.value).toBeCloseTo(100 / 230, 12);
    // better than 50 %: rank ceil(0.5 x 5) = 3 -> 40/230
    expect(est('50').share.value).toBeCloseTo(40 / 230, 12);
  });

  it('places by the uniform rule: quality 0.7 -> rank ceil(0.3 x 5) = 2 -> 60/230', () => {
    expect(est('uniform').share.value).toBeCloseTo(60 / 230, 12);
  });

  it('places among a file of scores: two of [0.9, 0.8, 0.6, 0.5] beat 0.7 -> rank 3 -> 40/230', () => {
    const e = est('field.json', 0.7, scoresFile([0.9, 0.8, 0.6, 0.5]));
    expect(e.share.value).toBeCloseTo(40 / 230, 12);
    expect(e.inputs.find((i) => i.name === 'fieldScores')).toMatchObject({ source: 'file', value: 4 });
  });

  it('without a placement: the median paying miner (rank 3), range last..top, and the flag named', () => {
    const e = est(null);
    expect(e.share).toEqual({ value: 40 / 230, low: 10 / 230, high: 100 / 230 });
    expect(e.dominantInputs).toEqual(['placement']);
    expect(e.inputs.find((i) => i.name === 'placement')?.supplyWith).toBe('--field-quality FILE|P');
    // top rank 1, p10 ceil(0.5) = 1, p50 ceil(2.5) = 3, p90 ceil(4.5) = 5, last 5
    expect(e.scenarios.map((s) => s.share)).toEqual([100 / 230, 100 / 230, 40 / 230, 10 / 230, 10 / 230]);
  });

  it('without per-UID data the pay at each rank is unknown', () => {
    const e = qualityShareLaw.estimate(
      ctx({
        machine: replayed(0.7),
        config: { kind: 'quality-share' },
        flags: { fieldQuality: '50' },
        network: economics(),
      }),
    );
    expect(e.share.value).toBeNull();
    expect(e.missing[0]).toContain('no per-UID incentive');
  });
});

describe('rank-shares (Vidaio)', () => {
  // vidAio-subnet/vidaio-subnet@fea3779 (2026-08-18) miner_manager.py: emission_rank_shares [0.2] x 5; 80 % compression,
  // 20 % upscaling; burn 0.0 (incentive_mechanism_summary.md).
  const vidaio: RankSharesConfig = {
    kind: 'rank-shares',
    source: 'vidAio-subnet/vidaio-subnet@fea3779:vidaio_subnet_core/validating/managing/miner_manager.py',
    pools: [
      { name: 'compression', weight: 0.8, shares: [0.2, 0.2, 0.2, 0.2, 0.2] },
      { name: 'upscaling', weight: 0.2, shares: [0.2, 0.2, 0.2, 0.2, 0.2] },
    ],
    defaultPool: 'compression',
    burnFraction: 0,
    assume: { fieldSize: { value: 19, range: [9, 49] }, where: 'the test' },
  };
  const est = (flags: { fieldQuality: string | null; pool: string | null; fieldSize: number | null }) =>
    rankSharesLaw.estimate(ctx({ machine: replayed(0.8), config: vidaio, flags }));

  it('a top-5 compression miner gets 0.8 x 0.2 = 0.16 of the pool; rank 6 gets nothing', () => {
    // better than 80 % of 20 others: ceil(0.2 x 20) = 4 better -> rank 5 -> 0.16
    expect(est({ fieldQuality: '80', pool: null, fieldSize: 20 }).share.value).toBeCloseTo(0.16, 12);
    // better than 75 %: ceil(0.25 x 20) = 5 better -> rank 6 -> 0
    expect(est({ fieldQuality: '75', pool: null, fieldSize: 20 }).share.value).toBe(0);
    // upscaling rank 1: 0.2 x 0.2 = 0.04
    expect(est({ fieldQuality: '100', pool: 'upscaling', fieldSize: 20 }).share.value).toBeCloseTo(0.04, 12);
  });

  it('without a placement: the expected share over every place, range 0..first place', () => {
    const e = est({ fieldQuality: null, pool: null, fieldSize: 19 });
    // 5 paid places of 20, each 0.16: expected 5 x 0.16 / 20 = 0.04
    expect(e.share.value).toBeCloseTo(0.04, 12);
    expect(e.share.low).toBe(0);
    expect(e.share.high).toBeCloseTo(0.16, 12);
    expect(e.dominantInputs[0]).toBe('placement');
  });

  it("places each pool by its own synapses' scores when the pools name them", () => {
    const named: RankSharesConfig = {
      ...vidaio,
      pools: [
        { ...vidaio.pools[0]!, synapses: ['VideoCompressionProtocol'] },
        { ...vidaio.pools[1]!, synapses: ['VideoUpscalingProtocol'] },
      ],
    };
    const both = measure(facts([gpu()]), {
      replay: {
        okQps: 1,
        p99Ms: 900,
        timeoutS: 180,
        qualityMean: 0.5,
        validatorQps: 0.01,
        qualityBySynapse: { VideoCompressionProtocol: 0.9, VideoUpscalingProtocol: 0.1 },
      },
    });
    const field = scoresFile([0.95, 0.85, 0.5, 0.2]);
    const at = (pool: string | null, machine = both) =>
      rankSharesLaw.estimate(
        ctx({ machine, config: named, flags: { fieldQuality: 'field.json', pool, fieldSize: null }, table: field }),
      );
    // compression 0.9: one of [0.95, 0.85, 0.5, 0.2] is better -> rank 2 -> 0.8 x 0.2 = 0.16
    const c = at(null);
    expect(c.share.value).toBeCloseTo(0.16, 12);
    expect(c.inputs.find((i) => i.name === 'quality')).toMatchObject({ value: 0.9, source: 'measured' });
    // upscaling 0.1: all four are better -> rank 5 -> 0.2 x 0.2 = 0.04 (the overall mean 0.5 would have said rank 3)
    const u = at('upscaling');
    expect(u.share.value).toBeCloseTo(0.04, 12);
    expect(u.inputs.find((i) => i.name === 'quality')?.value).toBe(0.1);
    // a run that replayed only upscaling says the compression place is unknown
    const onlyUp = measure(facts([gpu()]), {
      replay: {
        okQps: 1,
        p99Ms: 900,
        timeoutS: 180,
        qualityMean: 0.1,
        validatorQps: 0.01,
        qualityBySynapse: { VideoUpscalingProtocol: 0.1 },
      },
    });
    const none = at(null, onlyUp);
    expect(none.share.value).toBeNull();
    expect(none.missing[0]).toMatch(/^no VideoCompressionProtocol answers were scored on this machine/);
  });

  it('an unknown pool is refused with the pools listed', () => {
    const e = est({ fieldQuality: '90', pool: 'denoise', fieldSize: 20 });
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(["--pool denoise: this subnet's pools are compression, upscaling"]);
  });
});

describe('capped-power (grail)', () => {
  const grail: CappedPowerConfig = {
    kind: 'capped-power',
    source: 'one-covenant/grail@54d6342:grail/protocol/constants.py, grail/scoring/weights.py',
    capPerWindow: 5000,
    windowsPerPeriod: 12,
    exponent: 4,
    burnFraction: 0.9,
    assume: { othersCapRelative: { value: 2, range: [0, 10] }, where: 'the test' },
  };
  const windowed = (u: number) =>
    measure(facts([gpu()]), { window: { unitsPerWindowMean: u, windows: 12, windowSeconds: 360 } });

  it('the reference 8 x A100 (4,477 rollouts per window) alone: 0.1 x 0.8954^4 = 0.0642789', () => {
    const e = cappedPowerLaw.estimate(ctx({ machine: windowed(4477), config: grail, flags: { othersCapRelative: 0 } }));
    // c = (4477/5000)^4 = 0.8954^4 = 0.80174^2 = 0.642789; T = 0.642789 <= 1, so weight = (1 - 0.9) x 0.642789
    expect(e.share.value).toBeCloseTo(0.1 * 0.8954 ** 4, 12);
    expect(e.share.value).toBeCloseTo(0.0642789, 7);
    expect(e.lawBurnFraction).toBe(0.9);
  });

  it('above the cap it counts as the cap; with three others at the cap the miners share: 0.1 x 1 / 4', () => {
    const e = cappedPowerLaw.estimate(ctx({ machine: windowed(9000), config: grail, flags: { othersCapRelative: 3 } }));
    expect(e.share.value).toBeCloseTo(0.025, 12);
  });

  it('with the field unknown it spans the guess: others 0..10', () => {
    const e = cappedPowerLaw.estimate(
      ctx({ machine: windowed(5000), config: grail, flags: { othersCapRelative: null } }),
    );
    // value: others 2 -> 0.1 x 1/3; high: others 0 -> 0.1; low: others 10 -> 0.1/11
    expect(e.share.value).toBeCloseTo(0.1 / 3, 12);
    expect(e.share.low).toBeCloseTo(0.1 / 11, 12);
    expect(e.share.high).toBeCloseTo(0.1, 12);
  });
});

describe('the law registry', () => {
  it('resolves a law block and refuses an unknown kind with the known ones listed', () => {
    expect(lawByKind('hardware-rate').kind).toBe('hardware-rate');
    expect(() => lawByKind('pay-per-joule')).toThrow("unknown incentive law 'pay-per-joule'");
    try {
      lawByKind('pay-per-joule');
    } catch (e) {
      expect((e as { hint: string }).hint).toBe(
        'known laws: quality-share, hardware-rate, compute-units, rank-shares, capped-power, auction',
      );
    }
    expect(resolveLaw(undefined, 'p.ts').law.kind).toBe('quality-share');
    expect(() => resolveLaw({ kind: 'capped-power', cap: 5 }, 'p.ts')).toThrow(
      "the law block is invalid for 'capped-power'",
    );
  });
});
