// `minerbench subnets`: lists the subnet plugins this installation can benchmark; with --rank, the strategist's table
// of every subnet on chain (economics, price, registration, kind of miner, eligibility, MINE / SKIP / WATCH and why).
import { accessSync, constants, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { listSubnetIds, loadSubnet } from '../../config/subnet-registry.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import { subnetsDir } from './run.ts';
import {
  chainSourceFromArgs,
  loadSnapshotOrDefault,
  pricesFromArgs,
  withChainOptions,
  withPriceOptions,
  type ChainCliArgs,
  type PriceCliArgs,
} from './subnets-earnings.ts';
import { maxOf } from '../../model/min-max.ts';
import { describeSnapshotAge } from '../../chain/default-snapshot.ts';
import { strategistTable } from '../../evaluate/strategist-table.ts';
import { storeDir } from '../../results/store-location.ts';
import { subnetsReportHtml } from '../../../reports/subnets-report-html.ts';
import { terminalText } from '../terminal-text.ts';
import { checkSubnetsDir, pluginCatalogue, pluginKind } from './subnets-catalogue.ts';
import { eligibilityFromIndex } from './subnets-eligibility.ts';
import { renderStrategistText, strategistCsv } from './subnets-table.ts';

interface SubnetsArgs extends ChainCliArgs, PriceCliArgs {
  json?: boolean;
  csv?: boolean;
  html?: string;
  out?: string;
  subnetsDir?: string;
  rank?: boolean;
}

/** Before anything starts: the file is not a folder, and its nearest existing ancestor is a writable folder. */
function checkOutputFile(file: string): string {
  const fail = (why: string) =>
    new MinerbenchError('STORE_FAILED', `cannot write --html ${file}: ${why}`, {
      hint: 'give a file path in a writable folder',
    });
  if (existsSync(file) && statSync(file).isDirectory()) throw fail('it is a folder');
  let dir = path.dirname(file);
  while (!existsSync(dir)) dir = path.dirname(dir);
  if (!statSync(dir).isDirectory()) throw fail(`${dir} is a file, not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw fail(`${dir} is not writable`);
  }
  return file;
}

const ORIGIN = { file: 'snapshot file', chain: 'live chain', default: 'snapshot shipped with minerbench' } as const;

async function rank(argv: SubnetsArgs, io: CliIo, dir: string | undefined): Promise<number> {
  if ([argv.json, argv.csv].filter(Boolean).length > 1)
    throw new MinerbenchError('USAGE', '--json and --csv both given: choose one format for stdout');
  const prices = pricesFromArgs(argv);
  const source = chainSourceFromArgs(argv, io);
  const html = argv.html ? checkOutputFile(path.resolve(io.cwd, argv.html)) : undefined;
  const catalogue = await pluginCatalogue(dir);
  const eligibility = eligibilityFromIndex(storeDir(argv.out, io));
  // The table needs every subnet's scalars, not per-UID data: a live read uses the light subnet-info path.
  const loaded = await loadSnapshotOrDefault({ preferLight: true, ...source });
  for (const w of loaded.warnings) io.err(`chain: ${terminalText(w)}\n`);
  for (const p of catalogue.problems) io.err(`plugin: ${terminalText(p)}\n`);
  const age = describeSnapshotAge(loaded.snapshot);
  const table = strategistTable(loaded.snapshot, {
    plugins: catalogue.plugins,
    eligibility,
    source: `${ORIGIN[loaded.origin]}, ${age}`,
  });
  if (html) {
    const page = subnetsReportHtml(table, {
      origin: ORIGIN[loaded.origin],
      age,
      warnings: loaded.warnings,
      taoPrice: prices.taoPrice,
    });
    const tmp = `${html}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(html), { recursive: true });
      writeFileSync(tmp, page);
      renameSync(tmp, html);
    } catch (e) {
      throw new MinerbenchError('STORE_FAILED', `cannot write --html ${html}: ${(e as Error).message}`, { cause: e });
    }
    io.err(`report: ${html}\n`);
  }
  if (argv.json)
    io.out(
      `${JSON.stringify({ chain: { block: loaded.snapshot.block, origin: loaded.origin, age }, ...table }, null, 2)}\n`,
    );
  else if (argv.csv) io.out(strategistCsv(table));
  else io.out(renderStrategistText(table, { prices, origin: ORIGIN[loaded.origin], age }));
  return 0;
}

export const subnetsCommand: CliCommand<SubnetsArgs> = {
  command: 'subnets',
  describe:
    "list the subnet profiles minerbench can benchmark; with --rank (or --chain/--network/--offline) the strategist's table of every subnet on chain: MINE / SKIP / WATCH and why",
  builder: (y) =>
    withPriceOptions(withChainOptions(y))
      .option('rank', {
        type: 'boolean',
        describe: 'every subnet on chain with its miner economics and a MINE / SKIP / WATCH verdict',
      })
      .option('json', { type: 'boolean', describe: 'print JSON on stdout' })
      .option('csv', { type: 'boolean', describe: 'print the table as CSV on stdout (--rank)' })
      .option('html', {
        type: 'string',
        describe: 'also write the table as a sortable HTML page to this file (--rank)',
      })
      .option('out', {
        type: 'string',
        describe: 'the results folder whose index says which subnets this fleet is eligible on [default: .minerbench]',
      })
      .option('subnets-dir', {
        type: 'string',
        describe: 'folder of your own subnet plugins [default: the bundled subnets/]',
      }),
  handler: async (argv, io) => {
    const dir = subnetsDir(argv, io);
    checkSubnetsDir(dir, argv.subnetsDir ? '--subnets-dir' : 'MINERBENCH_SUBNETS_DIR');
    if (argv.rank || argv.chain || argv.network || argv.offline || argv.csv || argv.html) return rank(argv, io, dir);
    const rows: Array<{
      id: string;
      netuid: number | null;
      title: string;
      workload: string;
      law: string;
      transport: string;
      gpus: number | 'all' | null;
      timeoutS: number | null;
      problem?: string;
    }> = [];
    for (const id of listSubnetIds(dir)) {
      try {
        const { profile } = await loadSubnet(id, dir);
        const k = pluginKind(profile);
        rows.push({
          id,
          netuid: profile.netuid,
          title: profile.title,
          workload: k.workload,
          law: k.law,
          transport: k.transport ?? '',
          gpus: k.gpus,
          timeoutS: profile.validator?.timeoutS ?? null,
        });
      } catch (e) {
        rows.push({
          id,
          netuid: null,
          title: '(invalid profile)',
          workload: '',
          law: '',
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
      ['id', 'netuid', 'workload', 'law', 'gpus', 'timeout', 'transport', 'title'],
      ...rows.map((r) => [
        r.id,
        String(r.netuid ?? ''),
        r.workload,
        r.law,
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
