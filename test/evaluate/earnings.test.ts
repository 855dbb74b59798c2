// Earnings model with literal numbers on constructed snapshots: rank distribution, owner burn, prices, period rule.
import { describe, expect, it } from 'vitest';
import { subnetEarnings, rankAtPercentile } from '../../harness/evaluate/earnings.ts';
import { MinerbenchError } from '../../harness/errors.ts';
import { constructedSnapshot, constructedSubnet, withUids } from './earnings-fixture.ts';

const noPrices = { taoPrice: null, kwhPrice: null };
const usd = { taoPrice: { value: 400, currency: 'USD', at: '2026-01-01T12:00:00Z' }, kwhPrice: null };

describe('subnetEarnings', () => {
  it('pays miners their realised emission x 72 epochs/day (tempo 99, period tempo+1) and burns the owner-owned UID', () => {
    const e = subnetEarnings(constructedSnapshot(), 7, usd);
    expect(e.inputs.periodBlocks).toBe(100);
    expect(e.inputs.periodRule).toBe('tempo+1');
    expect(e.inputs.epochsPerDay).toBe(72);
    expect(e.inputs.ownerUids).toEqual([4]);
    expect(e.inputs.emissionPerEpochRao).toBe('100000000000');
    expect(e.minerPool.alphaPerDay).toBeCloseTo(2160, 9); // (15 + 10 + 5) x 72
    expect(e.minerPool.taoPerDay).toBeCloseTo(21.6, 9);
    expect(e.minerPool.fiatPerDay).toBeCloseTo(8640, 6);
    expect(e.burned.alphaPerDay).toBeCloseTo(1440, 9); // 20 x 72, owner coldkey
    expect(e.payingMiners).toBe(3);
  });

  it('gives the rank distribution, top share and concentration of paying miners', () => {
    const e = subnetEarnings(constructedSnapshot(), 7, noPrices);
    expect(e.distribution.map((d) => [d.label, d.rank, Math.round(d.alphaPerDay)])).toEqual([
      ['top', 1, 1080],
      ['p10', 1, 1080],
      ['p50', 2, 720],
      ['p90', 3, 360],
      ['last', 3, 360],
    ]);
    expect(e.topShare).toBeCloseTo(0.5, 12);
    expect(e.concentration).toBeCloseTo(0.25 + 1 / 9 + 1 / 36, 12);
    expect(e.perMinerAlphaPerDay.map(Math.round)).toEqual([1080, 720, 360]);
  });

  it('without --tao-price gives TAO only, and says so', () => {
    const e = subnetEarnings(constructedSnapshot(), 7, noPrices);
    expect(e.minerPool.fiatPerDay).toBeNull();
    expect(e.distribution[0]!.fiatPerDay).toBeNull();
    expect(e.assumptions.join('\n')).toContain('no TAO price given');
  });

  it('without an alpha price gives alpha only (no TAO made up)', () => {
    const s = constructedSubnet({ price: { taoPerAlpha: null, source: 'unavailable' } });
    const e = subnetEarnings(constructedSnapshot([s]), 7, usd);
    expect(e.minerPool.alphaPerDay).toBeCloseTo(2160, 9);
    expect(e.minerPool.taoPerDay).toBeNull();
    expect(e.minerPool.fiatPerDay).toBeNull();
  });

  it('owner by hotkey counts too, and the owner hotkey as validator keeps its dividends out of the miner pool', () => {
    const s = constructedSubnet();
    const e = subnetEarnings(constructedSnapshot([{ ...s, ownerHotkey: 'm1', ownerColdkey: 'nobody' }]), 7, noPrices);
    expect(e.inputs.ownerUids).toEqual([1]);
    expect(e.burned.alphaPerDay).toBeCloseTo(1080, 9);
    expect(e.minerPool.alphaPerDay).toBeCloseTo((10 + 5 + 20) * 72, 9);
  });

  it('splits a UID that both mines and validates by its incentive and dividend shares', () => {
    // UID 1 also holds all dividends: a = 3/10, b = 1, so its miner part is 15 x 0.3/1.3.
    const e = subnetEarnings(
      constructedSnapshot([constructedSubnet(withUids({ dividends: [0, 65535, 0, 0, 0] }))]),
      7,
      noPrices,
    );
    expect(e.perMinerAlphaPerDay[0]).toBeCloseTo(720, 9);
    expect(e.perMinerAlphaPerDay).toContainEqual(expect.closeTo(((15 * 0.3) / 1.3) * 72, 9));
  });

  it('uses period = tempo from runtime spec 423 on', () => {
    const e = subnetEarnings(constructedSnapshot(undefined, 430), 7, noPrices);
    expect(e.inputs.periodRule).toBe('tempo');
    expect(e.inputs.epochsPerDay).toBeCloseTo(7200 / 99, 12);
    expect(e.distribution[0]!.alphaPerDay).toBeCloseTo((15 * 7200) / 99, 9);
  });

  it('no paying miners: empty distribution, null shares', () => {
    const e = subnetEarnings(
      constructedSnapshot([constructedSubnet(withUids({ incentive: [0, 0, 0, 0, 4] }))]),
      7,
      noPrices,
    );
    expect(e.payingMiners).toBe(0);
    expect(e.distribution).toEqual([]);
    expect(e.topShare).toBeNull();
    expect(e.concentration).toBeNull();
  });

  it('reports registration burn and immunity', () => {
    expect(subnetEarnings(constructedSnapshot(), 7, noPrices).registration).toEqual({
      burnTao: 2,
      immunityPeriodBlocks: 7200,
      immunityPeriodDays: 1,
    });
  });

  it('refuses a negative or non-numeric price and an unknown netuid', () => {
    const bad = (v: number) => () =>
      subnetEarnings(constructedSnapshot(), 7, {
        taoPrice: { value: v, currency: 'USD', at: '2026-01-01' },
        kwhPrice: null,
      });
    expect(bad(-1)).toThrowError(MinerbenchError);
    expect(bad(-1)).toThrowError(/tao-price must be a number >= 0, got -1/);
    expect(bad(Number.NaN)).toThrowError(/got NaN/);
    try {
      bad(-1)();
    } catch (e) {
      expect((e as MinerbenchError).code).toBe('PRICE_INVALID');
    }
    expect(() => subnetEarnings(constructedSnapshot(), 8, noPrices)).toThrowError(
      /netuid 8 is not in the chain snapshot/,
    );
  });

  it('rank percentiles count from the top', () => {
    expect([
      rankAtPercentile(10, 200),
      rankAtPercentile(50, 200),
      rankAtPercentile(90, 200),
      rankAtPercentile(90, 1),
    ]).toEqual([20, 100, 180, 1]);
  });
});
