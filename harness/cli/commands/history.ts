// `minerbench history`: lists indexed runs (newest first), filtered by subnet, machine and time; --json for scripts.
import path from 'node:path';
import type { CliCommand } from '../cli-command.ts';
import { MinerbenchError } from '../../errors.ts';
import { openExistingIndex } from '../../results/open-existing-index.ts';
import { queryRuns, type IndexedRun } from '../../results/query-runs.ts';
import { indexWaitMs } from '../../results/store-location.ts';
import { OUT_OPTION } from '../../config/run-options.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { LIMIT_FILTER, RUN_FILTER_OPTIONS } from '../run-filter-options.ts';
import { maxOf } from '../../model/min-max.ts';
import { terminalText } from '../terminal-text.ts';

const HISTORY_OPTIONS = [OUT_OPTION, ...RUN_FILTER_OPTIONS, LIMIT_FILTER] as const;

interface HistoryArgs {
  json?: boolean;
  [k: string]: unknown;
}

const num = (f: IndexedRun['figures'][keyof IndexedRun['figures']], d: number) => (f ? f.value.toFixed(d) : '');

export const historyCommand: CliCommand<HistoryArgs> = {
  command: 'history',
  describe: 'list the runs in the results index',
  builder: (y) =>
    y
      .options(yargsOptions(HISTORY_OPTIONS))
      .option('json', { type: 'boolean', describe: 'print the runs as JSON on stdout' })
      .example('$0 history --subnet template --since 7d', 'last week of template runs')
      .epilogue(
        'Exit codes: 0 ok (--json prints [] when nothing matches), 2 usage, 43 index locked, 44 not an index, 46 no matching runs.',
      ),
  handler: async (argv, io) => {
    const o = commandOptions('history', HISTORY_OPTIONS, argv, io.env);
    const dir = path.resolve(io.cwd, o.out);
    const db = openExistingIndex(dir, { busyTimeoutMs: indexWaitMs(io.env) });
    const file = db.name;
    let runs: IndexedRun[];
    try {
      runs = queryRuns(db, { subnet: o.subnet, machine: o.machine, since: o.since, limit: o.limit });
    } finally {
      db.close();
    }
    if (argv.json) {
      io.out(JSON.stringify(runs, null, 2) + '\n');
      return 0;
    }
    if (!runs.length) {
      throw new MinerbenchError('NO_MATCHING_RUNS', `no indexed runs match in ${file}`, {
        hint: 'run a benchmark, import results (minerbench import <dir>), or loosen --subnet / --machine / --since',
      });
    }
    // Imported results come from other machines: their names and ids are escaped for the terminal.
    const rows = runs.map((r) => [
      terminalText(r.runId),
      terminalText(r.startedAt.slice(0, 16).replace('T', ' ')),
      terminalText(r.subnet.id),
      terminalText(r.machine.name),
      terminalText(r.verdict),
      num(r.figures.p99Ms, 1),
      num(r.figures.capacityQps, 1),
      num(r.figures.quality, 3),
      num(r.figures.joulesPerQuery, 3),
    ]);
    io.out(
      formatTable(
        ['run', 'started (UTC)', 'subnet', 'machine', 'verdict', 'p99 ms', 'q/s', 'quality', 'J/query'],
        rows,
      ),
    );
    io.err(`${runs.length} run(s) from ${file}\n`);
    return 0;
  },
};

/** A plain text table: columns padded, numeric columns right-aligned. */
function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => maxOf(all.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.every((r) => /^-?[\d.]*$/.test(r[c] ?? '')));
  return (
    all
      .map((r) =>
        r
          .map((cell, c) =>
            numeric[c] ? cell.padStart(widths[c]!) : c === r.length - 1 ? cell : cell.padEnd(widths[c]!),
          )
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
