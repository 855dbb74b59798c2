// `minerbench report`: regenerates run reports, or writes a comparison (--compare) or trend (--trend) report.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { MinerbenchError } from '../../errors.ts';
import { writeFileAtomic } from '../../artifacts/atomic-write.ts';
import { findResultFiles } from '../../results/find-result-files.ts';
import { indexedRunOf } from '../../results/indexed-run-of.ts';
import { openExistingIndex } from '../../results/open-existing-index.ts';
import { queryRuns, sinceInstant, type IndexedRun, type RunFilter } from '../../results/query-runs.ts';
import { readResult } from '../../results/read-result.ts';
import { indexWaitMs, storeDir } from '../../results/store-location.ts';
import { compareReportHtml } from '../../../reports/compare-report-html.ts';
import { runReportHtml } from '../../../reports/run-report-html.ts';
import { trendReportHtml } from '../../../reports/trend-report-html.ts';

export interface ReportArgs extends RunFilter {
  targets?: string[];
  compare?: boolean;
  trend?: boolean;
  output?: string;
  out?: string;
}

export const REPORT_EXIT_CODES =
  'Exit codes: 0 written, 2 usage, 40 a result is not complete, 41 unknown schema version, 42 cannot write, 43 index locked, 44 not an index, 46 no matching runs.';

export function reportFilterOptions(y: Argv): Argv {
  return y
    .positional('targets', {
      type: 'string',
      array: true,
      describe: 'result.json files, folders of them, or run ids [default: the index]',
    })
    .option('subnet', { type: 'string', describe: 'only this subnet id' })
    .option('machine', { type: 'string', describe: 'only this machine (id prefix, hostname or name)' })
    .option('since', { type: 'string', describe: 'only runs since a date (2026-11-01) or a span back (36h, 7d, 4w)' })
    .option('output', {
      alias: 'o',
      type: 'string',
      describe: 'the HTML file to write [default: <out>/compare.html or <out>/trend.html]',
    })
    .option('out', { type: 'string', describe: 'the folder holding runs/ and minerbench.db [default: .minerbench]' });
}

/** Runs from the files or run ids given, else from the index; filtered either way. */
function selectRuns(argv: ReportArgs, io: CliIo, dir: string): IndexedRun[] {
  const targets = argv.targets ?? [];
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
function resultFiles(targets: string[], io: CliIo, dir: string): string[] {
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

export async function reportHandler(argv: ReportArgs, io: CliIo): Promise<number> {
  const dir = storeDir(argv.out, io);
  if (argv.compare && argv.trend)
    throw new MinerbenchError('USAGE', '--compare and --trend make different reports: pick one');
  if (argv.compare || argv.trend) {
    const runs = selectRuns(argv, io, dir);
    const kind = argv.compare ? 'compare' : 'trend';
    const html = kind === 'compare' ? compareReportHtml(runs) : trendReportHtml(runs);
    write(
      path.resolve(io.cwd, argv.output ?? path.join(dir, `${kind}.html`)),
      html,
      io,
      `${kind} report of ${runs.length} run(s)`,
    );
    return 0;
  }
  const files = argv.targets?.length
    ? resultFiles(argv.targets, io, dir)
    : selectRuns(argv, io, dir).map((r) => r.resultPath);
  if (!files.length)
    throw new MinerbenchError('NO_MATCHING_RUNS', 'no runs match', {
      hint: 'minerbench history lists the indexed runs',
    });
  if (argv.output && files.length > 1)
    throw new MinerbenchError('USAGE', `--output names one file but ${files.length} runs match`, {
      hint: 'name one run, or leave out --output to write report.html beside each result',
    });
  for (const f of files)
    write(
      argv.output ? path.resolve(io.cwd, argv.output) : path.join(path.dirname(f), 'report.html'),
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
  handler: reportHandler,
};
