// planLaw: VALIDATE's part for how the subnet pays: its law block, its eligibility gates, the law's data table (the
// file --law-table, a law's file flag or the profile names, read and checked with file:line problems) and whether the
// subnet runs only on a machine with an NVIDIA GPU. Every problem at once; nothing is started.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLawTable, type LoadedTable } from '../config/law-table-file.ts';
import { lawTableOption, lawTablePath } from '../config/law-table-option.ts';
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { isMinerbenchError, MinerbenchError, asMinerbenchError } from '../errors.ts';
import { gatePool, requiresGpu, resolveGates, type ResolvedGate } from '../evaluate/eligibility/eligibility-gates.ts';
import type { IncentiveLaw } from '../evaluate/incentive/incentive-law.ts';
import { lawOptionSpecs, resolveLaw } from '../evaluate/incentive/incentive-laws.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';

/** The table file as the run read it: copied into the run's artifacts so a re-evaluation prices with the same one. */
export interface LawTableCopy {
  /** As shown in messages (relative to the working folder). */
  file: string;
  /** Why this file: 'flag --law-table', 'flag --auction', 'plugin profile (law.table)'. */
  origin: string;
  sha256: string;
  text: string;
}

export interface LawPlan {
  law: IncentiveLaw<unknown, unknown, unknown>;
  config: unknown;
  gates: ResolvedGate[];
  table: LoadedTable<unknown> | null;
  tableCopy: LawTableCopy | null;
  /** Why the subnet runs only where there is an NVIDIA GPU; null when it runs on any machine. */
  gpuOnly: string | null;
  /** Law flags given that this subnet's law does not read, an old table... said before anything starts. */
  warnings: string[];
}

export interface LawPlanInput {
  profile: SubnetProfile;
  profileFile: string;
  pluginDir: string;
  options: Readonly<Record<string, unknown>>;
  origin: Readonly<Record<string, string>>;
  cwd: string;
  now?: Date;
}

/** The subnet's law, gates and table, checked; throws one error listing every problem (the first one's code). */
export function planLaw(i: LawPlanInput): LawPlan {
  const errors: MinerbenchError[] = [];
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      errors.push(isMinerbenchError(e) ? e : asMinerbenchError(e));
      return undefined;
    }
  };
  const resolved = attempt(() => resolveLaw(i.profile.law, i.profileFile));
  const gates = attempt(() => resolveGates(i.profile.eligibility, i.profileFile));
  const read = resolved ? attempt(() => readTable(resolved.law, resolved.config, i)) : undefined;
  if (resolved && gates) attempt(() => checkPools(resolved.law, resolved.config, gates, i));
  if (errors.length || !resolved || !gates || read === undefined) throw combine(errors);
  const { law, config } = resolved;
  const warnings: string[] = [];
  if (read.table?.ageWarning) warnings.push(`law: ${read.table.ageWarning}`);
  for (const spec of lawOptionSpecs()) {
    const from = i.origin[spec.key];
    if (!from || from === 'default') continue;
    if (spec === lawTableOption ? !law.tableSchema : !law.options.includes(spec))
      warnings.push(
        `--${spec.flag} is ignored: ${i.profile.id} is priced by the ${law.kind} law, which ${spec === lawTableOption ? 'takes no table' : 'does not read it'}`,
      );
  }
  const gpus = i.profile.miner?.gpus ?? 0;
  const gpuOnly = requiresGpu(gates)
    ? 'its eligibility gates require an NVIDIA GPU (min-gpus)'
    : gpus > 0
      ? `its miner needs ${gpus} NVIDIA GPU(s)`
      : i.profile.workload?.kind === 'stress'
        ? 'its stress workload loads NVIDIA GPUs'
        : null;
  return { law, config, gates, table: read.table, tableCopy: read.copy, gpuOnly, warnings };
}

/** Gates bound to a pool name one of the law's pools, and --pool names one of them (refused before anything runs). */
function checkPools(
  law: IncentiveLaw<unknown, unknown, unknown>,
  config: unknown,
  gates: readonly ResolvedGate[],
  i: LawPlanInput,
): void {
  const names = law.pools?.names(config) ?? [];
  const problems = gates
    .map((g, n) => [n, gatePool(g)] as const)
    .filter(([, p]) => p !== null && !names.includes(p))
    .map(
      ([n, p]) =>
        `${i.profileFile}: eligibility.${n}.pool: '${p}' is not a pool of the ${law.kind} law (${names.length ? `its pools: ${names.join(', ')}` : 'it has no pools'})`,
    );
  if (problems.length)
    throw new MinerbenchError('CONFIG_INVALID', `${i.profileFile}: a gate names a pool the law does not have`, {
      details: problems,
      hint: "name one of the law block's pools in the gate's pool field, or remove the field",
    });
  const flag = i.options['pool'];
  if (law.pools && typeof flag === 'string' && !names.includes(flag))
    throw new MinerbenchError('USAGE', `--pool ${flag}: ${i.profile.id}'s pools are ${names.join(', ')}`, {
      hint: `pick one: ${names.map((n) => `--pool ${n}`).join(', ')}`,
    });
}

function readTable(
  law: IncentiveLaw<unknown, unknown, unknown>,
  config: unknown,
  i: LawPlanInput,
): { table: LoadedTable<unknown> | null; copy: LawTableCopy | null } {
  if (!law.tableSchema) return { table: null, copy: null };
  const opt = law.tableOption;
  const value = opt ? i.options[opt.key] : undefined;
  const flag = opt ? law.options.find((s) => s.key === opt.key)?.flag : undefined;
  const lawTable = i.options[lawTableOption.key];
  const choice = lawTablePath({
    pluginDir: i.pluginDir,
    profileTable: (config as { table?: string } | null)?.table ?? null,
    lawTableFlag: typeof lawTable === 'string' ? lawTable : null,
    lawFileOption: opt && flag && opt.isFile(value) ? { value: String(value), flag } : null,
    cwd: i.cwd,
  });
  if (!choice) return { table: null, copy: null };
  const shown = path.relative(i.cwd, choice.file) || choice.file;
  let text: string;
  try {
    text = readFileSync(choice.file, 'utf8');
  } catch (e) {
    throw new MinerbenchError(
      'TABLE_INVALID',
      `law table ${shown} (${choice.origin}) cannot be read: ${(e as Error).message}`,
      {
        hint: 'check the path given with --law-table (or the table path in the plugin profile)',
      },
    );
  }
  const table = parseLawTable(text, shown, law.tableSchema, i.now ?? new Date());
  return {
    table,
    copy: { file: shown, origin: choice.origin, sha256: sha256Hex(text), text },
  };
}

function combine(errors: MinerbenchError[]): MinerbenchError {
  if (errors.length === 1) return errors[0]!;
  const first = errors[0]!;
  return new MinerbenchError(first.code, `${errors.length} problems with the subnet's law, gates or table`, {
    details: errors.flatMap((e) => [e.message, ...e.details.map((d) => `  ${d}`)]),
    ...(first.hint ? { hint: first.hint } : {}),
  });
}
