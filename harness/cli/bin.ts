// main: the minerbench command line (yargs); registers the commands, wires signals, maps errors to exit codes.
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { asMinerbenchError, ERROR_CODES, isMinerbenchError, MinerbenchError } from '../errors.ts';
import type { CliIo } from './cli-command.ts';
import { commandsFor } from './command-table.ts';
import { formatError } from './print-error.ts';
import { MINERBENCH_VERSION } from '../version.ts';

export async function main(args: string[], io?: Partial<CliIo>): Promise<number> {
  const controller = new AbortController();
  const full: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    signal: controller.signal,
    cwd: process.cwd(),
    env: process.env,
    ...io,
  };
  let interrupts = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) {
      full.err(
        `minerbench: ${sig} again, exiting now (containers and networks labelled minerbench.run are reaped at the next start)\n`,
      );
      process.exit(ERROR_CODES.INTERRUPTED);
    }
    full.err(`minerbench: ${sig}: stopping, cleaning up and saving what was measured (press again to exit at once)\n`);
    controller.abort(sig);
  };
  const ownSignals = !io?.signal;
  if (ownSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  let code = 0;
  try {
    let parser: Argv = yargs(args)
      .scriptName('minerbench')
      .version(MINERBENCH_VERSION)
      .strict()
      .demandCommand(1, 'name a command: minerbench --help lists them')
      .recommendCommands()
      .help()
      .wrap(Math.min(110, process.stdout.columns || 100))
      .epilogue(
        'Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid profile, 4 unknown subnet, 5 bad queries file, 6 bad data table, 10-15 Docker, miner and workload services, 20-22 GPU, 30-36 chain, 40-46 results and index (42: an output path cannot be written), 50 run INVALID, 51 sweep infeasible, 52 evaluation failed (artifacts kept), 53 not eligible, 60-62 fleet, 70-71 capture, 130 interrupted; README.md explains each.',
      )
      .fail((msg, err) => {
        throw err ?? new MinerbenchError('USAGE', msg, { hint: 'minerbench --help' });
      });
    for (const c of await commandsFor(args)) {
      parser = parser.command(c.command, c.describe, c.builder, async (argv) => {
        code = await c.handler(argv as never, full);
      });
    }
    await parser.parseAsync();
  } catch (e) {
    const err = isMinerbenchError(e) ? e : asMinerbenchError(e);
    full.err(formatError(err));
    if (err.code === 'INTERNAL' && e instanceof Error && e.stack) full.err(`${e.stack}\n`);
    code = err.exitCode;
  } finally {
    if (ownSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
  return code;
}
