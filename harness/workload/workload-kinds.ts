// WORKLOAD_KINDS: what a subnet's validator can make a miner do, by name; a profile's workload.kind picks one.
import type { OptionSpec } from '../config/option-spec.ts';
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import { noneWorkload } from './none-workload.ts';
import { replayWorkload } from './replay-workload.ts';
import { stressWorkload } from './stress-workload.ts';
import { windowWorkload } from './window-workload.ts';
import type { WorkloadKind } from './workload-kind.ts';

/** A new workload is one file and one line here. */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [replayWorkload, stressWorkload, windowWorkload, noneWorkload];

export function knownWorkloads(): string[] {
  return WORKLOAD_KINDS.map((k) => k.kind).sort();
}

/** The profile's workload kind (replay when it declares none). */
export function workloadOf(profile: SubnetProfile, profileFile: string): WorkloadKind {
  const kind = profile.workload?.kind ?? 'replay';
  const k = WORKLOAD_KINDS.find((x) => x.kind === kind);
  if (!k)
    throw new MinerbenchError('CONFIG_INVALID', `subnet profile ${profileFile}: workload.kind '${kind}' is unknown`, {
      hint: `use one of: ${knownWorkloads().join(', ')}`,
    });
  return k;
}

export function workloadOptionSpecs(): OptionSpec[] {
  return [...new Set(WORKLOAD_KINDS.flatMap((k) => [...k.options]))];
}
