// defineOption / resolveOptions: each option declared once (flag, environment variable, default, schema, description)
// beside the kind that owns it, then merged in layers (defaults < MINERBENCH_* environment < flags) and validated at once.
import { z } from 'zod';

/** How yargs parses the flag and how an environment value is read. */
export type OptionType = 'number' | 'string' | 'boolean';

export interface OptionSpec<K extends string = string, S extends z.ZodType = z.ZodType> {
  /** Key in the resolved options object (camelCase). */
  key: K;
  /** The command-line flag without the dashes (kebab-case). */
  flag: string;
  /** The MINERBENCH_* variable that sets it, where a nightly setup would want one. */
  env?: string;
  type: OptionType;
  /** The flag takes several values (--netuids 1 2 3, --only a --only b); the schema sees an array. */
  array?: boolean;
  /** Validates the merged value (flag, environment or default); its message says what a good value is. */
  schema: S;
  default: z.output<S>;
  describe: string;
  /** Who owns it, for --help groups and messages: 'run', 'arrival constant', 'law hardware-rate', 'chain'... */
  owner: string;
  /** Shown instead of the default in --help when the default is computed (e.g. "the profile's validator timeout"). */
  defaultText?: string;
}

/** Declares one option; `as const` on the key keeps the resolved object typed. */
export function defineOption<const K extends string, S extends z.ZodType>(spec: OptionSpec<K, S>): OptionSpec<K, S> {
  return spec;
}

/** The resolved, typed options of a list of specs. */
export type OptionsOf<T extends readonly OptionSpec[]> = {
  [P in T[number] as P['key']]: P extends OptionSpec<string, infer S> ? z.output<S> : never;
};

export interface ResolvedOptions<T extends readonly OptionSpec[]> {
  values: OptionsOf<T>;
  /** Where each value came from: 'default', 'flag --rate', 'environment MINERBENCH_RATE=50'. */
  origin: Record<string, string>;
  /** MINERBENCH_* variables that no option reads (a typo, or an option of another command). */
  unknownEnv: string[];
  /** Every problem, each naming the flag or variable, the bad value and the fix. */
  problems: string[];
}

/** Variables that are MINERBENCH_* but are read elsewhere (not options): never reported as unknown. */
export const NON_OPTION_ENV = new Set([
  'MINERBENCH_SUBNETS_DIR',
  'MINERBENCH_MACHINE_NAME',
  'MINERBENCH_DOCKER_HOST',
  'MINERBENCH_NVIDIA_SMI',
  'MINERBENCH_RUNNER',
  'MINERBENCH_INDEX_WAIT_MS',
  'MINERBENCH_FLEET_JOBS',
]);

function fromEnv(spec: OptionSpec, raw: string): unknown {
  if (spec.type === 'number') return raw.trim() === '' ? Number.NaN : Number(raw);
  if (spec.type === 'boolean')
    return raw === '1' || raw.toLowerCase() === 'true'
      ? true
      : raw === '0' || raw.toLowerCase() === 'false'
        ? false
        : raw;
  return raw;
}

/**
 * Merges defaults < environment < flags for the given specs and validates each value with its schema. Never throws:
 * the caller adds its own cross-option checks to `problems` and raises one error with all of them.
 */
export function resolveOptions<const T extends readonly OptionSpec[]>(
  specs: T,
  flags: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
): ResolvedOptions<T> {
  const values: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const problems: string[] = [];
  const envNames = new Set<string>();
  for (const spec of specs) {
    let value: unknown = spec.default;
    origin[spec.key] = 'default';
    if (spec.env) {
      envNames.add(spec.env);
      const raw = env[spec.env];
      if (raw !== undefined && raw !== '') {
        value = fromEnv(spec, raw);
        origin[spec.key] = `environment ${spec.env}=${raw}`;
      }
    }
    const flag = flags[spec.key];
    if (flag !== undefined) {
      value = flag;
      origin[spec.key] = `flag --${spec.flag}`;
    }
    const r = spec.schema.safeParse(value);
    if (r.success) values[spec.key] = r.data;
    else {
      const where = origin[spec.key] === 'default' ? `default of --${spec.flag}` : origin[spec.key]!;
      for (const issue of r.error.issues) problems.push(`${where}: ${issue.message} (got ${shown(value)})`);
    }
  }
  const unknownEnv = Object.keys(env)
    .filter((k) => k.startsWith('MINERBENCH_') && !envNames.has(k) && !NON_OPTION_ENV.has(k))
    .sort();
  return { values: values as OptionsOf<T>, origin, unknownEnv, problems };
}

function shown(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v) ?? String(v);
}

/** A finite number (NaN and Infinity are refused with a message naming what is expected). */
export const finite = (what: string) =>
  z.number({ error: `must be a number (${what})` }).finite(`must be a finite number (${what})`);
