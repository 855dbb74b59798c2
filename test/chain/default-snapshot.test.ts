// The shipped default snapshot: exactly what test/support/build-default-snapshot.ts converts from the 2026-08-07 capture
// (so it is rebuilt, never hand-edited), with its block, date and source, and the 2026 figures the capture holds.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefaultSnapshot } from '../../harness/chain/default-snapshot.ts';
import {
  CAPTURE_2026_08_07,
  MULTI_SUBNET_DIR,
  convertMetagraphedCapture,
  readCapture,
  toRao,
} from '../support/convert-metagraphed-capture.ts';

const present = existsSync(MULTI_SUBNET_DIR + CAPTURE_2026_08_07);
if (!present) console.warn(`skipped: ${MULTI_SUBNET_DIR} is absent (../shared/fixtures not mounted)`);

describe('the shipped default snapshot', () => {
  it('is finney block 8,791,253 of 2026-08-07 with 128 subnets (root left out), converted, without per-UID data', async () => {
    const s = await loadDefaultSnapshot();
    expect(s.block).toEqual({
      number: 8_791_253,
      hash: '0x5d9ff876d8d6624820bdd436ec1983f1a95b470a2060fe8eb57412b4138d5f02',
      time: '2026-08-07T08:35:00.000Z',
      timeSource: 'capture-time',
    });
    expect(s.source.method).toBe('converted');
    expect(s.source.endpoint).toContain('JSONbored/metagraphed@30a4d61b');
    expect(s.subnets).toHaveLength(128);
    expect(s.subnets.every((x) => x.uids === null)).toBe(true);
    // 11,206,919.340788886 TAO issued: past the first halving, 0.5 TAO per block
    expect([s.totalIssuanceRao, s.blockEmissionRao, s.subnetOwnerCut]).toEqual([
      '11206919340788886',
      '500000000',
      11_796,
    ]);
    expect(s.blockTiming).toMatchObject({ ms: 12_000, source: 'aura-slot-duration' });
  });

  it('holds what subnets.md §8 counts in the capture: 35 subnets with MinerBurned = 1, 43 with emission off', async () => {
    const s = await loadDefaultSnapshot();
    expect(s.subnets.filter((x) => x.emission.minerBurnedFraction === 1)).toHaveLength(35);
    expect(s.subnets.filter((x) => x.emission.enabled === false)).toHaveLength(43);
    // Σ (tao_in + excess) over subnets = 0.49999994 TAO: the capture's decimals of the 0.5 TAO block emission
    let sum = 0n;
    for (const x of s.subnets) sum += BigInt(x.perBlock.taoInRao!) + BigInt(x.perBlock.excessTaoRao!);
    expect(500_000_000n - sum).toBe(56n);
  });

  it('SN64 Chutes converted field by field (pools in rao, spot from the reserves, EMA kept apart)', async () => {
    const c = (await loadDefaultSnapshot()).subnets.find((x) => x.netuid === 64)!;
    expect([c.name, c.tempo, c.numUids, c.counts.miners, c.counts.validators, c.burnRao]).toEqual([
      'Chutes',
      360,
      256,
      237,
      19,
      '500000',
    ]);
    expect(c.pool).toEqual({
      taoInRao: '221156585169260',
      alphaInRao: '2542377601566700',
      alphaOutRao: '3319182111772565',
    });
    expect(c.perBlock).toEqual({
      alphaOutRao: '1000000000',
      alphaInRao: '143270441',
      taoInRao: '12462749',
      excessTaoRao: '50031047',
    });
    expect(c.price.taoPerAlpha).toBeCloseTo(221_156_585_169_260 / 2_542_377_601_566_700, 15); // 0.086988
    expect(c.movingPrice).toBe(0.08647998492233455);
    expect(c.emission).toEqual({
      enabled: true,
      minerBurnedFraction: 0,
      firstEmissionBlock: 5_228_683,
      firstEmissionKnown: true,
      subtokenEnabled: true,
    });
    expect(c.priceHistory.map((p) => [p.block, p.kind])).toEqual([
      [8_404_076, 'spot'],
      [8_740_402, 'moving'],
    ]);
  });

  it.skipIf(!present)(
    'is exactly the conversion of the capture in ../shared/fixtures (rebuild it, never edit it)',
    async () => {
      expect(await loadDefaultSnapshot()).toEqual(convertMetagraphedCapture());
    },
  );

  it.skipIf(!present)('converts decimal TAO back to rao exactly below 2^53 rao', () => {
    const cap = readCapture(CAPTURE_2026_08_07);
    const sn64 = cap.subnets.find((x: { netuid: number }) => x.netuid === 64).economics;
    expect(toRao(sn64.tao_in_pool_tao)).toBe('221156585169260'); // 221,156.58516926 TAO
    expect(toRao(1.9604e-5)).toBe('19604');
    expect(toRao(0.0005)).toBe('500000');
  });
});
