// The strategist's table and its MINE / SKIP / WATCH rules on constructed subnets (literal cases), and on the shipped
// 2026 snapshot: whatever plugins and eligibility are claimed, a fully burned or emission-off subnet is never MINE.
import { describe, expect, it } from 'vitest';
import { strategistTable, priceTrend } from '../../harness/evaluate/strategist-table.ts';
import { subnetVerdict, type EligibilityEvidence, type PluginInfo } from '../../harness/evaluate/subnet-verdict.ts';
import { subnetEconomics } from '../../harness/evaluate/subnet-economics.ts';
import { loadDefaultSnapshot } from '../../harness/chain/default-snapshot.ts';
import type { SubnetSnapshot } from '../../harness/model/chain-snapshot-schema.ts';
import { constructedSnapshot, constructedSubnet } from './earnings-fixture.ts';

const plugin: PluginInfo = { ids: ['seven'], shape: 'openai-http, 1 GPU', law: null };
const eligible: EligibilityEvidence = { eligible: true, runs: 1, machines: ['gpu-01'], latestRun: 'r1' };
/** SN7 without per-UID data: MinerBurned 0.4, emission on, registration open, price 0.01 (see earnings-fixture). */
const base = (over: Partial<SubnetSnapshot> = {}) => constructedSubnet({ uids: null, ...over });
const verdict = (s: SubnetSnapshot, p: PluginInfo | null = plugin, e: EligibilityEvidence | null = eligible) =>
  subnetVerdict(subnetEconomics(constructedSnapshot([s]), 7), p, e);
const emission = (over: Partial<SubnetSnapshot['emission']>) => ({ emission: { ...base().emission, ...over } });

describe('MINE / SKIP / WATCH', () => {
  it('MINE: emission on, pool > 0 at a price, MinerBurned 40 %, registration open, a plugin, an eligible result', () => {
    const v = verdict(base());
    expect(v.verdict).toBe('MINE');
    // pool: 1 x (53,739/65,535) x 0.5 x 7,200 x 0.6 alpha x 0.01 TAO = 17.71 TAO/day
    expect(v.reasons[0]).toBe(
      'miner pool 17.71 TAO/day after burns, MinerBurned 40.0 %, emission on, eligible on gpu-01',
    );
    expect(v.reasons).toContain('per-operator figures need live chain (chain snapshot --window 7d)');
  });

  it('SKIP when emission is off or MinerBurned is 1, even with a plugin and an eligible result', () => {
    const off = verdict(base(emission({ enabled: false })));
    expect(off.verdict).toBe('SKIP');
    expect(off.reasons[0]).toContain('emission is switched off');
    const burned = verdict(base(emission({ minerBurnedFraction: 1 })));
    expect(burned.verdict).toBe('SKIP');
    expect(burned.reasons[0]).toBe('MinerBurned = 100 %: all miner incentive went to the owner');
  });

  it('SKIP when registration is closed, nothing is emitted, or every machine is not eligible', () => {
    expect(verdict(base({ registrationAllowed: false })).reasons).toContain(
      'registration is closed (NetworkRegistrationAllowed false)',
    );
    expect(verdict(base(emission({ subtokenEnabled: false }))).verdict).toBe('SKIP');
    const notEligible = verdict(base(), plugin, { ...eligible, eligible: false });
    expect(notEligible.verdict).toBe('SKIP');
    expect(notEligible.reasons[0]).toContain('not eligible: the latest run of each machine (gpu-01)');
  });

  it('SKIP when per-UID data shows no operator but the owner earning', () => {
    const owner = constructedSubnet();
    const v = verdict({ ...owner, uids: { ...owner.uids!, incentive: [0, 0, 0, 0, 4] } });
    expect(v.verdict).toBe('SKIP');
    expect(v.reasons[0]).toBe('miner pool after burns is 0: no operator but the owner earned at this block');
  });

  it('WATCH: MinerBurned >= 50 %, no plugin, no eligible result, or the 2026 items unknown', () => {
    const high = verdict(base(emission({ minerBurnedFraction: 0.6 })));
    expect([high.verdict, high.reasons[0]]).toEqual([
      'WATCH',
      'MinerBurned 60.0 %: most miner incentive goes to the owner',
    ]);
    const noPlugin = verdict(base(), null, null);
    expect([noPlugin.verdict, noPlugin.reasons[0]]).toEqual([
      'WATCH',
      'no minerbench plugin: hardware fit and eligibility not measurable here',
    ]);
    const unmeasured = verdict(base(), plugin, null);
    expect(unmeasured.reasons[0]).toBe(
      'not measured: no indexed result shows this fleet eligible (run minerbench run seven)',
    );
    const unknown = verdict(base(emission({ enabled: null, minerBurnedFraction: null })));
    expect(unknown.verdict).toBe('WATCH');
    expect(unknown.reasons).toContain('MinerBurned unknown on this snapshot');
  });
});

describe('the table', () => {
  it('orders MINE, WATCH, SKIP, then by miner pool, with price trend and counts', () => {
    const snap = constructedSnapshot([
      base({ netuid: 1, emission: { ...base().emission, enabled: false } }),
      base({ netuid: 2 }),
      base({ netuid: 3, perBlock: { ...base().perBlock, alphaOutRao: '2000000000' } }),
      base({ netuid: 4 }),
    ]);
    const t = strategistTable(snap, {
      plugins: new Map([[4, plugin]]),
      eligibility: new Map([[4, eligible]]),
    });
    expect(t.rows.map((r) => [r.netuid, r.verdict])).toEqual([
      [4, 'MINE'],
      [3, 'WATCH'], // twice the alpha_out, no plugin
      [2, 'WATCH'],
      [1, 'SKIP'],
    ]);
    expect(t.rows[1]!.minerPoolTaoPerDay).toBeCloseTo(2 * (193_460_400 / 65_535) * 0.6 * 0.01, 9);
    expect(t.rows[0]!.earningOperators).toBeNull();
    expect(t.rows[0]!.operatorsNote).toContain('needs live chain');
    expect(t.rules).toHaveLength(3);
  });

  it('price trend: spot now against the earliest recorded spot price, over the days between the blocks', () => {
    const s = base({
      priceHistory: [
        { block: 1000 - 7200 * 10, time: null, taoPerAlpha: 0.008, kind: 'spot', source: 'test' },
        { block: 1000 - 7200, time: null, taoPerAlpha: 0.02, kind: 'moving', source: 'test' },
      ],
    });
    // 0.01 / 0.008 - 1 = +25 % over 72,000 blocks x 12 s = 10 days
    expect(priceTrend(s, 1000, 12)).toEqual({
      change: 0.01 / 0.008 - 1,
      fromBlock: 1000 - 72_000,
      fromTime: null,
      days: 10,
      against: 'spot',
    });
    expect(priceTrend(base(), 1000, 12)).toBeNull();
  });

  it('on the shipped 2026 snapshot, with a plugin and an eligible result claimed for every subnet, no fully burned or emission-off subnet is MINE', async () => {
    const snap = await loadDefaultSnapshot();
    const all = new Map(snap.subnets.map((s) => [s.netuid, plugin]));
    const yes = new Map(snap.subnets.map((s) => [s.netuid, eligible]));
    const t = strategistTable(snap, { plugins: all, eligibility: yes });
    expect(t.rows.length).toBeGreaterThanOrEqual(125);
    const mine = t.rows.filter((r) => r.verdict === 'MINE');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((r) => r.emissionEnabled !== true || r.minerBurnedFraction === 1)).toEqual([]);
    // 35 fully burned and 43 emission off (overlapping): all SKIP
    const doomed = t.rows.filter((r) => r.emissionEnabled === false || r.minerBurnedFraction === 1);
    expect(doomed.length).toBeGreaterThanOrEqual(43);
    expect(doomed.every((r) => r.verdict === 'SKIP')).toBe(true);
  });
});
