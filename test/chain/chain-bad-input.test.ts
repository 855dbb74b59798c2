// Bad input on the chain side: unreachable or silent endpoints, the wrong chain, a missing netuid, a pruned block, bad files.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { connectChain, type ChainConnection } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import { resolveChainEndpoint } from '../../harness/chain/chain-networks.ts';
import { loadChainSnapshotFile } from '../../harness/chain/chain-snapshot-file.ts';
import { DEFAULT_SNAPSHOT_PATH } from '../../harness/chain/default-snapshot.ts';
import { MinerbenchError } from '../../harness/errors.ts';
import { describeShared, itShared } from '../support/describe-shared.ts';

const V1_FILE = fileURLToPath(new URL('../fixtures/chain/snapshot-v1-sn1.json', import.meta.url));
const finney = (url: string) => ({ network: 'finney', url, genesisHash: FINNEY_GENESIS });
let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function serve(opts: Parameters<typeof startRecordedChainServer>[0]): Promise<RecordedChainServer> {
  const s = await startRecordedChainServer(opts);
  cleanup.push(() => s.close());
  return s;
}
async function connect(url: string, genesis: string | null = FINNEY_GENESIS): Promise<ChainConnection> {
  const c = await connectChain({
    endpoint: { network: 'finney', url, genesisHash: genesis },
    retries: 0,
    timeoutMs: 10_000,
  });
  cleanup.push(() => c.disconnect());
  return c;
}
async function rejection(p: Promise<unknown>): Promise<MinerbenchError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(MinerbenchError);
  return e as MinerbenchError;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('connecting', () => {
  it('an endpoint nobody listens on: CHAIN_UNREACHABLE after the retries, with the fallback note', async () => {
    const port = await freePort();
    const e = await rejection(
      connectChain({
        endpoint: finney(`ws://127.0.0.1:${port}`),
        retries: 2,
        backoffMs: 10,
        timeoutMs: 2_000,
        fallbackNote: 'would use the shipped snapshot (block 6,852,690)',
      }),
    );
    expect(e.code).toBe('CHAIN_UNREACHABLE');
    expect(e.message).toContain(`ws://127.0.0.1:${port}`);
    expect(e.message).toContain('3 attempt(s)');
    expect(e.details).toHaveLength(3);
    expect(e.hint).toContain('block 6,852,690');
  });

  itShared('an endpoint that accepts but never answers: CHAIN_UNREACHABLE after the connect timeout', async () => {
    const s = await serve({ silent: true });
    const t0 = Date.now();
    const e = await rejection(connectChain({ endpoint: finney(s.url), retries: 0, timeoutMs: 500 }));
    expect(e.code).toBe('CHAIN_UNREACHABLE');
    expect(e.details[0]).toContain('no answer within 500 ms');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  itShared('another chain (different genesis): CHAIN_MISMATCH naming both hashes', async () => {
    const other = '0x8f9cf856bf558a14440e75569c9e58594757048d7b3a84b5d25f6bd978263105';
    const s = await serve({ genesisHash: other, chainName: 'Bittensor Testnet' });
    const e = await rejection(connectChain({ endpoint: finney(s.url), retries: 0 }));
    expect(e.code).toBe('CHAIN_MISMATCH');
    expect(e.message).toContain(other);
    expect(e.message).toContain(FINNEY_GENESIS);
  });

  it('--network names and URLs resolve; an unknown name is a usage error listing the known ones', () => {
    expect(resolveChainEndpoint().url).toBe('wss://entrypoint-finney.opentensor.ai:443');
    expect(resolveChainEndpoint('test').url).toBe('wss://test.finney.opentensor.ai:443');
    expect(resolveChainEndpoint('archive').genesisHash).toBe(FINNEY_GENESIS);
    expect(resolveChainEndpoint('ws://10.0.0.5:9944')).toEqual({
      network: 'custom',
      url: 'ws://10.0.0.5:9944',
      genesisHash: null,
    });
    const e = (() => {
      try {
        resolveChainEndpoint('mainnet');
      } catch (x) {
        return x as MinerbenchError;
      }
      return null;
    })();
    expect(e?.code).toBe('USAGE');
    expect(e?.hint).toContain('finney');
  });
});

describeShared('reading', () => {
  it('a netuid that does not exist: CHAIN_DATA_MISSING listing the existing ones', async () => {
    const s = await serve({});
    const c = await connect(s.url);
    const e = await rejection(readChainSnapshot(c, { netuids: [1, 999] }));
    expect(e.code).toBe('CHAIN_DATA_MISSING');
    expect(e.message).toBe('netuid 999 does not exist at block 6852690');
    expect(e.hint).toBe('existing netuids: 1');
  });

  it('a block older than a pruned node keeps: CHAIN_STATE_PRUNED (exit 35) pointing at the archive node', async () => {
    const s = await serve({ archive: false });
    const c = await connect(s.url);
    // Block 6,522,038 has a recorded hash and header; a pruned node answers its state with "State already discarded".
    const e = await rejection(readChainSnapshot(c, { block: 6_522_038 }));
    expect([e.code, e.exitCode]).toEqual(['CHAIN_STATE_PRUNED', 35]);
    expect(e.message).toContain('block 6522038');
    expect(e.message).toContain('not an archive node');
    expect(e.hint).toContain('--network archive');
  });

  it('a block beyond the head: CHAIN_DATA_MISSING (the recorded node answers no hash)', async () => {
    const s = await serve({});
    const c = await connect(s.url);
    const e = await rejection(readChainSnapshot(c, { block: 99_999_999 }));
    expect(e.code).toBe('CHAIN_DATA_MISSING');
  });
});

describeShared(
  'a runtime without the subnet runtime APIs (V14 metadata only; storage answers synthetic, from recorded SN1 values)',
  () => {
    it('falls back to batched storage reads and gets the same SN1 state', async () => {
      const s = await serve({
        runtimeApis: false,
        syntheticValues: { blockEmissionRao: 1_000_000_000n, subnetOwnerCut: 11_796 },
      });
      const c = await connect(s.url);
      const snap = await readChainSnapshot(c, { block: 6_852_690 });
      expect(snap.source.method).toBe('storage');
      // block hash, header, runtime version, netuid list, 3 batched reads for the subnet, 4 globals and 1 economics batch
      expect(snap.source.requests).toBeLessThanOrEqual(14);
      const x = snap.subnets[0]!;
      expect([x.netuid, x.name, x.tempo, x.numUids, x.burnRao, x.immunityPeriod]).toEqual([
        1,
        'Apex',
        99,
        1024,
        '500000',
        7200,
      ]);
      // the same block read through the runtime APIs (another recorded server)
      const viaApi = await readChainSnapshot(await connect((await serve({})).url), { block: 6_852_690 });
      const fromApi = viaApi.subnets[0]!;
      expect(x.uids).toEqual(fromApi.uids);
      expect(x.pool).toEqual(fromApi.pool);
      expect(x.price).toEqual({ taoPerAlpha: fromApi.price.taoPerAlpha, source: 'pool-reserves' });
      expect(x.uids!.hotkeys).toHaveLength(1024);
      expect(snap.blockEmissionRao).toBe('1000000000');
      expect(snap.subnetOwnerCut).toBe(11_796);
      expect(snap.warnings.join('\n')).toContain('this runtime has no subnet runtime APIs');
      expect([...s.syntheticAnswers].some((l) => l.includes('V14 storage types'))).toBe(true);
    });

    it('a runtime whose layout lacks an item the reader needs: CHAIN_LAYOUT_UNKNOWN (36) naming it (constructed metadata)', async () => {
      const s = await serve({ runtimeApis: false, withoutStorageItems: ['SubnetTAO'] });
      const c = await connect(s.url);
      const e = await rejection(readChainSnapshot(c, { block: 6_852_690 }));
      expect([e.code, e.exitCode]).toEqual(['CHAIN_LAYOUT_UNKNOWN', 36]);
      expect(e.message).toBe(
        'this runtime has neither the subnet runtime APIs nor the storage item SubtensorModule.subnetTAO',
      );
      expect([...s.syntheticAnswers].join('\n')).toContain('without SubtensorModule.SubnetTAO (constructed)');
    });

    it('a netuid that does not exist is reported from the storage path too', async () => {
      const s = await serve({ runtimeApis: false });
      const c = await connect(s.url);
      const e = await rejection(readChainSnapshot(c, { netuids: [42] }));
      expect(e.code).toBe('CHAIN_DATA_MISSING');
      expect(e.message).toBe('netuid 42 does not exist at block 6852690');
    });
  },
);

describe('snapshot files', () => {
  it('refuses a snapshot of another schema version, naming both versions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mb-snap-'));
    const file = join(dir, 'old.json');
    await writeFile(file, JSON.stringify({ kind: 'minerbench.chain-snapshot', schemaVersion: 0, subnets: [] }));
    const e = await rejection(loadChainSnapshotFile(file));
    expect(e.code).toBe('SNAPSHOT_INVALID');
    expect(e.message).toContain('schema version 0');
    expect(e.message).toContain('reads versions 1 and 2');
  });

  it('reads a version-1 file (SN1 at block 6,852,690, written by the earlier minerbench) as version 2', async () => {
    const snap = await loadChainSnapshotFile(V1_FILE);
    expect(snap.schemaVersion).toBe(2);
    const s = snap.subnets[0]!;
    expect([s.netuid, s.name, s.uids!.hotkeys.length, s.counts.validators]).toEqual([1, 'Apex', 1024, 12]);
    expect(s.emission).toEqual({
      enabled: null,
      minerBurnedFraction: null,
      firstEmissionBlock: null,
      firstEmissionKnown: false,
      subtokenEnabled: null,
    });
    expect([snap.blockTiming, s.perBlock.excessTaoRao, s.mechanisms]).toEqual([null, null, null]);
    expect(snap.warnings.join('\n')).toContain('read from a version-1 snapshot file');
  });

  it('a snapshot with subnets missing fields names each field and the netuid it belongs to', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mb-snap-'));
    const file = join(dir, 'holes.json');
    const snap = JSON.parse(await readFile(DEFAULT_SNAPSHOT_PATH, 'utf8'));
    delete snap.subnets[0].emission;
    delete snap.subnets[63].perBlock.excessTaoRao;
    await writeFile(file, JSON.stringify(snap));
    const e = await rejection(loadChainSnapshotFile(file));
    expect(e.code).toBe('SNAPSHOT_INVALID');
    expect(e.message).toBe(`${file} is not a valid chain snapshot (2 problem(s))`);
    expect(e.details).toEqual([
      'subnets.0.emission (netuid 1): Invalid input: expected object, received undefined',
      'subnets.63.perBlock.excessTaoRao (netuid 64): Invalid input: expected string, received undefined',
    ]);
  });

  it('refuses a file with unknown keys or bad amounts, listing every problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mb-snap-'));
    const file = join(dir, 'bad.json');
    const good = JSON.parse(await readFile(DEFAULT_SNAPSHOT_PATH, 'utf8'));
    good.extra = 1;
    good.blockEmissionRao = '-5';
    await writeFile(file, JSON.stringify(good));
    const e = await rejection(loadChainSnapshotFile(file));
    expect(e.code).toBe('SNAPSHOT_INVALID');
    expect(e.details.join('\n')).toContain('blockEmissionRao');
    expect(e.details.join('\n')).toContain('extra');
  });
});
