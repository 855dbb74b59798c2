// `minerbench subnets`: lists the subnet plugins this installation can benchmark.
import path from 'node:path';
import type { CliCommand } from '../cli-command.ts';
import { listSubnetIds, loadSubnet } from '../../config/subnet-registry.ts';
import { isMinerbenchError } from '../../errors.ts';
import { subnetsDir } from './run.ts';
import { rankSubnets } from '../../evaluate/earnings-ranking.ts';
import {
  chainSourceFromArgs,
  loadSnapshotOrDefault,
  pricesFromArgs,
  renderSubnetRanking,
  withChainOptions,
  withPriceOptions,
  type ChainCliArgs,
  type PriceCliArgs,
} from './subnets-earnings.ts';
import { transportRoutes } from '../../transport/transport-registry.ts';
import { maxOf } from '../../model/min-max.ts';

interface SubnetsArgs extends ChainCliArgs, PriceCliArgs {
  json?: boolean;
  subnetsDir?: string;
  rank?: boolean;
}

export const subnetsCommand: CliCommand<SubnetsArgs> = {
  command: 'subnets',
  describe:
    'list the subnet profiles minerbench can benchmark; with --rank (or --chain/--network/--offline) rank every subnet on chain by what a new miner could earn',
  builder: (y) =>
    withPriceOptions(withChainOptions(y))
      .option('rank', { type: 'boolean', describe: 'rank all subnets on chain by what a new miner could earn per day' })
      .option('json', { type: 'boolean', describe: 'print JSON on stdout' })
      .option('subnets-dir', {
        type: 'string',
        describe: 'folder of your own subnet plugins [default: the bundled subnets/]',
      }),
  handler: async (argv, io) => {
    if (argv.rank || argv.chain || argv.network || argv.offline) {
      const prices = pricesFromArgs(argv);
      const loaded = await loadSnapshotOrDefault(chainSourceFromArgs(argv, io));
      for (const w of loaded.warnings) io.err(`chain: ${w}\n`);
      io.out(
        argv.json
          ? `${JSON.stringify({ chain: { block: loaded.snapshot.block, origin: loaded.origin }, subnets: rankSubnets(loaded.snapshot, prices) }, null, 2)}\n`
          : renderSubnetRanking(loaded.snapshot, { prices }),
      );
      return 0;
    }
    const rows: Array<{
      id: string;
      netuid: number | null;
      title: string;
      transport: string;
      gpus: number | null;
      timeoutS: number | null;
      problem?: string;
    }> = [];
    const dir = subnetsDir(argv, io);
    for (const id of listSubnetIds(dir)) {
      try {
        const { profile } = await loadSubnet(id, dir);
        rows.push({
          id,
          netuid: profile.netuid,
          title: profile.title,
          transport: profile.transport
            ? `${profile.transport.kind}:${transportRoutes(profile.transport).join('|')}`
            : `(${profile.workload?.kind ?? 'replay'})`,
          gpus: profile.miner?.gpus ?? 0,
          timeoutS: profile.validator?.timeoutS ?? null,
        });
      } catch (e) {
        rows.push({
          id,
          netuid: null,
          title: '(invalid profile)',
          transport: '',
          gpus: null,
          timeoutS: null,
          problem: isMinerbenchError(e) ? e.message : String(e),
        });
      }
    }
    if (argv.json) {
      io.out(JSON.stringify(rows, null, 2) + '\n');
      return 0;
    }
    const table = [
      ['id', 'netuid', 'gpus', 'timeout', 'transport', 'title'],
      ...rows.map((r) => [
        r.id,
        String(r.netuid ?? ''),
        String(r.gpus ?? ''),
        r.timeoutS ? `${r.timeoutS} s` : '',
        r.transport,
        r.title,
      ]),
    ];
    const widths = table[0]!.map((_, c) => maxOf(table.map((row) => row[c]!.length)));
    for (const row of table)
      io.out(row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ') + '\n');
    for (const r of rows) if (r.problem) io.err(`${path.join('subnets', r.id)}: ${r.problem}\n`);
    return 0;
  },
};
