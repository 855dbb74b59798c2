// chain snapshot / estimate commands and the snapshot source rules, run in-process against the recorded-traffic server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  startRecordedChainServer,
  FINNEY_GENESIS,
  type RecordedChainServer,
} from '../support/recorded-chain-server.ts';
import { chainCommand } from '../../harness/cli/commands/chain.ts';
import { qualityShareLaw } from '../../harness/evaluate/incentive/quality-share.ts';
import { subnetEconomics } from '../../harness/evaluate/subnet-economics.ts';
import { ctx, facts, measure } from '../evaluate/incentive/law-test-support.ts';
import { loadSnapshotOrDefault, pricesFromArgs } from '../../harness/cli/commands/subnets-earnings.ts';
import { loadChainSnapshotFile } from '../../harness/chain/chain-snapshot-file.ts';
import { loadDefaultSnapshot } from '../../harness/chain/default-snapshot.ts';
import { MinerbenchError } from '../../harness/errors.ts';
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
    expect(snap.schemaVersion).toBe(2);
    expect(snap.block.number).toBe(6_852_690);
    expect(snap.block.time).toBe('2025-11-10T15:12:24.000Z');
    expect(snap.source.network).toBe('custom');
    expect(o.stderr.join('')).toContain('block 6852690 (2025-11-10T15:12:24.000Z), 1 subnets via runtime-api');
    // offline from that file: the same SN1 per-UID state as the version-1 file of that block
    const loaded = await loadSnapshotOrDefault({ chain: 'snap.json', cwd: dir });
    expect(loaded.origin).toBe('file');
    const v1 = await loadChainSnapshotFile(
      fileURLToPath(new URL('../fixtures/chain/snapshot-v1-sn1.json', import.meta.url)),
    );
    expect(loaded.snapshot.subnets[0]!.uids!.emissionRao).toEqual(v1.subnets[0]!.uids!.emissionRao);
  });

  it('requires --out', async () => {
    await expect(chainCommand.handler({ action: 'snapshot' }, io())).rejects.toThrow(/needs --out FILE/);
  });

  itShared('refuses a negative --chain-timeout and a NaN netuid before touching the chain, listing both', async () => {
    const before = server.requests.length;
    const e = await chainCommand
      .handler(
        { action: 'snapshot', out: 'x.json', network: server.url, chainTimeout: -1000, netuids: [Number.NaN] },
        io(),
      )
      .catch((x: unknown) => x as MinerbenchError);
    expect((e as MinerbenchError).code).toBe('USAGE');
    expect((e as MinerbenchError).details).toEqual([
      'flag --netuids: must be a netuid (an integer 0-65535) (got [null])',
      'flag --chain-timeout: must be > 0 seconds (got -1000)',
    ]);
    expect(server.requests.length).toBe(before);
  });
});

describe('loadSnapshotOrDefault', () => {
  async function deadPort(): Promise<number> {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    return port;
  }

  it('an explicit --network that does not answer is CHAIN_UNREACHABLE, never a silent fall back', async () => {
    const port = await deadPort();
    const e = await loadSnapshotOrDefault({ network: `ws://127.0.0.1:${port}`, retries: 0, timeoutMs: 2_000 }).catch(
      (x: unknown) => x as MinerbenchError,
    );
    expect((e as MinerbenchError).code).toBe('CHAIN_UNREACHABLE');
    expect((e as MinerbenchError).hint).toContain('does not fall back to the shipped snapshot');
    expect((e as MinerbenchError).hint).toContain('--fallback-snapshot or --offline');
  });

  it('falls back to the shipped snapshot when asked, with a warning naming its block, date and age', async () => {
    const port = await deadPort();
    const loaded = await loadSnapshotOrDefault({
      network: `ws://127.0.0.1:${port}`,
      fallback: true,
      retries: 0,
      timeoutMs: 2_000,
      now: new Date('2026-08-17T08:35:00Z'),
    });
    expect(loaded.origin).toBe('default');
    expect(loaded.warnings[0]).toContain(`ws://127.0.0.1:${port}`);
    expect(loaded.warnings[1]).toBe(
      'using the snapshot shipped with minerbench (block 8,791,253 of 2026-08-07T08:35:00.000Z (capture time), 10 days old; 128 subnets; no per-UID data), not live chain data',
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

describe('the quality-share law on the shipped snapshot (no per-UID data)', () => {
  it('SN1 of 2026-08-07: the pool from chain state, the mean miner of its 247 miner UIDs, no top without per-UID data', async () => {
    const network = subnetEconomics(await loadDefaultSnapshot(), 1);
    expect(network.perUid).toBeNull();
    // alpha_out 1 x (53,739/65,535) x 0.5 x 7,200 x (1 - MinerBurned 0.36414...)
    expect(network.minerPool.alphaPerDay).toBeCloseTo((193_460_400 / 65_535) * (1 - 0.3641428949777037), 6);
    expect(network.minerUids).toBe(247);
    const e = qualityShareLaw.estimate(
      ctx({
        machine: measure(facts([]), { meanPowerW: 300 }),
        config: { kind: 'quality-share' },
        flags: { fieldQuality: null },
        network,
        prices: pricesFromArgs({ taoPrice: 300, kwhPrice: 0.2 }),
      }),
    );
    expect(e.share).toEqual({ value: 1 / 247, low: 0, high: null });
    expect(e.gross.alphaPerDay.value).toBeCloseTo(network.minerPool.alphaPerDay! / 247, 9);
    expect(e.missing.some((m) => m.startsWith('the pay at each rank'))).toBe(true);
    // 300 W x 24 h x PUE 1.2 (the law tests' site) = 8.64 kWh/day x 0.2 = 1.728 per day
    expect(e.power.costPerDay).toBeCloseTo(1.728, 12);
  });
});
