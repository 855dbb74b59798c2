// `minerbench chain snapshot`: reads subnet state from the chain (optionally per-UID data across a window of days) and
// writes a dated, versioned snapshot file other commands use offline (--chain FILE).
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { z } from 'zod';
import { checkOutputFile } from '../../artifacts/output-dir.ts';
import { defineOption, finite } from '../../config/option-spec.ts';
import { resolveChainEndpoint } from '../../chain/chain-networks.ts';
import { connectChain } from '../../chain/connect-chain.ts';
import { readChainSnapshot } from '../../chain/read-chain-snapshot.ts';
import { parseWindow } from '../../chain/read-uid-window.ts';
import { writeChainSnapshotFile } from '../../chain/chain-snapshot-file.ts';
import { describeSnapshotAge, loadDefaultSnapshot } from '../../chain/default-snapshot.ts';
import { chainArgProblems, LIVE_CHAIN_FLAGS, withChainOptions, type ChainCliArgs } from '../chain-options.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { terminalText } from '../terminal-text.ts';

const windowOk = (w: string) => {
  try {
    parseWindow(w);
    return true;
  } catch {
    return false;
  }
};

const SNAPSHOT_OPTIONS = [
  defineOption({
    key: 'out',
    flag: 'out',
    type: 'string',
    schema: z.string().min(1, 'must be a file path').optional(),
    default: undefined,
    describe: 'snapshot file to write (required)',
    owner: 'snapshot',
  }),
  defineOption({
    key: 'method',
    flag: 'method',
    type: 'string',
    schema: z
      .enum(['runtime-api', 'subnet-info', 'storage'], { error: 'must be runtime-api, subnet-info or storage' })
      .optional(),
    default: undefined,
    defaultText: 'runtime-api when the runtime has it',
    describe: 'how subnets are read: runtime-api (with per-UID data), subnet-info (one call, no per-UID data), storage',
    owner: 'snapshot',
  }),
  defineOption({
    key: 'window',
    flag: 'window',
    type: 'string',
    schema: z.string().refine(windowOk, 'must be a window of 1 hour to 90 days (7d, 36h)').optional(),
    default: undefined,
    describe:
      'also read per-UID incentive at several blocks across this window (7d, 36h) for per-operator figures; beyond a few hours it needs an archive node (--network archive)',
    owner: 'snapshot',
  }),
  defineOption({
    key: 'samples',
    flag: 'samples',
    type: 'number',
    schema: finite('blocks').int('must be a whole number').min(2, 'must be >= 2').max(60, 'must be <= 60').optional(),
    default: undefined,
    defaultText: 'one per day plus one, 2-15',
    describe: 'sample blocks across --window, the snapshot block included',
    owner: 'snapshot',
  }),
] as const;

interface ChainArgs extends ChainCliArgs {
  action: string;
  [k: string]: unknown;
}

export const chainCommand: CliCommand<ChainArgs> = {
  command: 'chain <action>',
  describe:
    'read Bittensor chain state: `chain snapshot --out FILE [--window 7d]` writes a snapshot other commands can use offline (--chain FILE)',
  builder: (y: Argv) =>
    withChainOptions(
      y.positional('action', { type: 'string', choices: ['snapshot'], describe: 'what to do' }),
      LIVE_CHAIN_FLAGS,
    )
      .alias('chain-retries', 'retries')
      .options(yargsOptions(SNAPSHOT_OPTIONS)),
  handler: async (argv, io) => {
    // Every flag, and the file to write, before the chain is contacted.
    const o = commandOptions('chain snapshot', SNAPSHOT_OPTIONS, argv, io.env, (v) => [
      ...chainArgProblems(argv),
      ...(argv.out === undefined ? ['`minerbench chain snapshot` needs --out FILE (the snapshot file to write)'] : []),
      ...(v.samples !== undefined && argv.window === undefined ? ['--samples needs --window (e.g. --window 7d)'] : []),
    ]);
    const file = path.resolve(io.cwd, o.out!);
    checkOutputFile(file, '--out');
    const days = o.window === undefined ? undefined : parseWindow(o.window);
    const endpoint = resolveChainEndpoint(argv.network, argv.genesis);
    const fallback = await loadDefaultSnapshot();
    const conn = await connectChain({
      endpoint,
      signal: io.signal,
      ...(argv.chainTimeout ? { timeoutMs: argv.chainTimeout * 1000 } : {}),
      ...(argv.chainRetries !== undefined ? { retries: argv.chainRetries } : {}),
      fallbackNote: `commands other than \`chain snapshot\` can use the shipped snapshot (${describeSnapshotAge(fallback)}) with --offline; check the network or pass --network`,
    });
    try {
      io.err(
        `connected to ${terminalText(endpoint.url)}: ${terminalText(conn.identity.chainName)}, ${terminalText(conn.identity.specName)} spec ${conn.identity.specVersion}
`,
      );
      const snap = await readChainSnapshot(conn, {
        ...(argv.block !== undefined ? { block: argv.block } : {}),
        ...(argv.netuids?.length ? { netuids: argv.netuids } : {}),
        ...(o.method ? { method: o.method } : {}),
        ...(days !== undefined ? { window: { days, ...(o.samples ? { samples: o.samples } : {}) } } : {}),
      });
      await writeChainSnapshotFile(file, snap);
      io.err(
        `block ${snap.block.number} (${snap.block.time ?? 'time unknown'}), ${snap.subnets.length} subnets via ${snap.source.method}: ${snap.source.requests} requests, ${snap.source.roundTrips} round trips, ${snap.source.elapsedMs} ms\n`,
      );
      for (const w of snap.warnings) io.err(`warning: ${terminalText(w)}\n`);
      io.out(`${file}\n`);
      return 0;
    } finally {
      await conn.disconnect();
    }
  },
};
