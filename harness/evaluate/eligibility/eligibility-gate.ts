// EligibilityGate: one check a subnet applies to a machine before speed matters (pure, one file per gate kind).
import type { z } from 'zod';
import type { MachineFacts } from '../../model/machine-facts.ts';
import type { GateResult } from '../../model/result/eligibility-section.ts';
import type { LoadedTable } from '../incentive/incentive-law.ts';

export interface EligibilityGate<C = unknown> {
  /** e.g. 'gpu-model-in-table', 'min-gpus', 'min-vram', 'min-cluster', 'idle-utilisation', 'driver',
   *  'confidential-compute', 'nvenc'. */
  kind: string;
  /** The gate's entry in a profile's `eligibility: [...]` list, strict. */
  configSchema: z.ZodType<C>;
  /** Pure. `table` is the plugin's law table when the gate needs it (the GPU models a rate table lists). */
  check(facts: MachineFacts, config: C, table: LoadedTable<unknown> | null): GateResult;
}
