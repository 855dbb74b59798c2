// subnetEconomics with literal numbers on constructed snapshots: the per-block pool after the owner cut and MinerBurned,
// block time from the chain (12 s finney, 250 ms devnet), emission off, not emitting, unknowns, and the realised pool.
import { describe, expect, it } from 'vitest';
import { subnetEconomics } from '../../harness/evaluate/subnet-economics.ts';
import { blockClock, periodRule } from '../../harness/evaluate/epoch-period.ts';
import { blockEmissionFromIssuance } from '../../harness/evaluate/block-emission.ts';
import { subnetEconomicsSchema } from '../../harness/model/subnet-economics.ts';
import type { SubnetSnapshot } from '../../harness/model/chain-snapshot-schema.ts';
import { constructedSnapshot, constructedSubnet } from './earnings-fixture.ts';

/** SN7 without per-UID data (as the offline 2026 capture): alpha_out 1 alpha/block, MinerBurned 0.4, price 0.01. */
const noUids = (over: Partial<SubnetSnapshot> = {}) => constructedSubnet({ uids: null, ...over });
const econ = (s: SubnetSnapshot, blockMs = 12_000) => {
  const snap = constructedSnapshot([s]);
  snap.blockTiming = { ms: blockMs, source: 'aura-slot-duration' };
  return subnetEconomics(snap, 7);
};

describe('subnetEconomics from chain state per block (no per-UID data)', () => {
  it('miner pool = alpha_out x (1 - owner cut) x 0.5 x (1 - MinerBurned) x blocks/day, at 12 s blocks', () => {
    const e = econ(noUids());
    expect(subnetEconomicsSchema.safeParse(e).success).toBe(true);
    expect([e.blockSeconds, e.blocksPerDay]).toEqual([12, 7200]); // 86,400 s / 12 s
    expect(e.ownerCut).toBeCloseTo(11_796 / 65_535, 15);
    // before the burn: 1 x (53,739 / 65,535) x 0.5 x 7,200 = 193,460,400 / 65,535 = 2,952.01648...
    expect(e.minerPool.alphaPerDay).toBeCloseTo((193_460_400 / 65_535) * 0.6, 9); // 1,771.2099
    expect(e.minerBurnedAlphaPerDay).toBeCloseTo((193_460_400 / 65_535) * 0.4, 9); // 1,180.8066
    expect(e.minerPool.taoPerDay).toBeCloseTo((193_460_400 / 65_535) * 0.6 * 0.01, 9); // 17.7121 TAO
    expect(e.taoInflowPerDay).toBeCloseTo(0.01 * 7200, 9); // tao_in 0.01 TAO/block + excess 0
    expect(e.perUid).toBeNull();
    expect(e.operators).toBeNull();
    expect(e.operatorsNote).toContain('needs live chain');
    expect(e.minerPool.basis).toContain('MinerBurned 40.0 %');
  });

  it('derives blocks per day from the chain: a 250 ms devnet slot gives 345,600 blocks/day, not 7,200', () => {
    const e = econ(noUids(), 250);
    expect([e.blockSeconds, e.blocksPerDay]).toEqual([0.25, 345_600]); // 86,400,000 ms / 250 ms
    // 1 x (53,739 / 65,535) x 0.5 x 345,600 x 0.6 = 5,571,659,520 / 65,535
    expect(e.minerPool.alphaPerDay).toBeCloseTo(5_571_659_520 / 65_535, 6);
    expect(e.assumptions[0]).toContain("block time 0.25 s (the runtime's Aura.SlotDuration) gives 345600 blocks/day");
  });

  it('a snapshot without the block time assumes finney 12 s and says so as a warning', () => {
    const snap = constructedSnapshot([noUids()]);
    snap.blockTiming = null;
    const e = subnetEconomics(snap, 7);
    expect(e.blocksPerDay).toBe(7200);
    expect(e.warnings.join('\n')).toContain('ASSUMED block time 12 s');
  });

  it('emission off: no TAO enters (inflow 0), the alpha pool is still paid, and a warning says why it is worth less', () => {
    const e = econ(noUids({ emission: { ...noUids().emission, enabled: false } }));
    expect(e.emissionEnabled).toBe(false);
    expect(e.taoInflowPerDay).toBe(0);
    expect(e.minerPool.alphaPerDay).toBeCloseTo((193_460_400 / 65_535) * 0.6, 9);
    expect(e.warnings.join('\n')).toContain('emission is switched off');
  });

  it('MinerBurned = 1: the whole miner half goes to the owner, the pool is 0', () => {
    const e = econ(noUids({ emission: { ...noUids().emission, minerBurnedFraction: 1 } }));
    expect(e.minerPool.alphaPerDay).toBe(0);
    expect(e.minerBurnedAlphaPerDay).toBeCloseTo(193_460_400 / 65_535, 9);
    expect(e.warnings.join('\n')).toContain('MinerBurned = 1');
  });

  it('a subnet the chain does not emit to (FirstEmissionBlockNumber not set) pays 0, and says which rule', () => {
    const e = econ(noUids({ emission: { ...noUids().emission, firstEmissionBlock: null } }));
    expect(e.minerPool.alphaPerDay).toBe(0);
    expect(e.minerPool.basis).toContain('FirstEmissionBlockNumber is not set');
  });

  it('unknown MinerBurned or owner cut leaves the pool unknown (null), naming what is missing', () => {
    const e = econ(noUids({ emission: { ...noUids().emission, minerBurnedFraction: null } }));
    expect(e.minerPool).toMatchObject({ alphaPerDay: null, taoPerDay: null });
    expect(e.minerPool.basis).toBe('unknown: the snapshot has no per-UID data and no MinerBurned for this subnet');
    const snap = constructedSnapshot([noUids()]);
    snap.subnetOwnerCut = null;
    expect(subnetEconomics(snap, 7).minerPool.basis).toContain('no SubnetOwnerCut');
  });

  it('mechanisms: an owner-set split in u16 parts becomes fractions; unset is even', () => {
    const split = econ(noUids({ mechanisms: { count: 2, emissionSplit: [13_107, 52_428], splitKnown: true } }));
    expect(split.mechanisms).toEqual({ count: 2, split: [13_107 / 65_535, 52_428 / 65_535] }); // 0.2, 0.8
    const even = econ(noUids({ mechanisms: { count: 2, emissionSplit: null, splitKnown: false } }));
    expect(even.mechanisms).toEqual({ count: 2, split: [0.5, 0.5] });
    expect(even.warnings.join('\n')).toContain('does not record their emission split');
  });
});

describe('subnetEconomics from realised per-UID emission', () => {
  it('one block: miners 15, 10, 5 alpha per epoch x 72 epochs/day; the owner-coldkey UID (20) is burned', () => {
    const e = subnetEconomics(constructedSnapshot(), 7);
    expect(e.minerPool.alphaPerDay).toBeCloseTo(2160, 9); // (15 + 10 + 5) x 72
    expect(e.minerBurnedAlphaPerDay).toBeCloseTo(1440, 9); // 20 x 72
    expect(e.perUid).toEqual({ payingMiners: 3, perMinerAlphaPerDay: [1080, 720, 360] });
    const o = e.operators!;
    expect([o.samples, o.daysCovered, o.minerUids, o.earningUids, o.earningOperators, o.zeroShare]).toEqual([
      1, 0, 3, 3, 3, 0,
    ]);
    // operators c1, c2, c3 at 1080, 720, 360 alpha/day; ascending [360, 720, 1080]: p50 = rank ceil(1.5) = 2 -> 720
    expect(o.perOperatorAlphaPerDay).toEqual({ p50: 720, p90: 1080, max: 1080 });
    expect(o.perOperatorTaoPerDay!.p50).toBeCloseTo(7.2, 12); // x 0.01 TAO/alpha
    expect(o.ownerAlphaPerDay).toBeCloseTo(1440, 9);
    expect(e.operatorsNote).toContain('one block (1,000)');
  });

  it('a window of two blocks a day apart averages each hotkey, groups by coldkey, and reports a partial window', () => {
    const newest = constructedSubnet().uids!;
    // A day earlier: m1 unpaid, m2 and a new hotkey m4 of the same coldkey c2 paid 10 alpha each, owner 20.
    const older = {
      hotkeys: ['v0', 'm1', 'm2', 'm4', 'owner-miner'],
      coldkeys: ['cv', 'c1', 'c2', 'c2', 'owner-coldkey'],
      incentive: [0, 0, 2, 2, 4],
      dividends: [65535, 0, 0, 0, 0],
      emissionRao: ['50000000000', '0', '10000000000', '10000000000', '20000000000'],
      validatorPermit: [true, false, false, false, false],
      active: [true, true, true, true, true],
    };
    const s = constructedSubnet({
      window: {
        requestedDays: 2,
        requestedBlocks: [100_000, 92_800, 85_600],
        samples: [
          { block: 100_000, hash: '0xa', time: null, uids: newest },
          { block: 92_800, hash: '0xb', time: null, uids: older },
        ],
        missing: [{ block: 85_600, reason: 'netuid 7 did not exist at this block' }],
        partial: true,
      },
    });
    const e = subnetEconomics(constructedSnapshot([s]), 7);
    // per day (x 72): newest m1 1080, m2 720, m3 360; older m2 720, m4 720. Means over 2 samples:
    // m1 540, m2 720, m3 180, m4 360 -> c1 540, c2 720 + 360 = 1080, c3 180
    const o = e.operators!;
    expect([o.samples, o.fromBlock, o.toBlock, o.earningUids, o.earningOperators, o.minerUids]).toEqual([
      2, 92_800, 100_000, 4, 3, 3,
    ]);
    expect(o.daysCovered).toBeCloseTo((7200 * 12) / 86_400, 12); // 1 day
    expect(o.perOperatorAlphaPerDay).toEqual({ p50: 540, p90: 1080, max: 1080 });
    expect(o.partial).toBe(true);
    expect(e.operatorsNote).toBe(
      '2 blocks over 1 days (PARTIAL: 1 of 3 sample blocks of the 2-day window gave no data)',
    );
    // realised pool: (2160 + 1440) / 2 = 1800 alpha/day paid; the owner's 1440 both days
    expect(e.minerPool.alphaPerDay).toBeCloseTo(1800, 9);
    expect(e.minerBurnedAlphaPerDay).toBeCloseTo(1440, 9);
  });

  it('an unknown netuid names the ones the snapshot holds', () => {
    expect(() => subnetEconomics(constructedSnapshot(), 8)).toThrow(
      /netuid 8 is not in the chain snapshot of block 1000/,
    );
  });
});

describe('chain clock and emission rules', () => {
  it('epoch period is tempo + 1 before runtime 423 and tempo from it (and when the runtime is unknown)', () => {
    expect([periodRule(343), periodRule(423), periodRule(null)]).toEqual(['tempo+1', 'tempo', 'tempo']);
  });

  it('block time from two blocks of timestamps when there is no slot duration', () => {
    expect(blockClock({ blockTiming: { ms: 6_000, source: 'block-timestamps' } }).blocksPerDay).toBe(14_400);
  });

  it('block emission halves with issuance: 1 TAO below 10.5 M issued, 0.5 TAO to 15.75 M, 0.25 after', () => {
    const tao = (x: number) => BigInt(x) * 1_000_000_000n;
    expect(blockEmissionFromIssuance(tao(10_499_999))).toBe(1_000_000_000n);
    expect(blockEmissionFromIssuance(tao(10_500_000))).toBe(500_000_000n); // 1/(1 - 0.5) = 2 -> one halving
    expect(blockEmissionFromIssuance(11_206_919_340_788_886n)).toBe(500_000_000n); // the 2026-08-07 issuance
    expect(blockEmissionFromIssuance(tao(15_750_000))).toBe(250_000_000n); // 1/(1 - 0.75) = 4
    expect(blockEmissionFromIssuance(tao(21_000_000))).toBe(0n);
  });
});
