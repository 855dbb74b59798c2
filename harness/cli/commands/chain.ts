// `minerbench chain snapshot`: reads subnet state from the chain (optionally per-UID data across a window of days) and
// writes a dated, versioned snapshot file other commands use offline (--chain FILE).
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { MinerbenchError } from '../../errors.ts';
import { resolveChainEndpoint } from '../../chain/chain-networks.ts';
import { connectChain } from '../../chain/connect-chain.ts';
import { readChainSnapshot, type ReadMethod } from '../../chain/read-chain-snapshot.ts';
import { parseWindow } from '../../chain/read-uid-window.ts';
import { writeChainSnapshotFile } from '../../chain/chain-snapshot-file.ts';
import { describeSnapshotAge, loadDefaultSnapshot } from '../../chain/default-snapshot.ts';
import { LIVE_CHAIN_FLAGS, validateChainArgs, withChainOptions, type ChainCliArgs } from '../chain-options.ts';
import { terminalText } from '../terminal-text.ts';

interface ChainArgs extends ChainCliArgs {
  action: string;
  out?: string;
  method?: ReadMethod;
  window?: string;
  samples?: number;
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
      .option('out', { type: 'string', describe: 'snapshot file to write (required)' })
      .option('method', {
        choices: ['runtime-api', 'subnet-info', 'storage'] as const,
        describe:
          'how subnets are read: runtime-api (with per-UID data), subnet-info (one call, no per-UID data), storage [default: runtime-api when the runtime has it]',
      })
      .option('window', {
        type: 'string',
        describe:
          'also read per-UID incentive at several blocks across this window (7d, 36h) for per-operator figures; beyond a few hours it needs an archive node (--network archive)',
      })
      .option('samples', {
        type: 'number',
        describe: 'sample blocks across --window, the snapshot block included [default: one per day plus one, 2-15]',
      }),
  handler: async (argv, io) => {
    if (!argv.out)
      throw new MinerbenchError('USAGE', '`minerbench chain snapshot` needs --out FILE', {
        hint: 'e.g. minerbench chain snapshot --out chain.json',
      });
    validateChainArgs(argv);
    const days = argv.window === undefined ? undefined : parseWindow(argv.window);
    if (argv.samples !== undefined && (!Number.isInteger(argv.samples) || argv.samples < 2 || argv.samples > 60))
      throw new MinerbenchError('USAGE', `--samples ${argv.samples} must be a whole number from 2 to 60`);
    if (argv.samples !== undefined && days === undefined)
      throw new MinerbenchError('USAGE', '--samples needs --window', { hint: 'e.g. --window 7d --samples 8' });
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
        ...(argv.method ? { method: argv.method } : {}),
        ...(days !== undefined ? { window: { days, ...(argv.samples ? { samples: argv.samples } : {}) } } : {}),
      });
      const file = path.resolve(io.cwd, argv.out);
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
