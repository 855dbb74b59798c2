// chain snapshot / estimate commands and the subnet ranking, run in-process against the recorded-traffic server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { chainCommand } from '../../harness/cli/commands/chain.ts';
import { estimateEarnings } from '../../harness/cli/commands/estimate.ts';
import {
  loadSnapshotOrDefault,
  renderSubnetRanking,
  pricesFromArgs,
} from '../../harness/cli/commands/subnets-earnings.ts';
import { loadChainSnapshotFile } from '../../harness/chain/chain-snapshot-file.ts';
import { loadDefaultSnapshot } from '../../harness/chain/default-snapshot.ts';
import type { CliIo } from '../../harness/cli/cli-command.ts';
import { itShared } from '../support/describe-shared.ts';
import { SHARED_FIXTURES_PRESENT } from '../support/shared-fixtures.ts';

let server: RecordedChainServer;
let dir: string;
beforeAll(async () => {
  if (SHARED_FIXTURES_PRESENT) server = await startRecordedChainServer({ spec: 343 });
  dir = await mkdtemp(join(tmpdir(), 'mb-chain-cli-'));
});
afterAll(async () => server?.close());

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTTY: false,
    signal: new AbortController().signal,
    cwd: dir,
    env: {},
  };
}

describe('minerbench chain snapshot', () => {
  itShared('writes a dated, versioned snapshot recording the block it used', async () => {
    const o = io();
    const code = await chainCommand.handler(
      {
        action: 'snapshot',
        out: 'snap.json',
        network: server.url,
        genesis: FINNEY_GENESIS,
        block: 6_852_690,
        netuids: [1],
      },
      o,
    );
    expect(code).toBe(0);
    const file = join(dir, 'snap.json');
    expect(o.stdout.join('')).toBe(`${file}\n`);
    const snap = await loadChainSnapshotFile(file);
    expect(snap.schemaVersion).toBe(1);
    expect(snap.block.number).toBe(6_852_690);
    expect(snap.block.time).toBe('2025-11-10T15:12:24.000Z');
    expect(snap.source.network).toBe('custom');
    expect(o.stderr.join('')).toContain('block 6852690 (2025-11-10T15:12:24.000Z), 1 subnets via runtime-api');
    // offline from that file: the same SN1 earnings as the shipped snapshot
    const loaded = await loadSnapshotOrDefault({ chain: 'snap.json', cwd: dir });
    expect(loaded.origin).toBe('file');
    expect(loaded.snapshot.subnets[0]!.uids.emissionRao).toEqual(
      (await loadDefaultSnapshot()).subnets[0]!.uids.emissionRao,
    );
  });

  it('requires --out', async () => {
    await expect(chainCommand.handler({ action: 'snapshot' }, io())).rejects.toThrow(/needs --out FILE/);
  });
});

describe('loadSnapshotOrDefault', () => {
  it('falls back to the shipped snapshot when no chain answers, with a warning naming its block and date', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const loaded = await loadSnapshotOrDefault({
      network: `ws://127.0.0.1:${port}`,
      retries: 0,
      timeoutMs: 2_000,
      now: new Date('2025-11-20T15:12:24Z'),
    });
    expect(loaded.origin).toBe('default');
    expect(loaded.warnings[0]).toContain(`ws://127.0.0.1:${port}`);
    expect(loaded.warnings[1]).toBe(
      'using the snapshot shipped with minerbench (block 6,852,690 of 2025-11-10T15:12:24.000Z, 10 days old; 1 subnet(s): 1), not live chain data',
    );
  });

  itShared('reads the live (recorded) chain when it answers', async () => {
    const loaded = await loadSnapshotOrDefault({
      network: server.url,
      genesis: FINNEY_GENESIS,
      netuids: [1],
      retries: 0,
    });
    expect(loaded.origin).toBe('chain');
    expect(loaded.snapshot.block.number).toBe(6_852_690);
  });
});

describe('subnet ranking on the shipped snapshot', () => {
  it('prints a ranked table with the block and date it is from', async () => {
    const snap = await loadDefaultSnapshot();
    const text = renderSubnetRanking(snap, {
      prices: pricesFromArgs({ taoPrice: 300, currency: 'USD', taoPriceAt: '2025-11-10T00:00:00Z' }),
      now: new Date('2025-11-20T15:12:24Z'),
    });
    const [header, row] = text.split('\n');
    expect(header).toMatch(
      /^#\s+netuid\s+name\s+alpha TAO\s+miner pool TAO\/d\s+pool USD\/d\s+paying\s+median miner TAO\/d/,
    );
    expect(row!.trim().split(/\s+/)).toEqual([
      '1',
      '1',
      'Apex',
      '0.00953',
      '0.00',
      '0.00',
      '0',
      '0.00',
      '0.00',
      '-',
      '-',
      '28.14',
      '0.0005',
      '24.0',
    ]);
    expect(text).toContain('block 6,852,690 of 2025-11-10T15:12:24.000Z, 10 days old');
    expect(text).toContain('TAO = 300 USD at 2025-11-10T00:00:00Z');
  });

  it('refuses a negative --tao-price', () => {
    expect(() => pricesFromArgs({ taoPrice: -3 })).toThrow(/tao-price must be a number >= 0/);
  });
});

describe('estimateEarnings on the shipped snapshot', () => {
  it('SN1 at block 6,852,690 pays no ordinary miner, so no rank breaks even', async () => {
    const m = estimateEarnings(
      { netuid: 1, avgPowerW: 300, p99Ms: 900, timeoutS: 12, capacityQps: 3, qualityMean: 0.9, validatorQps: 0.05 },
      await loadDefaultSnapshot(),
      { prices: pricesFromArgs({ taoPrice: 300, kwhPrice: 0.2 }) },
    );
    expect(m.subnet.payingMiners).toBe(0);
    expect(m.atRanks).toEqual([]);
    expect(m.breakEvenRank).toBeNull();
    expect(m.breakEvenNote).toBe('no paying miners on this subnet: no rank breaks even');
    expect(m.power.costPerDay).toBeCloseTo(((300 * 24) / 1000) * 0.2, 12);
    expect(m.capacity.ok).toBe(true);
  });
});
