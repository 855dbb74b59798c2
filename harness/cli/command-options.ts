// commandOptions: a command's declared options resolved from its argv (defaults < MINERBENCH_* < flags), with the
// command's own cross-option checks, and every problem in one USAGE error (exit 2), each naming its flag.
import { resolveOptions, type OptionSpec, type OptionsOf } from '../config/option-spec.ts';
import { MinerbenchError } from '../errors.ts';
import { flagsFromArgv } from './option-flags.ts';

/** The values by option key; throws USAGE listing the problems of `specs` and those `more` adds (conflicts, paths). */
export function commandOptions<const T extends readonly OptionSpec[]>(
  command: string,
  specs: T,
  argv: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
  more: (values: Partial<OptionsOf<T>>) => readonly string[] = () => [],
): OptionsOf<T> {
  const r = resolveOptions(specs, flagsFromArgv(specs, argv), env);
  // A value that failed its schema is absent, so the cross checks only see good values.
  const problems = [...r.problems, ...more(r.values as unknown as Partial<OptionsOf<T>>)];
  if (problems.length)
    throw new MinerbenchError(
      'USAGE',
      problems.length === 1 ? `invalid option: ${problems[0]}` : `invalid options (${problems.length} problems)`,
      {
        ...(problems.length > 1 ? { details: problems } : {}),
        hint: `minerbench ${command} --help lists what each option takes`,
      },
    );
  return r.values;
}
