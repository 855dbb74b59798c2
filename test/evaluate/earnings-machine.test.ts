// Machine earnings with literal numbers: power cost with PUE, burn amortisation, net at ranks, break-even, capacity, placement.
import { describe, expect, it } from 'vitest';
import { machineEarnings, type MachineRunLike } from '../../harness/evaluate/earnings-machine.ts';
import { qualityAsPercentileRule } from '../../harness/evaluate/earnings-rank-rule.ts';
import { constructedSnapshot } from './earnings-fixture.ts';

const run: MachineRunLike = {
  netuid: 7,
  avgPowerW: 500,
  p99Ms: 800,
  timeoutS: 12,
  capacityQps: 2,
  qualityMean: 0.5,
  validatorQps: 0.04,
};
// TAO at 1 USD: miners earn 10.8, 7.2, 3.6 USD/day (1080, 720, 360 alpha x 0.01).
const prices = {
  taoPrice: { value: 1, currency: 'USD', at: '2026-01-01T00:00:00Z' },
  kwhPrice: { value: 0.25, currency: 'USD' },
};

describe('machineEarnings', () => {
  it('power cost = W x 24 h x PUE x kWh price; burn spread over the tenure', () => {
    const m = machineEarnings(run, constructedSnapshot(), { prices, pue: 1.2, tenureDays: 20 });
    expect(m.power.kwhPerDay).toBeCloseTo(14.4, 12);
    expect(m.power.costPerDay).toBeCloseTo(3.6, 12);
    expect(m.burnAmortised).toEqual({ burnTao: 2, tenureDays: 20, taoPerDay: 0.1, fiatPerDay: 0.1 });
  });

  it('net per day at the ranks, and the break-even rank', () => {
    const m = machineEarnings(run, constructedSnapshot(), { prices, pue: 1.2, tenureDays: 20 });
    expect(m.atRanks.map((r) => [r.label, r.rank, Number(r.netFiatPerDay!.toFixed(6))])).toEqual([
      ['top', 1, 7.1],
      ['p10', 1, 7.1],
      ['p50', 2, 3.5],
      ['p90', 3, -0.1],
      ['last', 3, -0.1],
    ]);
    expect(m.atRanks[2]!.netTaoPerDay).toBeCloseTo(3.5, 9);
    expect(m.breakEvenRank).toBe(2);
    expect(m.breakEvenNote).toBe("ranks 1..2 of 3 paying miners cover this machine's costs");
  });

  it('no rank breaks even when costs exceed the top income', () => {
    const m = machineEarnings({ ...run, avgPowerW: 5000 }, constructedSnapshot(), { prices, pue: 1, tenureDays: 20 });
    expect(m.breakEvenRank).toBeNull();
    expect(m.breakEvenNote).toContain('even the top miner');
  });

  it('a missing TAO price or power measurement leaves the net unknown and says why', () => {
    const noTao = machineEarnings(run, constructedSnapshot(), { prices: { ...prices, taoPrice: null } });
    expect(noTao.atRanks[0]!.netFiatPerDay).toBeNull();
    expect(noTao.atRanks[0]!.grossTaoPerDay).toBeCloseTo(10.8, 9);
    expect(noTao.breakEvenRank).toBeNull();
    expect(noTao.missing).toContain('no --tao-price: TAO income cannot be compared with power cost');
    const noPower = machineEarnings({ ...run, avgPowerW: null }, constructedSnapshot(), { prices });
    expect(noPower.power.costPerDay).toBeNull();
    expect(noPower.missing).toContain('no power measurement: power cost unknown');
  });

  it('capacity: enough throughput with p99 under the timeout passes; a p99 over it fails', () => {
    expect(machineEarnings(run, constructedSnapshot(), { prices }).capacity.ok).toBe(true);
    const slow = machineEarnings({ ...run, p99Ms: 13_000 }, constructedSnapshot(), { prices }).capacity;
    expect(slow.ok).toBe(false);
    expect(slow.note).toBe('needs 0.04 q/s with p99 under 12000 ms; sustained 2 q/s with p99 13000 ms');
    expect(machineEarnings({ ...run, capacityQps: 0.01 }, constructedSnapshot(), { prices }).capacity.ok).toBe(false);
  });

  it('the default rank rule places nowhere and says so; the opt-in rule places by quality as a percentile', () => {
    const d = machineEarnings(run, constructedSnapshot(), { prices });
    expect(d.placement.rule).toBe('spread-only');
    expect(d.placement.rank).toBeNull();
    expect(d.placement.estimate).toBeNull();
    expect(d.placement.statement).toContain('does not know the quality of the other miners');
    const q = machineEarnings(run, constructedSnapshot(), {
      prices,
      rankRule: qualityAsPercentileRule,
      pue: 1.2,
      tenureDays: 20,
    });
    expect(q.placement.rank).toBe(2); // ceil((1 - 0.5) x 3)
    expect(q.placement.estimate?.netFiatPerDay).toBeCloseTo(3.5, 9);
    expect(q.placement.statement).toContain('ASSUMPTION');
  });
});
