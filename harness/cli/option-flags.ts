// yargsOptions / flagsFromArgv: the command-line side of declared options: yargs flags generated from the specs (with
// their default and variable in the help), and the flag values handed back by option key.
import type { Options } from 'yargs';
import type { OptionSpec } from '../config/option-spec.ts';

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function helpOf(s: OptionSpec): string {
  const def = s.defaultText ?? (s.default === null || s.default === undefined ? null : JSON.stringify(s.default));
  return `${s.describe}${def === null ? '' : ` [default: ${def}]`}${s.env ? ` [env: ${s.env}]` : ''}`;
}

/** One yargs option per spec, grouped by owner in --help; yargs keeps no defaults (the specs do, layered with env). */
export function yargsOptions(specs: readonly OptionSpec[]): Record<string, Options> {
  const out: Record<string, Options> = {};
  for (const s of specs)
    out[s.flag] = {
      type: s.type,
      describe: helpOf(s),
      group: `Options (${s.owner.split(' ')[0]}):`,
      ...(s.array ? { array: true } : {}),
    };
  return out;
}

/** The flags given on the command line, by option key (absent flags are left out, so env and defaults apply). */
export function flagsFromArgv(
  specs: readonly OptionSpec[],
  argv: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  for (const s of specs) {
    const v = argv[camel(s.flag)] ?? argv[s.flag];
    if (v !== undefined) flags[s.key] = v;
  }
  return flags;
}
