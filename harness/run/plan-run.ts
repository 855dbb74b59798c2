// planRun: VALIDATE, before any side effect: the subnet's profile, every option, the workload's inputs (queries),
// the output folder and the GPUs, with every problem reported at once. Nothing is started, pinned or fetched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkOutputDir } from '../artifacts/output-dir.ts';
import { loadSubnet } from '../config/subnet-registry.ts';
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { isMinerbenchError, MinerbenchError, asMinerbenchError } from '../errors.ts';
import { runtimeKind } from '../runtime/runtime-registry.ts';
import type { WorkloadKind, WorkloadPlan } from '../workload/workload-kind.ts';
import { workloadOf } from '../workload/workload-kinds.ts';
import { planGpus, type GpuPlan } from './gpu-plan.ts';
import { planLaw, type LawPlan } from './plan-law.ts';
import { runOptionProblems, type RunOptions } from './run-option-table.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';

export interface RunPlanInput {
  subnet: string;
  /** Option values by key (from flags); defaults and MINERBENCH_* fill the rest. */
  flags: Readonly<Record<string, unknown>>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where subnet plugins live (tests point this at fixtures). */
  subnetsDir?: string;
}

export interface RunPlan {
  subnet: string;
  profile: SubnetProfile;
  /** The profile file as shown in messages (relative to the working folder), its folder and its sha256. */
  profileFile: string;
  profileSha256: string;
  pluginDir: string;
  options: RunOptions;
  origin: Record<string, string>;
  workload: WorkloadKind;
  workloadPlan: WorkloadPlan;
  /** How the subnet pays: its law, gates, table (read and checked) and whether it needs a GPU. */
  law: LawPlan;
  needsDocker: boolean;
  gpuPlan: GpuPlan;
  /** The output folder (absolute), checked writable. */
  outDir: string;
  /** The working folder: paths in results are shown relative to it. */
  cwd: string;
  /** Said before anything starts; kept in the result. */
  warnings: string[];
}

/** Runs every check it can; throws one MinerbenchError listing all problems (the first problem's code). */
export async function planRun(input: RunPlanInput): Promise<RunPlan> {
  const errors: MinerbenchError[] = [];
  const attempt = async <T>(f: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      errors.push(isMinerbenchError(e) ? e : asMinerbenchError(e));
      return undefined;
    }
  };
  const loaded = await attempt(() => loadSubnet(input.subnet, input.subnetsDir));
  const profileFile = loaded ? path.relative(input.cwd, loaded.file) || loaded.file : '';
  const workload = loaded ? await attempt(() => workloadOf(loaded.profile, profileFile)) : undefined;
  // Whether --runtime external needs --miner-hotkey depends on the transport: settled by the workload's plan, so the
  // options are resolved first as if the transport did not sign (no hotkey asked for) and re-checked below once the
  // plan says it signs.
  const first = runOptionProblems(input.flags, input.env, { signs: false });
  const { options, origin, unknownEnv } = first.resolved;
  if (first.problems.length)
    errors.push(
      new MinerbenchError('USAGE', `invalid run options (${first.problems.length} problem(s))`, {
        details: first.problems,
        hint: 'minerbench run --help lists every option',
      }),
    );
  const workloadPlan =
    loaded && workload && !first.problems.length
      ? await attempt(() =>
          workload.plan({ profile: loaded.profile, profileFile, pluginDir: loaded.dir, options, origin }),
        )
      : undefined;
  if (workloadPlan?.signs && !first.problems.length) {
    const again = runOptionProblems(input.flags, input.env, { signs: true }).problems;
    if (again.length)
      errors.push(new MinerbenchError('USAGE', `invalid run options (${again.length} problem(s))`, { details: again }));
  }
  const law = loaded
    ? await attempt(() =>
        planLaw({ profile: loaded.profile, profileFile, pluginDir: loaded.dir, options, origin, cwd: input.cwd }),
      )
    : undefined;
  const outDir = path.resolve(input.cwd, typeof options.out === 'string' ? options.out : '.minerbench');
  if (!first.problems.length)
    await attempt(() => checkOutputDir(outDir, origin.out === 'default' ? '--out (default)' : '--out'));
  // A GPU-only subnet on a machine without a usable NVIDIA GPU is refused here, before anything starts.
  const gpuPlan =
    loaded && law && !errors.length
      ? await attempt(() =>
          planGpus(loaded.profile, options.gpus ?? null, input.env, {
            why: law.gpuOnly,
            all: workloadPlan?.allGpus === true,
          }),
        )
      : undefined;
  if (errors.length || !loaded || !workload || !workloadPlan || !law || !gpuPlan) throw combine(errors);
  const warnings = [...workloadPlan.warnings, ...law.warnings];
  if (unknownEnv.length)
    warnings.push(
      `ignored environment variable(s) no option reads: ${unknownEnv.join(', ')} (a typo? minerbench run --help lists each option's variable)`,
    );
  return {
    subnet: input.subnet,
    profile: loaded.profile,
    profileFile,
    profileSha256: sha256Hex(readFileSync(loaded.file)),
    pluginDir: loaded.dir,
    options,
    origin,
    workload,
    workloadPlan,
    law,
    needsDocker:
      (workloadPlan.miner !== null || workloadPlan.startsProgram === true) &&
      runtimeKind(String(options.runtime)).needsDocker,
    gpuPlan,
    outDir,
    cwd: input.cwd,
    warnings,
  };
}

/** One error for many: the first one's code, every message and detail listed. */
function combine(errors: MinerbenchError[]): MinerbenchError {
  if (errors.length === 1) return errors[0]!;
  const first = errors[0]!;
  const details = errors.flatMap((e) => [e.message, ...e.details.map((d) => `  ${d}`)]);
  return new MinerbenchError(first.code, `${errors.length} problems found before anything started`, {
    details,
    ...(first.hint ? { hint: first.hint } : {}),
  });
}
