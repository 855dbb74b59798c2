// `minerbench fleet run|status <fleet.yaml>`: benchmark every machine of a fleet, and `fleet runner` (inside the runner image).
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { z } from 'zod';
import { checkOutputDir } from '../../artifacts/output-dir.ts';
import { defineOption, type OptionsOf } from '../../config/option-spec.ts';
import { ERROR_CODES, MinerbenchError } from '../../errors.ts';
import type { FleetJob } from '../../fleet/fleet-job.ts';
import { fleetPrinter } from '../fleet-printer.ts';
import { fleetStatus } from '../../fleet/fleet-status.ts';
import { loadFleet } from '../../fleet/load-fleet.ts';
import { NIGHT_PATTERN, nightOf } from '../../fleet/night-id.ts';
import { runFleet } from '../../fleet/run-fleet.ts';
import { runFleetJobs } from '../../fleet/run-fleet-jobs.ts';
import { maxOf } from '../../model/min-max.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { terminalText as t } from '../terminal-text.ts';

/** A real calendar day: 2026-11-21, not 2026-13-45. */
const isNight = (s: string) => {
  const t = Date.parse(`${s}T12:00:00Z`);
  return NIGHT_PATTERN.test(s) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
};

const FLEET_OPTIONS = [
  defineOption({
    key: 'night',
    flag: 'night',
    type: 'string',
    schema: z.string().refine(isNight, 'must be a date like 2026-11-21').optional(),
    default: undefined,
    defaultText: 'tonight: noon to noon, named by the evening',
    describe: 'the night to run or resume, YYYY-MM-DD',
    owner: 'fleet',
  }),
  defineOption({
    key: 'out',
    flag: 'out',
    type: 'string',
    schema: z.string().min(1, 'must be a folder path').optional(),
    default: undefined,
    defaultText: "the fleet file's results, else .minerbench; the runner: /out",
    describe: 'results folder',
    owner: 'fleet',
  }),
  defineOption({
    key: 'only',
    flag: 'only',
    type: 'string',
    array: true,
    schema: z.array(z.string().min(1, 'must name a machine')).min(1, 'must name a machine').optional(),
    default: undefined,
    describe: 'only these machines',
    owner: 'fleet',
  }),
] as const;
type FleetOptions = OptionsOf<typeof FLEET_OPTIONS>;

interface FleetArgs {
  action: 'run' | 'status' | 'runner';
  file?: string;
  insecure?: boolean;
  json?: boolean;
  [k: string]: unknown;
}

async function fleetRun(argv: FleetArgs, o: FleetOptions, io: CliIo): Promise<number> {
  if (!argv.file)
    throw new MinerbenchError('USAGE', 'fleet run needs the fleet file: minerbench fleet run fleet.yaml', {
      hint: 'see fleet.example.yaml',
    });
  const fleet = loadFleet(path.resolve(io.cwd, argv.file), {
    insecure: argv.insecure ?? false,
    ...(o.out ? { resultsDir: path.resolve(io.cwd, o.out) } : {}),
  });
  const unknown = (o.only ?? []).filter((n) => !fleet.machines.some((m) => m.name === n));
  if (unknown.length)
    throw new MinerbenchError(
      'USAGE',
      `--only ${unknown.join(', ')}: no such machine (${fleet.machines.map((m) => m.name).join(', ')})`,
    );
  // The results folder (runs copied back, the index, the morning report) is checked before any machine is contacted.
  checkOutputDir(fleet.resultsDir, o.out ? '--out' : `results (${path.relative(io.cwd, fleet.file) || fleet.file})`);
  for (const w of fleet.warnings) io.err(`minerbench: warning: ${t(w)}\n`);
  const night = o.night ?? nightOf(new Date());
  io.err(
    `fleet ${fleet.name}: night ${night}, ${fleet.machines.length} machine(s), ${fleet.concurrency} at a time; results in ${fleet.resultsDir}\n`,
  );
  const r = await runFleet({
    fleet,
    night,
    signal: io.signal,
    emit: fleetPrinter(io.err),
    ...(o.only ? { only: o.only } : {}),
  });
  for (const m of r.machines) {
    const counts = `${m.ran} run(s)${m.skipped ? `, ${m.skipped} already done` : ''}${m.failedJobs ? `, ${m.failedJobs} failed` : ''}`;
    // Errors and warnings come back from the machines (engines, runners, miners): escaped for the terminal.
    const name = t(m.machine);
    io.err(`[${name}] ${m.status}: ${counts}${m.error ? ` — ${m.error.code}: ${t(m.error.message)}` : ''}\n`);
    if (m.error?.hint) io.err(`[${name}]   fix: ${t(m.error.hint)}\n`);
    for (const w of m.warnings) io.err(`[${name}]   warning: ${t(w)}\n`);
  }
  for (const g of r.report.regressions) {
    io.err(
      `REGRESSION ${t(g.machine)} ${t(g.subnet)}/${t(g.scenario)}: ${t(g.metric.label)} ${g.metric.tonight?.value} vs baseline ${g.metric.baseline?.value} ${t(g.metric.unit)}\n`,
    );
  }
  io.err(`morning report: ${r.reportFiles.html}\n`);
  if (r.reportFiles.compare) io.err(`comparison: ${r.reportFiles.compare}\n`);
  if (argv.json) io.out(`${JSON.stringify({ night, machines: r.machines, report: r.report }, null, 2)}\n`);
  const codes = {
    ok: 0,
    regression: ERROR_CODES.FLEET_REGRESSION,
    incomplete: ERROR_CODES.FLEET_INCOMPLETE,
    interrupted: ERROR_CODES.INTERRUPTED,
  } as const;
  return codes[r.exit];
}

function fleetStatusCommand(argv: FleetArgs, o: FleetOptions, io: CliIo): number {
  const resultsDir = o.out
    ? path.resolve(io.cwd, o.out)
    : argv.file
      ? loadFleet(path.resolve(io.cwd, argv.file), { insecure: true }).resultsDir
      : path.resolve(io.cwd, '.minerbench');
  const rows = fleetStatus(resultsDir);
  if (argv.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (!rows.length) {
    io.err(`no fleet night recorded under ${resultsDir}\n`);
    return 0;
  }
  const table = [
    ['machine', 'night', 'status', 'runs', 'failed', 'regressions', 'ended'],
    ...rows.map((r) => [
      t(r.machine),
      t(r.night),
      t(r.status),
      `${r.completed}/${r.planned}`,
      String(r.failed),
      r.regressions === null ? '-' : String(r.regressions),
      t(r.endedAt ?? '-'),
    ]),
  ];
  const widths = table[0]!.map((_, i) => maxOf(table.map((row) => row[i]!.length)));
  io.out(
    table
      .map((row) =>
        row
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n',
  );
  for (const r of rows) if (r.error) io.err(`${t(r.machine)}: ${t(r.error)}\n`);
  return 0;
}

async function fleetRunner(o: FleetOptions, io: CliIo): Promise<number> {
  let jobs: FleetJob[];
  try {
    jobs = JSON.parse(io.env.MINERBENCH_FLEET_JOBS ?? '') as FleetJob[];
    if (!Array.isArray(jobs)) throw new Error('not a list');
  } catch (e) {
    throw new MinerbenchError(
      'USAGE',
      `fleet runner: MINERBENCH_FLEET_JOBS is not a JSON list of jobs (${(e as Error).message})`,
      { hint: 'the runner is started by minerbench fleet run, not by hand' },
    );
  }
  const out = path.resolve(io.cwd, o.out ?? '/out');
  checkOutputDir(out, '--out');
  await runFleetJobs({
    jobs,
    out,
    env: io.env,
    signal: io.signal,
    write: io.out,
    ...(io.env.MINERBENCH_BASE_IMAGE ? { baseImage: io.env.MINERBENCH_BASE_IMAGE } : {}),
  });
  return 0;
}

export const fleetCommand: CliCommand<FleetArgs> = {
  command: 'fleet <action> [file]',
  describe: 'benchmark every machine of a fleet (run), or show the last night per machine (status)',
  builder: (y: Argv) =>
    y
      .positional('action', {
        choices: ['run', 'status', 'runner'],
        describe: 'run: benchmark the fleet; status: last night per machine',
      })
      .positional('file', { type: 'string', describe: 'the fleet file (fleet.example.yaml shows one)' })
      .options(yargsOptions(FLEET_OPTIONS))
      .option('insecure', { type: 'boolean', describe: 'allow plain tcp:// engines without TLS (warned about)' })
      .option('json', { type: 'boolean', describe: 'print JSON on stdout' })
      .example('$0 fleet run fleet.yaml', 'benchmark every machine, import the results, write the morning report')
      .example('$0 fleet status fleet.yaml', 'the last night of every machine')
      .epilogue(
        'fleet run exits 0 when every machine finished without regression, 2 on a bad flag, 3 when the fleet or plan file is invalid, 42 when the results folder cannot be written (checked before any machine is contacted), 60 when a regression was found, 61 when a machine failed or was unreachable.',
      ),
  handler: async (argv, io) => {
    const o = commandOptions('fleet', FLEET_OPTIONS, argv, io.env);
    if (argv.action === 'run') return fleetRun(argv, o, io);
    if (argv.action === 'status') return fleetStatusCommand(argv, o, io);
    return fleetRunner(o, io);
  },
};
