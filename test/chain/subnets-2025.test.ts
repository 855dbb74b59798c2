// All 129 subnets of 2025-09-25 (finney block 6,521,727, recorded seed get_all_subnets_info) read by the real
// @polkadot/api client over a real WebSocket with the light subnet-info path: names, tempos, UIDs and registration
// costs of every subnet, and spot prices equal to the recorded Swap.AlphaSqrtPrice squared.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeShared } from '../support/describe-shared.ts';
import { SHARED_FIXTURES_PRESENT, sharedFixture } from '../support/shared-fixtures.ts';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { connectChain, type ChainConnection } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import type { ChainSnapshot } from '../../harness/model/chain-snapshot-schema.ts';
import { chainSnapshotSchema } from '../../harness/model/chain-snapshot-schema.ts';

const seed = (
  JSON.parse(
    SHARED_FIXTURES_PRESENT
      ? readFileSync(sharedFixture('chain/bittensor/integration_websocket_data.json'), 'utf8')
      : '{"WEBSOCKET_RESPONSES":{}}',
  ) as {
    WEBSOCKET_RESPONSES: Record<
      string,
      { state_queryStorageAt: Record<string, { result: { changes: [string, string][] }[] }> }
    >;
  }
).WEBSOCKET_RESPONSES['get_all_subnets_info']!;

/** The recorded Swap.AlphaSqrtPrice values: Twox64Concat key (its last 2 bytes = the netuid) -> U64F64 bits, LE. */
function recordedSqrtPrices(): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const answer of Object.values(seed.state_queryStorageAt))
    for (const [key, value] of answer.result[0]!.changes) {
      const netuid = parseInt(key.slice(-2) + key.slice(-4, -2), 16);
      const le = value.slice(2).match(/../g)!.reverse().join('');
      out.set(netuid, BigInt(`0x${le}`));
    }
  return out;
}

let server: RecordedChainServer;
let conn: ChainConnection;
let snap: ChainSnapshot;
beforeAll(async () => {
  server = await startRecordedChainServer({ spec: 343, seed: 'get_all_subnets_info' });
  conn = await connectChain({
    endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
    retries: 0,
    timeoutMs: 10_000,
  });
  const all = Array.from({ length: 129 }, (_, i) => i);
  snap = await readChainSnapshot(conn, { method: 'subnet-info', netuids: all });
});
afterAll(async () => {
  await conn?.disconnect();
  await server?.close();
});

describeShared('every subnet at finney block 6,521,727 (2025-09-25, spec 315)', () => {
  it('reads 129 subnets in a handful of requests, at the recorded block', () => {
    expect(chainSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.block.number).toBe(6_521_727);
    expect(snap.block.time).toBe('2025-09-25T15:47:00.000Z'); // Aura slot x 12,000 ms
    expect(snap.chain.specVersion).toBe(315);
    expect(snap.source.method).toBe('subnet-info');
    expect(snap.subnets.map((s) => s.netuid)).toEqual(Array.from({ length: 129 }, (_, i) => i));
    // get_subnets_info_v2 once, the price listing and its values, and the economics batch
    expect(snap.source.roundTrips).toBeLessThanOrEqual(8);
  });

  it('gives names, tempos, UIDs and registration costs of every subnet from get_subnets_info_v2', () => {
    const by = new Map(snap.subnets.map((s) => [s.netuid, s]));
    const pick = (u: number) => {
      const s = by.get(u)!;
      return [s.name, s.tempo, s.numUids, s.maxUids, s.burnRao, s.immunityPeriod];
    };
    expect(pick(1)).toEqual(['Apex', 99, 1024, 1024, '38365782', 7200]);
    expect(pick(64)).toEqual(['Chutes', 360, 256, 256, '500000', 5000]);
    expect(snap.subnets.every((s) => s.tempo > 0 && s.maxUids !== null && /^\d+$/.test(s.burnRao))).toBe(true);
    // 11 subnets had no on-chain identity at that block (root and netuids 28, 69, 74, 78, 82, 95, 101, 118, 119, 125: decoded independently with @polkadot/types and the spec-343 type of get_subnets_info_v2)
    expect(snap.subnets.filter((s) => s.name === '').map((s) => s.netuid)).toEqual([
      0, 28, 69, 74, 78, 82, 95, 101, 118, 119, 125,
    ]);
    expect(snap.subnets.filter((s) => s.uids !== null)).toEqual([]);
  });

  it('spot prices equal the recorded Swap.AlphaSqrtPrice squared (U64F64: bits / 2^64), root at 1', () => {
    const sqrt = recordedSqrtPrices();
    expect(sqrt.size).toBe(128);
    for (const s of snap.subnets) {
      if (s.netuid === 0) {
        expect(s.price).toEqual({ taoPerAlpha: 1, source: 'stable' });
        continue;
      }
      const bits = sqrt.get(s.netuid)!;
      // (bits / 2^64)^2 = bits^2 / 2^128, computed in integers to 60 bits of precision and compared to 1e-12
      const exact = Number((bits * bits) >> 68n) / 2 ** 60;
      expect(s.price.source).toBe('alpha-sqrt-price');
      expect(s.price.taoPerAlpha! / exact).toBeCloseTo(1, 12);
    }
    // SN1 recorded 0xad2f7dbca964f11b00… -> bits 0x1bf164a9bc7d2fad = 2,013,501,188,585,893,805; / 2^64 = 0.10915…;
    // squared 0.0119142 TAO per alpha. SN64: bits 0x4e40d82510f7cbe5 -> 0.30568… squared 0.0934384.
    expect(snap.subnets[1]!.price.taoPerAlpha).toBeCloseTo(0.011914184896, 11);
    expect(snap.subnets[64]!.price.taoPerAlpha).toBeCloseTo(0.093438395153, 11);
  });

  it('says what this runtime and recording could not give (2026 items, globals) instead of making it up', () => {
    const w = snap.warnings.join('\n');
    expect(w).toContain('this runtime (spec 315) has no SubtensorModule.MinerBurned');
    expect(w).toContain('SubtensorModule.BlockEmission could not be read');
    expect(snap.blockEmissionRao).toBeNull();
    expect([...server.syntheticAnswers].join('\n')).toContain('metadata of spec 343 served for a spec-315 block');
  });
});
