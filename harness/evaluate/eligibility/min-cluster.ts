// Gate min-cluster: at least this many GPUs of one model in the node (Targon H200 auction: 8; Basilica B200: 8).
import { z } from 'zod';
import type { EligibilityGate } from './eligibility-gate.ts';
import { describeGpus, gateCommon, result } from './gate-fields.ts';

export const minClusterConfigSchema = z.strictObject({
  gate: z.literal('min-cluster'),
  min: z.number().int().min(1),
  ...gateCommon,
});
export type MinClusterConfig = z.infer<typeof minClusterConfigSchema>;

export const minClusterGate: EligibilityGate<MinClusterConfig> = {
  kind: 'min-cluster',
  configSchema: minClusterConfigSchema,
  check(facts, cfg) {
    const byName = new Map<string, number>();
    for (const g of facts.gpus) byName.set(g.name ?? '?', (byName.get(g.name ?? '?') ?? 0) + 1);
    let largest = 0;
    for (const c of byName.values()) if (c > largest) largest = c;
    return result('min-cluster', cfg, {
      label: `a cluster of at least ${cfg.min} GPUs of one model`,
      required: `${cfg.min} or more GPUs of the same model in one node`,
      measured: describeGpus(facts) ?? 'no GPU',
      pass: largest >= cfg.min,
      source: facts.gpuSource,
    });
  },
};
