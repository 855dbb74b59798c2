// `minerbench chain snapshot`: reads subnet state from the chain and writes a dated, versioned snapshot file.
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { MinerbenchError } from '../../errors.ts';
import { resolveChainEndpoint } from '../../chain/chain-networks.ts';
import { connectChain } from '../../chain/connect-chain.ts';
import { readChainSnapshot } from '../../chain/read-chain-snapshot.ts';
import { writeChainSnapshotFile } from '../../chain/chain-snapshot-file.ts';
import { describeSnapshotAge, loadDefaultSnapshot } from '../../chain/default-snapshot.ts';
import { terminalText } from '../terminal-text.ts';

interface ChainArgs {
  action: string;
  out?: string;
  network?: string;
  genesis?: string;
  block?: number;
  netuids?: number[];
  chainTimeout?: number;
  retries?: number;
  method?: 'runtime-api' | 'storage';
}

export const chainCommand: CliCommand<ChainArgs> = {
  command: 'chain <action>',
  describe:
    'read Bittensor chain state: `chain snapshot --out FILE` writes a snapshot other commands can use offline (--chain FILE)',
  builder: (y: Argv) =>
    y
      .positional('action', { type: 'string', choices: ['snapshot'], describe: 'what to do' })
      .option('out', { type: 'string', describe: 'snapshot file to write (required)' })
      .option('network', {
        type: 'string',
        describe: 'finney, test, archive or a ws:// / wss:// URL [default: finney]',
      })
      .option('genesis', { type: 'string', describe: 'genesis hash a custom --network URL must report' })
      .option('block', {
        type: 'number',
        describe: 'read at this block [default: latest; old blocks need --network archive]',
      })
      .option('netuids', { type: 'number', array: true, describe: 'only these subnets [default: all but root]' })
      .option('chain-timeout', { type: 'number', describe: 'seconds per connection attempt [default: 15]' })
      .option('retries', { type: 'number', describe: 'extra connection attempts, with doubling backoff [default: 2]' })
      .option('method', {
        choices: ['runtime-api', 'storage'] as const,
        describe: 'force how subnets are read [default: runtime APIs when the runtime has them]',
      }),
  handler: async (argv, io) => {
    if (!argv.out)
      throw new MinerbenchError('USAGE', '`minerbench chain snapshot` needs --out FILE', {
        hint: 'e.g. minerbench chain snapshot --out chain.json',
      });
    const endpoint = resolveChainEndpoint(argv.network, argv.genesis);
    const fallback = await loadDefaultSnapshot();
    const conn = await connectChain({
      endpoint,
      signal: io.signal,
      ...(argv.chainTimeout ? { timeoutMs: argv.chainTimeout * 1000 } : {}),
      ...(argv.retries !== undefined ? { retries: argv.retries } : {}),
      fallbackNote: `commands other than \`chain snapshot\` would use the shipped snapshot (${describeSnapshotAge(fallback)}); check the network or pass --network`,
    });
    try {
      io.err(
        // The chain names itself: escaped for the terminal like all chain-supplied text.
        `connected to ${terminalText(endpoint.url)}: ${terminalText(`${conn.identity.chainName}, ${conn.identity.specName} spec ${conn.identity.specVersion}`)}\n`,
      );
      const snap = await readChainSnapshot(conn, {
        ...(argv.block !== undefined ? { block: argv.block } : {}),
        ...(argv.netuids?.length ? { netuids: argv.netuids } : {}),
        ...(argv.method ? { method: argv.method } : {}),
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
