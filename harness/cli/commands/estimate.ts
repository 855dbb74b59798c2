// `minerbench estimate <run>`: re-prices a saved run under other inputs (a flag of its law, --law-table, prices, PUE,
// tenure, another chain snapshot) through the same evaluation hooks as `run`, from the run's artifacts; writes nothing.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { loadLawTableFor } from '../../config/load-law-table.ts';
import { resolveOptions } from '../../config/option-spec.ts';
import { loadSubnet } from '../../config/subnet-registry.ts';
import { describeSnapshotAge } from '../../chain/default-snapshot.ts';
import { MinerbenchError } from '../../errors.ts';
import { EARNINGS_OPTIONS } from '../../evaluate/earnings-options.ts';
import type { EarningsPrices } from '../../evaluate/earnings-prices.ts';
import { lawOptionSpecs, resolveLaw } from '../../evaluate/incentive/incentive-laws.ts';
import { lawTableOption } from '../../config/law-table-option.ts';
import { evaluateArtifacts } from '../../run/evaluate-artifacts.ts';
import { evaluationHooks, type EvaluationOverrides } from '../../run/evaluation-hooks.ts';
import { readRunArtifacts } from '../../run/run-artifacts.ts';
import { estimateLines } from '../estimate-lines.ts';
import { flagsFromArgv, yargsOptions } from '../option-flags.ts';
import { terminalText } from '../terminal-text.ts';
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

interface EstimateArgs extends ChainCliArgs, PriceCliArgs {
  run: string;
  pue?: number;
  tenureDays?: number;
  subnetsDir?: string;
  json?: boolean;
  [k: string]: unknown;
}

const SITE = EARNINGS_OPTIONS.filter((s) => s.key === 'pue' || s.key === 'tenureDays');
const CHAIN_FLAGS = ['chain', 'network', 'offline', 'block'] as const;

/** A run folder, or a file in it (its result.json). */
function runDirOf(arg: string, cwd: string): string {
  const p = path.resolve(cwd, arg);
  if (!existsSync(p))
    throw new MinerbenchError('USAGE', `${arg} does not exist`, {
      hint: 'give a run folder (<out>/runs/<run id>) or its result.json',
    });
  return statSync(p).isDirectory() ? p : path.dirname(p);
}

/** The run's prices, with --tao-price / --kwh-price replacing the one given. */
function pricesOver(argv: EstimateArgs, run: EarningsPrices): EarningsPrices | undefined {
  if (argv.taoPrice === undefined && argv.kwhPrice === undefined) return undefined;
  const given = pricesFromArgs(argv);
  return {
    taoPrice: argv.taoPrice === undefined ? run.taoPrice : given.taoPrice,
    kwhPrice: argv.kwhPrice === undefined ? run.kwhPrice : given.kwhPrice,
  };
}

export const estimateCommand: CliCommand<EstimateArgs> = {
  command: 'estimate <run>',
  describe:
    're-price a saved run (its folder or result.json) under another input of its law, --law-table, prices or chain snapshot; nothing is written',
  builder: (y: Argv) =>
    withPriceOptions(withChainOptions(y))
      .positional('run', { type: 'string', describe: 'a run folder (<out>/runs/<run id>) or its result.json' })
      .options(yargsOptions([...SITE, ...lawOptionSpecs()]))
      .option('subnets-dir', {
        type: 'string',
        describe: 'folder of your own subnet plugins [default: the bundled subnets/]',
      })
      .option('json', { type: 'boolean', describe: 'print the eligibility and earnings JSON on stdout' })
      .example(
        '$0 estimate .minerbench/runs/20261125-101500-lium-a1b2 --gpus-of-model 120',
        'with 120 others of the model',
      )
      .example(
        '$0 estimate .minerbench/runs/<id> --law-table newer-rates.json --tao-price 400',
        'a newer rate table',
      ) as unknown as Argv,
  handler: async (argv, io) => {
    const dir = runDirOf(argv.run, io.cwd);
    // Every input checked before anything is read: the law's flags, PUE and tenure, prices, chain flags.
    const lawFlags = flagsFromArgv(lawOptionSpecs(), argv);
    const site = flagsFromArgv(SITE, argv);
    const checked = resolveOptions([...SITE, ...lawOptionSpecs()], { ...site, ...lawFlags }, {});
    if (checked.problems.length)
      throw new MinerbenchError('USAGE', `invalid estimate inputs (${checked.problems.length} problem(s))`, {
        details: checked.problems,
        hint: 'minerbench estimate --help lists each input',
      });
    const a = readRunArtifacts(dir);
    const c = a.context;
    const { profile, dir: pluginDir, file } = await loadSubnet(c.subnet.id, subnetsDir(argv, io));
    const now = new Date();
    const over: EvaluationOverrides = { now };
    const { [lawTableOption.key]: lawTable, ...ownFlags } = lawFlags;
    if (Object.keys(ownFlags).length) over.flags = ownFlags;
    // A table only when one is given (--law-table, or the law's own file flag such as --auction FILE); else the run's copy.
    const { law, config } = resolveLaw(profile.law, path.relative(io.cwd, file) || file);
    for (const spec of lawOptionSpecs())
      if (spec.key in lawFlags && (spec === lawTableOption ? !law.tableSchema : !law.options.includes(spec)))
        io.err(
          `warning: --${spec.flag} is ignored: ${c.subnet.id} is priced by the ${law.kind} law, which ${spec === lawTableOption ? 'takes no table' : 'does not read it'}\n`,
        );
    const fileFlag = law.tableOption && law.tableOption.isFile(lawFlags[law.tableOption.key]);
    if (typeof lawTable === 'string' || fileFlag) {
      const t = loadLawTableFor({
        law,
        config,
        pluginDir,
        lawTableFlag: typeof lawTable === 'string' ? lawTable : null,
        lawFlags,
        cwd: io.cwd,
        now,
      });
      if (t.table) over.table = t.table;
    }
    const prices = pricesOver(argv, c.prices);
    if (prices) over.prices = prices;
    if (typeof site.pue === 'number') over.pue = site.pue;
    if (typeof site.tenureDays === 'number') over.tenureDays = site.tenureDays;
    let chainNote = c.chain
      ? `the run's own snapshot: ${c.chain.description}`
      : 'none (the run used no chain snapshot)';
    if (CHAIN_FLAGS.some((k) => argv[k] !== undefined)) {
      const loaded = await loadSnapshotOrDefault({ ...chainSourceFromArgs(argv, io), netuids: [c.subnet.netuid] });
      for (const w of loaded.warnings) io.err(`chain: ${terminalText(w)}\n`);
      chainNote = `${loaded.origin === 'default' ? 'the shipped snapshot' : loaded.origin === 'file' ? 'snapshot file' : 'live chain'}: ${describeSnapshotAge(loaded.snapshot, now)}`;
      over.chain = { snapshot: loaded.snapshot, description: chainNote };
    }
    const result = evaluateArtifacts(a, profile, evaluationHooks(profile, over));
    if (argv.json)
      io.out(
        `${JSON.stringify(
          {
            run: { id: c.runId, dir },
            chain: chainNote,
            eligibility: result.eligibility,
            earnings: result.earnings,
            warnings: result.warnings.filter((w) => w.startsWith('earnings:')),
          },
          null,
          2,
        )}\n`,
      );
    else io.out(`${estimateLines(result, chainNote).join('\n')}\n`);
    return 0;
  },
};
