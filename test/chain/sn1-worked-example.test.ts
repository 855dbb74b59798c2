// SN1 at block 6,852,690 read through the real client from recorded traffic gives the worked example of bittensor.md §4.7.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { connectChain, type ChainConnection } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import type { ChainSnapshot } from '../../harness/model/chain-snapshot-schema.ts';
import { subnetEarnings } from '../../harness/evaluate/earnings.ts';
import { describeShared } from '../support/describe-shared.ts';
import { SHARED_FIXTURES_PRESENT } from '../support/shared-fixtures.ts';
import { fileURLToPath } from 'node:url';
import { loadChainSnapshotFile } from '../../harness/chain/chain-snapshot-file.ts';
import { subnetEconomics } from '../../harness/evaluate/subnet-economics.ts';

let server: RecordedChainServer;
let conn: ChainConnection;
let snap: ChainSnapshot;

beforeAll(async () => {
  if (!SHARED_FIXTURES_PRESENT) return;
  server = await startRecordedChainServer({ spec: 343 });
  conn = await connectChain({
    endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
    retries: 0,
  });
  snap = await readChainSnapshot(conn, { block: 6_852_690, netuids: [1] });
});
afterAll(async () => {
  await conn?.disconnect();
  await server?.close();
});

describeShared('SN1 worked example (bittensor.md §4.7)', () => {
  it('tempo 99 -> period 100 -> 72 epochs/day; Σ Emission 82,000,457,507 rao per epoch = 100 blocks x 0.82 alpha', () => {
    const e = subnetEarnings(snap, 1, { taoPrice: null, kwhPrice: null });
    expect(e.inputs.periodBlocks).toBe(100);
    expect(e.inputs.epochsPerDay).toBe(72);
    expect(e.inputs.emissionPerEpochRao).toBe('82000457507');
  });

  it('UID 395, the owner hotkey, takes all miner incentive: 41,000,228,794 rao/epoch = 2952.0 alpha/day burned, ~28 TAO/day', () => {
    const e = subnetEarnings(snap, 1, { taoPrice: null, kwhPrice: null });
    expect(e.inputs.ownerUids).toContain(395);
    expect(snap.subnets[0]!.uids!.incentive[395]).toBe(65535);
    expect(e.burned.alphaPerDay).toBeCloseTo((41_000_228_794 * 72) / 1e9, 6);
    expect(e.burned.alphaPerDay).toBeCloseTo(2952.016, 3);
    expect(e.inputs.alphaPrice.taoPerAlpha).toBeCloseTo(0.00953, 5);
    expect(e.burned.taoPerDay).toBeCloseTo(28.14, 2);
  });

  it('ordinary miners were paid nothing at that block', () => {
    const e = subnetEarnings(snap, 1, {
      taoPrice: { value: 300, currency: 'USD', at: '2025-11-10T15:12:24Z' },
      kwhPrice: null,
    });
    expect(e.payingMiners).toBe(0);
    expect(e.minerPool).toEqual({ alphaPerDay: 0, taoPerDay: 0, fiatPerDay: 0 });
    expect(e.distribution).toEqual([]);
  });

  it('the version-1 snapshot file of the same block (earlier minerbench) holds the same SN1 state', async () => {
    const d = await loadChainSnapshotFile(
      fileURLToPath(new URL('../fixtures/chain/snapshot-v1-sn1.json', import.meta.url)),
    );
    expect(d.block.number).toBe(6_852_690);
    expect(d.subnets[0]!.uids).toEqual(snap.subnets[0]!.uids);
    expect(subnetEarnings(d, 1, { taoPrice: null, kwhPrice: null }).burned.alphaPerDay).toBeCloseTo(2952.016, 3);
  });

  it('subnetEconomics: no operator but the owner earned; the owner took 2952.0 alpha/day; 1011 miner UIDs all on zero', () => {
    const e = subnetEconomics(snap, 1);
    expect(e.minerPool.alphaPerDay).toBe(0);
    expect(e.minerBurnedAlphaPerDay).toBeCloseTo((41_000_228_794 * 72) / 1e9, 6);
    expect(e.blocksPerDay).toBe(7200); // Aura.SlotDuration 12,000 ms, read from the runtime
    const o = e.operators!;
    // 1024 UIDs - 12 with a validator permit (UID 395, the owner hotkey, among them) - UID 984 (the owner's coldkey,
    // no permit) = 1011 miner UIDs, none paid
    expect([o.minerUids, o.earningUids, o.earningOperators, o.zeroShare]).toEqual([1011, 0, 0, 1]);
    expect(o.ownerAlphaPerDay).toBeCloseTo(2952.016, 3);
  });
});
