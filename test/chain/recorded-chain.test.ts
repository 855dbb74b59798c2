// The real @polkadot/api client over a real WebSocket against recorded finney traffic: decoding and snapshot reading.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { connectChain, type ChainConnection } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import { chainSnapshotSchema } from '../../harness/model/chain-snapshot-schema.ts';
import { describeShared } from '../support/describe-shared.ts';
import { readSharedFixture, SHARED_FIXTURES_PRESENT } from '../support/shared-fixtures.ts';

const BLOCK = 6_852_690;
const HASH = '0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0';

/** The derived golden file (read as plain JSON, when the recordings are there) and its decoded mechagraph. */
let derived: ReturnType<typeof JSON.parse>;
let mg: ReturnType<typeof JSON.parse>;
let server: RecordedChainServer;
let conn: ChainConnection;

beforeAll(async () => {
  if (!SHARED_FIXTURES_PRESENT) return;
  derived = JSON.parse(readSharedFixture('chain/derived/sn1_block6852690_runtime_api_decoded.json'));
  mg = derived.calls.SubnetInfoRuntimeApi_get_selective_mechagraph.decoded;
  server = await startRecordedChainServer({ spec: 343 });
  conn = await connectChain({
    endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
    timeoutMs: 10_000,
    retries: 0,
  });
});
afterAll(async () => {
  await conn?.disconnect();
  await server?.close();
});

describeShared('recorded runtime-API answers (no synthesis)', () => {
  it('decodes the three recorded SN1 calls exactly as the derived golden file', async () => {
    const at = await conn.api.at(HASH);
    const before = server.requests.length;
    const [lite, state, sel] = await Promise.all([
      at.call.neuronInfoRuntimeApi!.getNeuronsLite!(1),
      at.call.subnetInfoRuntimeApi!.getSubnetState!(1),
      at.call.subnetInfoRuntimeApi!.getSelectiveMechagraph!(1, 0, [...Array(74).keys()]),
    ]);
    expect(lite.toJSON()).toEqual(derived.calls.NeuronInfoRuntimeApi_get_neurons_lite.decoded);
    expect(state.toJSON()).toEqual(derived.calls.SubnetInfoRuntimeApi_get_subnet_state.decoded);
    expect(sel.toJSON()).toEqual(mg);
    const calls = server.requests.slice(before).filter((r) => r.method === 'state_call');
    expect(calls).toHaveLength(3);
    expect(calls.every((r) => !r.synthetic && !r.error)).toBe(true);
  });
});

describeShared('readChainSnapshot at block 6,852,690 (spec 343)', () => {
  it('reads SN1 through getAllDynamicInfo + getSelectiveMetagraph with values equal to the recorded decode', async () => {
    const snap = await readChainSnapshot(conn, { block: BLOCK, now: () => new Date('2026-01-01T00:00:00Z') });
    expect(chainSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.source.method).toBe('runtime-api');
    expect(snap.chain).toEqual({
      name: 'Bittensor',
      genesisHash: FINNEY_GENESIS,
      specName: 'node-subtensor',
      specVersion: 343,
    });
    expect(snap.block).toEqual({
      number: BLOCK,
      hash: HASH,
      time: '2025-11-10T15:12:24.000Z',
      timeSource: 'aura-slot',
    });
    expect(snap.subnets).toHaveLength(1);
    const s = snap.subnets[0]!;
    expect({
      netuid: s.netuid,
      name: s.name,
      tempo: s.tempo,
      lastStep: s.lastStep,
      blocksSinceLastStep: s.blocksSinceLastStep,
    }).toEqual({ netuid: 1, name: 'Apex', tempo: 99, lastStep: 6_852_597, blocksSinceLastStep: 93 });
    expect(s.symbol).toBe(new TextDecoder().decode(Uint8Array.from(mg.symbol)));
    expect([s.numUids, s.maxUids, s.burnRao, s.immunityPeriod, s.registrationAllowed]).toEqual([
      1024,
      1024,
      '500000',
      7200,
      true,
    ]);
    expect([s.ownerHotkey, s.ownerColdkey]).toEqual([mg.ownerHotkey, mg.ownerColdkey]);
    expect(s.pool).toEqual({
      taoInRao: String(mg.taoIn),
      alphaInRao: String(mg.alphaIn),
      alphaOutRao: String(mg.alphaOut),
    });
    expect(s.perBlock).toEqual({
      alphaOutRao: '1000000000',
      alphaInRao: '1000000000',
      taoInRao: '9531940',
      excessTaoRao: null,
    });
    expect(s.pendingAlphaRao).toBe('67360456641');
    expect(s.movingPrice).toBe(mg.movingPrice.bits / 2 ** 32);
    const uids = s.uids!;
    expect(uids.hotkeys).toEqual(mg.hotkeys);
    expect(uids.coldkeys).toEqual(mg.coldkeys);
    expect(uids.incentive).toEqual(mg.incentives);
    expect(uids.dividends).toEqual(mg.dividends);
    expect(uids.emissionRao).toEqual(mg.emission.map(String));
    expect(uids.validatorPermit).toEqual(mg.validatorPermit);
    expect(uids.active).toEqual(mg.active);
    // 12 validator permits among 1024 UIDs; max validators 128 from the metagraph
    expect(s.counts).toEqual({ miners: 1012, validators: 12, maxValidators: 128 });
    expect(s.registeredAtBlock).toBe(1_497_824);
    // the block time from the runtime's Aura.SlotDuration (12,000 ms in the spec-343 metadata)
    expect(snap.blockTiming).toEqual({ ms: 12_000, source: 'aura-slot-duration' });
    // current_alpha_price is not recorded: the client falls back to the pool reserves and says so.
    expect(s.price).toEqual({ taoPerAlpha: 22_079_400_556_774 / 2_316_467_425_363_654, source: 'pool-reserves' });
    expect(snap.warnings.some((w) => w.includes('pool reserves') && w.includes('netuid 1'))).toBe(true);
    // BlockEmission and SubnetOwnerCut are not recorded: null with a warning, never a default.
    expect(snap.blockEmissionRao).toBeNull();
    expect(snap.subnetOwnerCut).toBeNull();
    expect(snap.warnings.some((w) => w.includes('SubtensorModule.BlockEmission could not be read'))).toBe(true);
    // MinerBurned and the emission switch did not exist at spec 343: unknown, said once
    expect(s.emission.minerBurnedFraction).toBeNull();
    expect(snap.warnings.some((w) => w.startsWith('this runtime (spec 343) has no SubtensorModule.MinerBurned'))).toBe(
      true,
    );
    // Labelled synthetic: the two runtime-API answers the recordings lack, encoded from the recorded SN1 values.
    const labels = [...server.syntheticAnswers].join('\n');
    expect(labels).toContain('SubnetInfoRuntimeApi_get_all_dynamic_info');
    expect(labels).toContain('SubnetInfoRuntimeApi_get_selective_metagraph');
  });

  it('takes a handful of round trips, not one per item', async () => {
    const snap = await readChainSnapshot(conn, { block: BLOCK });
    // hash, header, runtime version; dynamic info and the selective metagraph and price; then globals and economics
    expect(snap.source.roundTrips).toBeLessThanOrEqual(7);
    expect(snap.source.requests).toBeLessThanOrEqual(15);
  });

  it('uses SwapRuntimeApi.current_alpha_price when the node answers it (synthetic price set by this test)', async () => {
    const s2 = await startRecordedChainServer({ spec: 343, syntheticValues: { alphaPriceRao: { 1: 9_531_496n } } });
    const c2 = await connectChain({
      endpoint: { network: 'finney', url: s2.url, genesisHash: FINNEY_GENESIS },
      retries: 0,
    });
    try {
      const snap = await readChainSnapshot(c2, { block: BLOCK, netuids: [1] });
      expect(snap.subnets[0]!.price).toEqual({ taoPerAlpha: 0.009531496, source: 'swap-runtime-api' });
      expect([...s2.syntheticAnswers].some((l) => l.includes('SwapRuntimeApi_current_alpha_price'))).toBe(true);
    } finally {
      await c2.disconnect();
      await s2.close();
    }
  });
});

describeShared('runtime spec 393 (recorded metadata and head; SN1 values re-encoded with its types, synthetic)', () => {
  it('decodes with the newer runtime types', async () => {
    const s3 = await startRecordedChainServer({ spec: 393 });
    const c3 = await connectChain({
      endpoint: { network: 'finney', url: s3.url, genesisHash: FINNEY_GENESIS },
      retries: 0,
    });
    try {
      const snap = await readChainSnapshot(c3, {});
      expect(snap.chain.specVersion).toBe(393);
      expect(snap.block.number).toBe(7_959_610);
      const s = snap.subnets[0]!;
      expect([s.netuid, s.name, s.tempo, s.numUids]).toEqual([1, 'Apex', 99, 1024]);
      expect(s.uids!.emissionRao).toEqual(mg.emission.map(String));
      expect([...s3.syntheticAnswers].some((l) => l.includes('spec-393 types'))).toBe(true);
    } finally {
      await c3.disconnect();
      await s3.close();
    }
  });
});
