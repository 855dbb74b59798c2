// COMMAND_TABLE: every minerbench command by name, loaded on demand so one command does not pay for the others' imports.
import type { CliCommand } from './cli-command.ts';

type Loader = () => Promise<CliCommand<never>>;
const c = <T>(p: Promise<T>, pick: (m: T) => unknown): Promise<CliCommand<never>> =>
  p.then((m) => pick(m) as CliCommand<never>);

export const COMMAND_TABLE: ReadonlyArray<{ name: string; load: Loader }> = [
  { name: 'run', load: () => c(import('./commands/run.ts'), (m) => m.runCommand) },
  { name: 'evaluate', load: () => c(import('./commands/evaluate.ts'), (m) => m.evaluateCommand) },
  { name: 'capture', load: () => c(import('./commands/capture.ts'), (m) => m.captureCommand) },
  { name: 'subnets', load: () => c(import('./commands/subnets.ts'), (m) => m.subnetsCommand) },
  { name: 'chain', load: () => c(import('./commands/chain.ts'), (m) => m.chainCommand) },
  { name: 'estimate', load: () => c(import('./commands/estimate.ts'), (m) => m.estimateCommand) },
  { name: 'fleet', load: () => c(import('./commands/fleet.ts'), (m) => m.fleetCommand) },
  { name: 'doctor', load: () => c(import('./commands/doctor.ts'), (m) => m.doctorCommand) },
  { name: 'history', load: () => c(import('./commands/history.ts'), (m) => m.historyCommand) },
  { name: 'import', load: () => c(import('./commands/import.ts'), (m) => m.importCommand) },
  { name: 'report', load: () => c(import('./commands/report.ts'), (m) => m.reportCommand) },
  { name: 'compare', load: () => c(import('./commands/compare.ts'), (m) => m.compareCommand) },
];

/** The commands to register for these arguments: only the one named, or all of them (help, typos, no command). */
export async function commandsFor(args: readonly string[]): Promise<CliCommand<never>[]> {
  if (args.includes('--version')) return [];
  const first = args.find((a) => !a.startsWith('-'));
  const named = COMMAND_TABLE.find((t) => t.name === first);
  return Promise.all((named ? [named] : COMMAND_TABLE).map((t) => t.load()));
}
