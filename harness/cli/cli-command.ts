// CliCommand: the shape of one minerbench sub-command; bin.ts registers each one with yargs.
import type { Argv } from 'yargs';

/** Where a command writes: stdout carries data only (tables, --json), stderr carries everything for humans. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars); false in CI and cron (plain lines). */
  isTTY: boolean;
  /** Aborted on Ctrl-C / SIGTERM: commands stop work, clean up, save what they have. */
  signal: AbortSignal;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand<A = Record<string, unknown>> {
  /** yargs command string, e.g. 'run <subnets..>'. */
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  /** Returns the exit code. Throw a MinerbenchError for failures: bin.ts prints it and maps it to its exit code. */
  handler: (argv: A, io: CliIo) => Promise<number>;
}
