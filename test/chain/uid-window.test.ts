// chain snapshot --window: per-UID data at several blocks across a window, read by the real client from the recorded
// server. The recordings hold per-UID data at one block, so older sample blocks are missing (a partial window); a pruned
// node fails the window with CHAIN_STATE_PRUNED. Older blocks' hashes and headers are synthetic (labelled by the server).
import { afterEach, describe, expect, it } from 'vitest';
import { describeShared } from '../support/describe-shared.ts';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServerOptions,
} from '../support/recorded-chain-server.ts';
import { connectChain } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import { defaultSamples, parseWindow, windowBlocks } from '../../harness/chain/read-uid-window.ts';
import { subnetEconomics } from '../../harness/evaluate/subnet-economics.ts';
import { MinerbenchError } from '../../harness/errors.ts';

let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function open(opts: RecordedChainServerOptions) {
  const server = await startRecordedChainServer({ spec: 343, syntheticHistory: true, ...opts });
  cleanup.push(() => server.close());
  const conn = await connectChain({
    endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
    retries: 0,
    timeoutMs: 10_000,
  });
  cleanup.push(() => conn.disconnect());
  return { server, conn };
}

describe('sample blocks of a window', () => {
  it('7 days of 12 s blocks from block 6,852,690 in 8 samples: every 7,200 blocks back to 6,802,290', () => {
    // 7 x 86,400 s / 12 s = 50,400 blocks, in 7 steps of 7,200
    expect(windowBlocks(6_852_690, 7, 12_000, 8)).toEqual([
      6_852_690, 6_845_490, 6_838_290, 6_831_090, 6_823_890, 6_816_690, 6_809_490, 6_802_290,
    ]);
    expect(windowBlocks(1_000, 1, 12_000, 3)).toEqual([1_000]); // a younger chain than the window: blocks < 0 dropped
    expect([defaultSamples(7), defaultSamples(0.5), defaultSamples(30)]).toEqual([8, 2, 15]);
  });

  it('--window takes days or hours, 1 hour to 90 days', () => {
    expect([parseWindow('7d'), parseWindow('36h'), parseWindow('2')]).toEqual([7, 1.5, 2]);
    for (const bad of ['0', '91d', 'abc', '-1d', '30m'])
      expect(() => parseWindow(bad)).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});

describeShared('reading a window from the recorded chain', () => {
  it('a node that no longer keeps the oldest sample state: CHAIN_STATE_PRUNED (35), saying to use an archive node', async () => {
    const { conn } = await open({ archive: false });
    const e = await readChainSnapshot(conn, { block: 6_852_690, netuids: [1], window: { days: 1 } }).catch(
      (x: unknown) => x as MinerbenchError,
    );
    expect(e).toBeInstanceOf(MinerbenchError);
    expect([(e as MinerbenchError).code, (e as MinerbenchError).exitCode]).toEqual(['CHAIN_STATE_PRUNED', 35]);
    // 1 day = 7,200 blocks back: block 6,845,490, far below the 256 blocks a pruned node keeps
    expect((e as MinerbenchError).message).toContain(
      'a 1-day window needs the state of block 6845490 (1.0 days before block 6852690)',
    );
    expect((e as MinerbenchError).hint).toContain('--network archive');
  });

  it('an archive node whose older blocks give no per-UID data: a PARTIAL window, each missing block and why', async () => {
    const { conn, server } = await open({ archive: true });
    const snap = await readChainSnapshot(conn, { block: 6_852_690, netuids: [1], window: { days: 1, samples: 3 } });
    const w = snap.subnets[0]!.window!;
    expect(w.requestedBlocks).toEqual([6_852_690, 6_849_090, 6_845_490]); // every 3,600 blocks (half a day)
    expect(w.samples.map((x) => x.block)).toEqual([6_852_690]);
    expect(w.missing.map((x) => x.block)).toEqual([6_849_090, 6_845_490]);
    expect(w.missing[0]!.reason).toContain('no recording');
    expect(w.partial).toBe(true);
    expect(snap.warnings.join('\n')).toContain('PARTIAL window for netuid 1');
    expect([...server.syntheticAnswers].join('\n')).toContain('chain_getBlockHash(n): hash of an unrecorded block');
    const e = subnetEconomics(snap, 1);
    expect(e.operators).toMatchObject({ samples: 1, partial: true, requestedDays: 1, earningOperators: 0 });
    expect(e.operatorsNote).toBe(
      "one block (6,852,690): the last epoch's realised emission, not a window (PARTIAL: 2 of 3 sample blocks of the 1-day window gave no data)",
    );
  });

  it('--window needs per-UID data: refused with --method subnet-info', async () => {
    const { conn } = await open({});
    await expect(readChainSnapshot(conn, { method: 'subnet-info', window: { days: 1 } })).rejects.toThrow(
      expect.objectContaining({ code: 'USAGE' }),
    );
  });
});
