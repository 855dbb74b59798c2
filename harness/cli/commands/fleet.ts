// `minerbench fleet run|status <fleet.yaml>`: benchmark every machine of a fleet, and `fleet runner` (inside the runner image).
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { ERROR_CODES, MinerbenchError } from '../../errors.ts';
import type { FleetJob } from '../../fleet/fleet-job.ts';
import { fleetPrinter } from '../fleet-printer.ts';
import { fleetStatus } from '../../fleet/fleet-status.ts';
import { loadFleet } from '../../fleet/load-fleet.ts';
import { NIGHT_PATTERN, nightOf } from '../../fleet/night-id.ts';
import { runFleet } from '../../fleet/run-fleet.ts';
import { runFleetJobs } from '../../fleet/run-fleet-jobs.ts';
import { maxOf } from '../../model/min-max.ts';
import { terminalText as t } from '../terminal-text.ts';

interface FleetArgs {
  action: 'run' | 'status' | 'runner';
  file?: string;
  night?: string;
  insecure?: boolean;
  out?: string;
  only?: string[];
  json?: boolean;
}

async function fleetRun(argv: FleetArgs, io: CliIo): Promise<number> {
  if (!argv.file)
    throw new MinerbenchError('USAGE', 'fleet run needs the fleet file: minerbench fleet run fleet.yaml', {
      hint: 'see fleet.example.yaml',
    });
  if (argv.night && !NIGHT_PATTERN.test(argv.night))
    throw new MinerbenchError('USAGE', `--night ${argv.night} is not a date like 2026-11-21`);
  const fleet = loadFleet(path.resolve(io.cwd, argv.file), {
    insecure: argv.insecure ?? false,
    ...(argv.out ? { resultsDir: path.resolve(io.cwd, argv.out) } : {}),
  });
  for (const o of argv.only ?? []) {
    if (!fleet.machines.some((m) => m.name === o))
      throw new MinerbenchError(
        'USAGE',
        `--only ${o}: no such machine (${fleet.machines.map((m) => m.name).join(', ')})`,
      );
  }
  for (const w of fleet.warnings) io.err(`minerbench: warning: ${t(w)}\n`);
  const night = argv.night ?? nightOf(new Date());
  io.err(
    `fleet ${fleet.name}: night ${night}, ${fleet.machines.length} machine(s), ${fleet.concurrency} at a time; results in ${fleet.resultsDir}\n`,
  );
  const r = await runFleet({
    fleet,
    night,
    signal: io.signal,
    emit: fleetPrinter(io.err),
    ...(argv.only ? { only: argv.only } : {}),
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

function fleetStatusCommand(argv: FleetArgs, io: CliIo): number {
  const resultsDir = argv.out
    ? path.resolve(io.cwd, argv.out)
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

async function fleetRunner(argv: FleetArgs, io: CliIo): Promise<number> {
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
  await runFleetJobs({
    jobs,
    out: path.resolve(io.cwd, argv.out ?? '/out'),
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
      .option('night', {
        type: 'string',
        describe: 'the night to run or resume, YYYY-MM-DD [default: tonight: noon to noon, named by the evening]',
      })
      .option('insecure', { type: 'boolean', describe: 'allow plain tcp:// engines without TLS (warned about)' })
      .option('out', {
        type: 'string',
        describe: "results folder [default: the fleet file's results, else .minerbench]",
      })
      .option('only', { type: 'string', array: true, describe: 'only these machines' })
      .option('json', { type: 'boolean', describe: 'print JSON on stdout' })
      .example('$0 fleet run fleet.yaml', 'benchmark every machine, import the results, write the morning report')
      .example('$0 fleet status fleet.yaml', 'the last night of every machine')
      .epilogue(
        'fleet run exits 0 when every machine finished without regression, 60 when a regression was found, 61 when a machine failed or was unreachable.',
      ),
  handler: async (argv, io) => {
    if (argv.action === 'run') return fleetRun(argv, io);
    if (argv.action === 'status') return fleetStatusCommand(argv, io);
    return fleetRunner(argv, io);
  },
};
