// `minerbench report`: regenerates run reports, or writes a comparison (--compare) or trend (--trend) report.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { MinerbenchError } from '../../errors.ts';
import { writeFileAtomic } from '../../artifacts/atomic-write.ts';
import { checkOutputFile } from '../../artifacts/output-dir.ts';
import { findResultFiles } from '../../results/find-result-files.ts';
import { indexedRunOf } from '../../results/indexed-run-of.ts';
import { openExistingIndex } from '../../results/open-existing-index.ts';
import { queryRuns, sinceInstant, type IndexedRun } from '../../results/query-runs.ts';
import { readResult } from '../../results/read-result.ts';
import { indexWaitMs } from '../../results/store-location.ts';
import { z } from 'zod';
import { defineOption, type OptionsOf } from '../../config/option-spec.ts';
import { OUT_OPTION } from '../../config/run-options.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { RUN_FILTER_OPTIONS } from '../run-filter-options.ts';
import { compareReportHtml } from '../../../reports/compare-report-html.ts';
import { runReportHtml } from '../../../reports/run-report-html.ts';
import { trendReportHtml } from '../../../reports/trend-report-html.ts';

const OUTPUT_OPTION = defineOption({
  key: 'output',
  flag: 'output',
  type: 'string',
  schema: z.string().min(1, 'must be a file path').optional(),
  default: undefined,
  defaultText: '<out>/compare.html or <out>/trend.html; a run report goes beside its result',
  describe: 'the HTML file to write',
  owner: 'report',
});

const REPORT_OPTIONS = [OUT_OPTION, ...RUN_FILTER_OPTIONS, OUTPUT_OPTION] as const;
type ReportOptions = OptionsOf<typeof REPORT_OPTIONS>;

export interface ReportArgs {
  targets?: string[];
  compare?: boolean;
  trend?: boolean;
  [k: string]: unknown;
}

export const REPORT_EXIT_CODES =
  'Exit codes: 0 written, 2 usage, 40 a result is not complete, 41 unknown schema version, 42 cannot write (checked before any run is read), 43 index locked, 44 not an index, 46 no matching runs.';

export function reportFilterOptions(y: Argv): Argv {
  return y
    .positional('targets', {
      type: 'string',
      array: true,
      describe: 'result.json files, folders of them, or run ids [default: the index]',
    })
    .options(yargsOptions(REPORT_OPTIONS))
    .alias('output', 'o');
}

/** Runs from the files or run ids given, else from the index; filtered either way. */
function selectRuns(targets: readonly string[], argv: ReportOptions, io: CliIo, dir: string): IndexedRun[] {
  let runs: IndexedRun[];
  if (!targets.length) {
    const db = openExistingIndex(dir, { busyTimeoutMs: indexWaitMs(io.env) });
    try {
      return queryRuns(db, argv);
    } finally {
      db.close();
    }
  }
  runs = resultFiles(targets, io, dir).map((f) => indexedRunOf(readResult(f), f));
  const ids = new Set(runs.map((r) => r.runId));
  if (ids.size < runs.length)
    throw new MinerbenchError('RUN_ID_CONFLICT', 'two of the result files given claim the same run id', {
      hint: 'give each run once',
    });
  const since = argv.since ? Date.parse(sinceInstant(argv.since)) : NaN;
  runs = runs.filter(
    (r) =>
      (!argv.subnet || r.subnet.id === argv.subnet) &&
      (!argv.machine ||
        r.machine.id.startsWith(argv.machine) ||
        r.machine.hostname === argv.machine ||
        r.machine.name === argv.machine) &&
      (Number.isNaN(since) || Date.parse(r.startedAt) >= since),
  );
  return runs;
}

/** Each target as result files: a path, or a run id looked up in the index. */
function resultFiles(targets: readonly string[], io: CliIo, dir: string): string[] {
  return targets.flatMap((t) => {
    const p = path.resolve(io.cwd, t);
    if (existsSync(p)) return findResultFiles(p);
    const db = openExistingIndex(dir, { busyTimeoutMs: indexWaitMs(io.env) });
    try {
      const hit = db.prepare('SELECT result_path FROM runs WHERE run_id = ?').get(t) as
        { result_path: string } | undefined;
      if (!hit)
        throw new MinerbenchError('NO_MATCHING_RUNS', `${t} is neither a file nor a run id in ${db.name}`, {
          hint: 'minerbench history lists the run ids',
        });
      return [hit.result_path];
    } finally {
      db.close();
    }
  });
}

function write(file: string, html: string, io: CliIo, what: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileAtomic(file, html);
  } catch (e) {
    throw new MinerbenchError('STORE_FAILED', `cannot write ${file}: ${(e as Error).message}`, { cause: e });
  }
  io.err(`${what}: ${file} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)\n`);
}

export async function reportHandler(argv: ReportArgs, io: CliIo, command = 'report'): Promise<number> {
  const o = commandOptions(command, REPORT_OPTIONS, argv, io.env, () =>
    argv.compare && argv.trend ? ['--compare and --trend make different reports: pick one'] : [],
  );
  const dir = path.resolve(io.cwd, o.out);
  const targets = argv.targets ?? [];
  // Where the report goes is checked before any run is read (a file, a path under a file, a read-only folder: 42).
  if (o.output) checkOutputFile(path.resolve(io.cwd, o.output), '--output');
  if (argv.compare || argv.trend) {
    const kind = argv.compare ? 'compare' : 'trend';
    const file = path.resolve(io.cwd, o.output ?? path.join(dir, `${kind}.html`));
    if (!o.output) checkOutputFile(file, `the ${kind} report (in --out)`);
    const runs = selectRuns(targets, o, io, dir);
    const html = kind === 'compare' ? compareReportHtml(runs) : trendReportHtml(runs);
    write(file, html, io, `${kind} report of ${runs.length} run(s)`);
    return 0;
  }
  const files = targets.length
    ? resultFiles(targets, io, dir)
    : selectRuns(targets, o, io, dir).map((r) => r.resultPath);
  if (!files.length)
    throw new MinerbenchError('NO_MATCHING_RUNS', 'no runs match', {
      hint: 'minerbench history lists the indexed runs',
    });
  if (o.output && files.length > 1)
    throw new MinerbenchError('USAGE', `--output names one file but ${files.length} runs match`, {
      hint: 'name one run, or leave out --output to write report.html beside each result',
    });
  // Beside each result: every folder is checked before the first report is written.
  if (!o.output) for (const f of files) checkOutputFile(path.join(path.dirname(f), 'report.html'), 'run report');
  for (const f of files)
    write(
      o.output ? path.resolve(io.cwd, o.output) : path.join(path.dirname(f), 'report.html'),
      runReportHtml(readResult(f)),
      io,
      'run report',
    );
  return 0;
}

export const reportCommand: CliCommand<ReportArgs> = {
  command: 'report [targets..]',
  describe: 'write run reports (beside each result), or a --compare or --trend report of many runs',
  builder: (y) =>
    reportFilterOptions(y)
      .option('compare', { type: 'boolean', describe: 'machines side by side per subnet and subnets per machine' })
      .option('trend', { type: 'boolean', describe: 'each subnet x machine over nights, regressions marked' })
      .example('$0 report 20261120-021500-template-a1b2', 'regenerate one run report')
      .example('$0 report --compare --since 1d', "compare last night's runs")
      .example('$0 report --trend --subnet template --machine gpu-07', 'one subnet on one machine over nights')
      .epilogue(REPORT_EXIT_CODES),
  handler: (argv, io) => reportHandler(argv, io),
};
