// The 2026 economics storage of 128 subnets (raw SCALE values recorded at finney block 8,740,402) read by the real
// @polkadot/api client over a real WebSocket and decoded by minerbench's declared layout: TAO emission plus excess TAO
// over all subnets equals the block emission the chain's issuance gives, to within one rao per emitting subnet.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOCK_2026,
  FINNEY_GENESIS,
  STORAGE_2026_FILE,
  startRecordedChainServer,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { connectChain, type ChainConnection } from '../../harness/chain/connect-chain.ts';
import { economicsLayoutCheck, readEconomicsStorage } from '../../harness/chain/read-economics-storage.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import { resolveBlock } from '../../harness/chain/resolve-block.ts';
import { blockEmissionFromIssuance } from '../../harness/evaluate/block-emission.ts';

const present = existsSync(STORAGE_2026_FILE);
if (!present) console.warn(`skipped: ${STORAGE_2026_FILE} is absent (../shared/fixtures not mounted)`);

let server: RecordedChainServer;
let conn: ChainConnection;
beforeAll(async () => {
  if (!present) return;
  // The spec-393 runtime answers the connection (recorded metadata and head); the 2026 values are served at their block.
  server = await startRecordedChainServer({ spec: 393, storage2026: true });
  conn = await connectChain({
    endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
    retries: 0,
    timeoutMs: 10_000,
  });
});
afterAll(async () => {
  await conn?.disconnect();
  await server?.close();
});

const NETUIDS = Array.from({ length: 128 }, (_, i) => i);

describe.skipIf(!present)('2026 economics storage at block 8,740,402 (recorded raw values)', () => {
  it('decodes MinerBurned, the emission switch, TAO and excess TAO of 128 subnets in one round trip', async () => {
    const before = server.requests.length;
    const v = await readEconomicsStorage((m, p) => conn.provider.send(m, p), BLOCK_2026.hash, NETUIDS, {
      subnet: ['minerBurned', 'emissionEnabled', 'excessTao', 'taoInEmission', 'firstEmissionBlock', 'subtokenEnabled'],
      global: ['totalIssuance', 'totalNetworks'],
    });
    expect(v.failures).toEqual([]);
    // 2 globals alone + 128 x 6 = 768 keys in batches of 512: 4 requests, sent together
    expect([v.keys, v.requests]).toEqual([770, 4]);
    expect(server.requests.slice(before).filter((r) => r.method === 'state_queryStorageAt')).toHaveLength(4);
    expect(v.globals.totalNetworks).toBe(128); // 0x8000, u16 little-endian
    expect(v.globals.totalIssuance).toBe(11_181_823_732_239_511n); // 0x974c8037cfb92700 LE: 11.18 M TAO
    // SN1 MinerBurned 0x201e2c1c000000000000000000000000 = U96F32 bits 472,653,344 / 2^32
    expect(v.subnets.get(1)!.minerBurned).toBeCloseTo(472_653_344 / 2 ** 32, 15); // 0.1100
    // SN64: tao_in 0x05ecb30000000000 = 11,791,365 rao, excess 0x05f74e0300000000 = 55,506,693 rao
    expect([v.subnets.get(64)!.taoInEmission, v.subnets.get(64)!.excessTao]).toEqual([11_791_365n, 55_506_693n]);
    expect(v.subnets.get(64)!.firstEmissionBlock).toBe(5_228_683n); // 0x8bc84f0000000000
    const values = [...v.subnets.values()];
    // SubnetEmissionEnabled: 46 stored false, 24 stored true, 58 absent = the declared default true
    expect(values.filter((x) => x.emissionEnabled === false)).toHaveLength(46);
    expect(values.filter((x) => x.emissionEnabled === true)).toHaveLength(82);
    expect(values.filter((x) => x.minerBurned === 1)).toHaveLength(29);
    expect([...server.syntheticAnswers].join('\n')).toContain('absent from the recording answered as no value');
  });

  it('TAO emission + excess TAO over all subnets = the block emission of the recorded issuance, to within 1 rao per emitting subnet', async () => {
    const v = await readEconomicsStorage((m, p) => conn.provider.send(m, p), BLOCK_2026.hash, NETUIDS, {
      subnet: ['taoInEmission', 'excessTao'],
      global: ['totalIssuance'],
    });
    let total = 0n;
    let emitting = 0;
    for (const x of v.subnets.values()) {
      const sum = (x.taoInEmission as bigint) + (x.excessTao as bigint);
      total += sum;
      if (sum > 0n) emitting++;
    }
    // 11.18 M TAO issued: past the first halving at 10.5 M, so 0.5 TAO per block
    const block = blockEmissionFromIssuance(v.globals.totalIssuance as bigint);
    expect(block).toBe(500_000_000n);
    expect(total).toBe(499_999_944n); // 161,438,859 tao_in + 338,561,085 excess
    expect(emitting).toBe(73);
    // Each subnet's share of the block emission is rounded down: the sum falls short by less than one rao per subnet.
    expect(block - total).toBeGreaterThanOrEqual(0n);
    expect(block - total).toBeLessThanOrEqual(BigInt(emitting)); // 56 rao
  });
});

describe.skipIf(!present)('the reader on a runtime without the 2026 items (spec 393 metadata)', () => {
  it('names the items this runtime lacks and reads the ones it has with its own defaults', async () => {
    const head = await resolveBlock(conn.api, conn.endpoint.url);
    const layout = economicsLayoutCheck(head.apiAt);
    expect(layout.absent).toEqual(['MinerBurned', 'SubnetEmissionEnabled', 'SubnetExcessTao']);
    expect(layout.items.subnet).toEqual([
      'taoInEmission',
      'firstEmissionBlock',
      'subtokenEnabled',
      'registrationAllowed',
      'movingPrice',
      'alphaOutEmission',
      'alphaInEmission',
      'taoReserve',
      'alphaReserve',
      'alphaOutstanding',
      'mechanismCount',
      'mechanismSplit',
    ]);
    // the runtime's defaults from metadata: NetworkRegistrationAllowed true (0x01), MechanismCountCurrent 1 (0x01)
    expect(layout.items.fallbacks?.['NetworkRegistrationAllowed']).toBe('0x01');
    expect(layout.items.fallbacks?.['MechanismCountCurrent']).toBe('0x01');
  });

  it('a snapshot says MinerBurned is unknown on that runtime instead of assuming 0', async () => {
    const snap = await readChainSnapshot(conn, {});
    expect(snap.warnings.join('\n')).toContain(
      'this runtime (spec 393) has no SubtensorModule.MinerBurned, SubtensorModule.SubnetEmissionEnabled, SubtensorModule.SubnetExcessTao: unknown here',
    );
    expect(snap.subnets[0]!.emission.minerBurnedFraction).toBeNull();
    expect(snap.subnets[0]!.emission.enabled).toBeNull();
  });
});
