// The run's option table: every option `minerbench run` takes, gathered from the kinds that own them (one list), and
// their resolution (defaults < MINERBENCH_* < flags) with every cross-option check, all problems at once.
import { RUN_OPTIONS } from '../config/run-options.ts';
import { resolveOptions, type OptionSpec, type OptionsOf } from '../config/option-spec.ts';
import { MinerbenchError } from '../errors.ts';
import { EARNINGS_OPTIONS } from '../evaluate/earnings-options.ts';
import { lawOptionSpecs } from '../evaluate/incentive/incentive-laws.ts';
import { arrivalOptionSpecs, knownArrivals } from '../load/arrival-kinds.ts';
import { checkRuntimeOptions, knownRuntimes, runtimeOptionSpecs } from '../runtime/runtime-registry.ts';
import { workloadOptionSpecs } from '../workload/workload-kinds.ts';

/** Every run option once (kinds that share one, such as --rate, share the spec object). */
export function runOptionSpecs(): OptionSpec[] {
  const all = [
    ...RUN_OPTIONS,
    ...arrivalOptionSpecs(),
    ...runtimeOptionSpecs(),
    ...EARNINGS_OPTIONS,
    ...lawOptionSpecs(),
    ...workloadOptionSpecs(),
  ];
  const seen = new Map<string, OptionSpec>();
  for (const s of all) {
    const other = seen.get(s.key);
    if (other && other !== s) throw new Error(`option ${s.key} is declared twice (${other.owner}, ${s.owner})`);
    seen.set(s.key, s);
  }
  return [...seen.values()];
}

/** The options every run reads by name; kinds read theirs from the same object. */
export type RunOptions = OptionsOf<typeof RUN_OPTIONS> &
  OptionsOf<typeof EARNINGS_OPTIONS> & {
    concurrency: number;
    baseImage: string | null;
    endpoint: string | null;
    minerHotkey: string | null;
  } & Readonly<Record<string, unknown>>;

export interface ResolvedRunOptions {
  options: RunOptions;
  origin: Record<string, string>;
  /** MINERBENCH_* variables no option reads: reported, never silently ignored. */
  unknownEnv: string[];
}

/** Whether the run's transport signs each request for a miner hotkey (then --runtime external needs --miner-hotkey). */
export interface RunOptionFacts {
  signs: boolean;
}

/** Every problem with the options (zod per option, then the cross-option rules), each naming the flag or variable. */
export function runOptionProblems(
  flags: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
  facts: RunOptionFacts,
): { resolved: ResolvedRunOptions; problems: string[] } {
  const r = resolveOptions(runOptionSpecs(), flags, env);
  const o = r.values as RunOptions;
  const problems = [...r.problems];
  if (o.queries !== null && o.durationS !== null && r.origin.queries !== 'default' && r.origin.durationS !== 'default')
    problems.push('--queries and --duration both given: choose one (a count, or a time)');
  if (typeof o.arrival === 'string' && !knownArrivals().includes(o.arrival))
    problems.push(`--arrival ${o.arrival}: unknown arrival model (use one of: ${knownArrivals().join(', ')})`);
  if (typeof o.runtime === 'string' && !knownRuntimes().includes(o.runtime))
    problems.push(`--runtime ${o.runtime}: unknown runtime (use one of: ${knownRuntimes().join(', ')})`);
  else if (typeof o.runtime === 'string') {
    const runtime = {
      baseImage: o.baseImage ?? null,
      endpoint: o.endpoint ?? null,
      minerHotkey: o.minerHotkey ?? null,
    };
    for (const p of checkRuntimeOptions(o.runtime, { ...runtime, signs: facts.signs })) problems.push(p);
  }
  return { resolved: { options: o, origin: r.origin, unknownEnv: r.unknownEnv }, problems };
}

/** Resolves and checks; throws USAGE listing every problem. */
export function resolveRunOptions(
  flags: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
  facts: RunOptionFacts = { signs: true },
): ResolvedRunOptions {
  const { resolved, problems } = runOptionProblems(flags, env, facts);
  if (problems.length)
    throw new MinerbenchError('USAGE', `invalid run options (${problems.length} problem(s))`, {
      details: problems,
      hint: 'minerbench run --help lists every option',
    });
  return resolved;
}
