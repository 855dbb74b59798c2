// The eligibility gates minerbench knows, by kind (one file each): a profile's entries validated all at once, then
// checked against the machine's facts into the Eligibility verdict.
import { formatZodIssues } from '../../config/format-issues.ts';
import type { LoadedTable } from '../../config/law-table-file.ts';
import { MinerbenchError } from '../../errors.ts';
import type { MachineFacts } from '../../model/machine-facts.ts';
import { eligibilityOf, type Eligibility } from '../../model/result/eligibility-section.ts';
import { confidentialComputeGate } from './confidential-compute.ts';
import { driverGate } from './driver.ts';
import type { EligibilityGate } from './eligibility-gate.ts';
import { gpuModelInTableGate } from './gpu-model-in-table.ts';
import { idleUtilisationGate } from './idle-utilisation.ts';
import { minClusterGate } from './min-cluster.ts';
import { minGpusGate } from './min-gpus.ts';
import { minVramGate } from './min-vram.ts';
import { nvencGate } from './nvenc.ts';

export const ELIGIBILITY_GATES: readonly EligibilityGate<unknown>[] = [
  minGpusGate,
  gpuModelInTableGate,
  minVramGate,
  minClusterGate,
  idleUtilisationGate,
  driverGate,
  confidentialComputeGate,
  nvencGate,
] as unknown as readonly EligibilityGate<unknown>[];

export interface ResolvedGate {
  gate: EligibilityGate<unknown>;
  config: unknown;
}

/** Validates a profile's `eligibility` entries by their kinds; every problem at once (CONFIG_INVALID). */
export function resolveGates(
  entries: ReadonlyArray<Readonly<Record<string, unknown>>> | undefined,
  file: string,
): ResolvedGate[] {
  const problems: string[] = [];
  const out: ResolvedGate[] = [];
  (entries ?? []).forEach((e, i) => {
    const gate = ELIGIBILITY_GATES.find((g) => g.kind === e['gate']);
    if (!gate) {
      problems.push(
        `${file}: eligibility.${i}.gate: unknown gate '${String(e['gate'])}' (known: ${ELIGIBILITY_GATES.map((g) => g.kind).join(', ')})`,
      );
      return;
    }
    const r = gate.configSchema.safeParse(e);
    if (r.success) out.push({ gate, config: r.data });
    else for (const p of formatZodIssues(`${file}: eligibility.${i}`, r.error.issues, e)) problems.push(p);
  });
  if (problems.length) {
    throw new MinerbenchError('CONFIG_INVALID', `${file}: ${problems.length} problem(s) in its eligibility gates`, {
      details: problems,
      hint: 'fix each entry listed; see harness/evaluate/eligibility/ for what each gate takes',
    });
  }
  return out;
}

/**
 * Pure: every gate's result on these facts and the verdict (a failing blocking gate: not eligible). A gate for another
 * pool than `pool` (the law's pool the machine is priced in) is shown but does not block.
 */
export function checkEligibility(
  facts: MachineFacts,
  gates: readonly ResolvedGate[],
  table: LoadedTable<unknown> | null,
  pool: string | null = null,
): Eligibility {
  return eligibilityOf(
    gates.map((g) => {
      const r = g.gate.check(facts, g.config, table);
      const only = gatePool(g);
      if (only === null || pool === null) return r;
      if (only === pool) return { ...r, label: `${r.label} (${pool} pool)` };
      const note = `binds the ${only} pool only; this machine is priced in ${pool}`;
      return { ...r, blocking: false, note: r.note ? `${r.note}; ${note}` : note };
    }),
  );
}

/** The pool a gate binds, or null when it binds every machine. */
export function gatePool(g: ResolvedGate): string | null {
  return (g.config as { pool?: string }).pool ?? null;
}

/** A plugin whose gates include a blocking min-gpus cannot run on a machine without a GPU (refuse before starting). */
export function requiresGpu(gates: readonly ResolvedGate[]): boolean {
  return gates.some((g) => g.gate.kind === 'min-gpus' && (g.config as { blocking?: boolean }).blocking !== false);
}
