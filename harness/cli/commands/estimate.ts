// `minerbench estimate <run>`: re-prices a saved run under other inputs (a flag of its law, --law-table, prices, PUE,
// tenure, another chain snapshot) through the same evaluation hooks as `run`, from the run's artifacts; writes nothing.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { loadLawTableFor } from '../../config/load-law-table.ts';
import { lawTableOption } from '../../config/law-table-option.ts';
import { loadSubnet } from '../../config/subnet-registry.ts';
import { describeSnapshotAge } from '../../chain/default-snapshot.ts';
import { MinerbenchError } from '../../errors.ts';
import { EARNINGS_OPTIONS, PRICE_OPTIONS, pricesOf } from '../../evaluate/earnings-options.ts';
import type { EarningsPrices } from '../../evaluate/earnings-prices.ts';
import { lawOptionSpecs, resolveLaw } from '../../evaluate/incentive/incentive-laws.ts';
import { evaluateArtifacts } from '../../run/evaluate-artifacts.ts';
import { evaluationHooks, type EvaluationOverrides } from '../../run/evaluation-hooks.ts';
import { readRunArtifacts } from '../../run/run-artifacts.ts';
import { chainArgProblems } from '../chain-options.ts';
import { commandOptions } from '../command-options.ts';
import { estimateLines } from '../estimate-lines.ts';
import { flagsFromArgv, yargsOptions } from '../option-flags.ts';
import { terminalText } from '../terminal-text.ts';
import { SUBNETS_DIR_OPTION, subnetsDir } from '../subnets-dir-option.ts';
import { checkSubnetsDir } from './subnets-catalogue.ts';
import { chainSourceFromArgs, loadSnapshotOrDefault, withChainOptions, type ChainCliArgs } from './subnets-earnings.ts';

interface EstimateArgs extends ChainCliArgs {
  run: string;
  json?: boolean;
  [k: string]: unknown;
}

/** What an estimate may replace: prices, PUE and tenure (the run's own options), the law's inputs, the plugins' folder. */
const ESTIMATE_OPTIONS = () => [...PRICE_OPTIONS, ...EARNINGS_OPTIONS, ...lawOptionSpecs(), SUBNETS_DIR_OPTION];
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

/** The run's prices, with a price given by flag replacing the run's (in the flag's currency). */
function pricesOver(given: Readonly<Record<string, unknown>>, o: Parameters<typeof pricesOf>[0], run: EarningsPrices) {
  if (given.taoPrice === undefined && given.kwhPrice === undefined) return undefined;
  const p = pricesOf(o);
  return {
    taoPrice: given.taoPrice === undefined ? run.taoPrice : p.taoPrice,
    kwhPrice: given.kwhPrice === undefined ? run.kwhPrice : p.kwhPrice,
  } satisfies EarningsPrices;
}

export const estimateCommand: CliCommand<EstimateArgs> = {
  command: 'estimate <run>',
  describe:
    're-price a saved run (its folder or result.json) under another input of its law, --law-table, prices or chain snapshot; nothing is written',
  builder: (y: Argv) =>
    withChainOptions(y)
      .positional('run', { type: 'string', describe: 'a run folder (<out>/runs/<run id>) or its result.json' })
      .options(yargsOptions(ESTIMATE_OPTIONS()))
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
    // Every input checked before anything is read (prices, PUE and tenure, the law's flags, chain flags): all at once.
    const specs = ESTIMATE_OPTIONS();
    const o = commandOptions('estimate', specs, argv, io.env, (v) => [
      ...chainArgProblems(argv),
      ...(v.taoPriceAt !== null && v.taoPriceAt !== undefined && v.taoPrice === null
        ? ['--tao-price-at dates a TAO price: give --tao-price too']
        : []),
    ]);
    // Only what is given on the command line replaces the run's own inputs.
    const given = flagsFromArgv(specs, argv);
    const lawFlags = flagsFromArgv(lawOptionSpecs(), argv);
    const plugins = subnetsDir(o as { subnetsDir?: string }, io);
    checkSubnetsDir(plugins, given.subnetsDir ? '--subnets-dir' : 'MINERBENCH_SUBNETS_DIR');
    const dir = runDirOf(argv.run, io.cwd);
    const a = readRunArtifacts(dir);
    const c = a.context;
    const { profile, dir: pluginDir, file } = await loadSubnet(c.subnet.id, plugins);
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
    const prices = pricesOver(given, o as unknown as Parameters<typeof pricesOf>[0], c.prices);
    if (prices) over.prices = prices;
    if (typeof given.pue === 'number') over.pue = given.pue;
    if (typeof given.tenureDays === 'number') over.tenureDays = given.tenureDays;
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
