// `minerbench subnets`: lists the subnet plugins this installation can benchmark; with --rank, the strategist's table
// of every subnet on chain (economics, price, registration, kind of miner, eligibility, MINE / SKIP / WATCH and why).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { checkOutputFile } from '../../artifacts/output-dir.ts';
import { listSubnetIds, loadSubnet } from '../../config/subnet-registry.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import { SUBNETS_DIR_OPTION, subnetsDir } from '../subnets-dir-option.ts';
import { chainSourceFromArgs, loadSnapshotOrDefault, withChainOptions, type ChainCliArgs } from './subnets-earnings.ts';
import { z } from 'zod';
import { defineOption, type OptionsOf } from '../../config/option-spec.ts';
import { OUT_OPTION } from '../../config/run-options.ts';
import { PRICE_OPTIONS, pricesOf } from '../../evaluate/earnings-options.ts';
import { chainArgProblems } from '../chain-options.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { maxOf } from '../../model/min-max.ts';
import { describeSnapshotAge } from '../../chain/default-snapshot.ts';
import { strategistTable } from '../../evaluate/strategist-table.ts';
import { subnetsReportHtml } from '../../../reports/subnets-report-html.ts';
import { terminalText } from '../terminal-text.ts';
import { checkSubnetsDir, pluginCatalogue, pluginKind } from './subnets-catalogue.ts';
import { eligibilityFromIndex } from './subnets-eligibility.ts';
import { renderStrategistText, strategistCsv } from './subnets-table.ts';

const SUBNETS_OPTIONS = [
  ...PRICE_OPTIONS,
  { ...OUT_OPTION, describe: 'the results folder whose index says which subnets this fleet is eligible on' },
  defineOption({
    key: 'html',
    flag: 'html',
    type: 'string',
    schema: z.string().min(1, 'must be a file path').optional(),
    default: undefined,
    describe: 'also write the table as a sortable HTML page to this file (--rank)',
    owner: 'subnets',
  }),
  SUBNETS_DIR_OPTION,
] as const;
type SubnetsOptions = OptionsOf<typeof SUBNETS_OPTIONS>;

interface SubnetsArgs extends ChainCliArgs {
  json?: boolean;
  csv?: boolean;
  rank?: boolean;
  [k: string]: unknown;
}

const ORIGIN = { file: 'snapshot file', chain: 'live chain', default: 'snapshot shipped with minerbench' } as const;

async function rank(argv: SubnetsArgs, o: SubnetsOptions, io: CliIo, dir: string | undefined): Promise<number> {
  const prices = pricesOf(o);
  const source = chainSourceFromArgs(argv, io);
  const html = o.html ? path.resolve(io.cwd, o.html) : undefined;
  if (html) checkOutputFile(html, '--html');
  const catalogue = await pluginCatalogue(dir);
  const eligibility = eligibilityFromIndex(path.resolve(io.cwd, o.out));
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
    withChainOptions(y)
      .options(yargsOptions(SUBNETS_OPTIONS))
      .option('rank', {
        type: 'boolean',
        describe: 'every subnet on chain with its miner economics and a MINE / SKIP / WATCH verdict',
      })
      .option('json', { type: 'boolean', describe: 'print JSON on stdout' })
      .option('csv', { type: 'boolean', describe: 'print the table as CSV on stdout (--rank)' }),
  handler: async (argv, io) => {
    // Every flag (prices, chain, output, formats) before any plugin, index or chain is read: all problems at once.
    const o = commandOptions('subnets', SUBNETS_OPTIONS, argv, io.env, (v) => [
      ...chainArgProblems(argv),
      ...(argv.json && argv.csv ? ['--json and --csv both given: choose one format for stdout'] : []),
      ...(v.taoPriceAt !== null && v.taoPriceAt !== undefined && v.taoPrice === null
        ? ['--tao-price-at dates a TAO price: give --tao-price too']
        : []),
    ]);
    const dir = subnetsDir(o, io);
    checkSubnetsDir(dir, o.subnetsDir ? '--subnets-dir' : 'MINERBENCH_SUBNETS_DIR');
    if (argv.rank || argv.chain || argv.network || argv.offline || argv.csv || o.html) return rank(argv, o, io, dir);
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
