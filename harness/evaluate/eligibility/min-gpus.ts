// Gate min-gpus: at least this many GPUs (a GPU-only subnet needs one; some pay only for full nodes).
import { z } from 'zod';
import type { EligibilityGate } from './eligibility-gate.ts';
import { describeGpus, gateCommon, result } from './gate-fields.ts';

export const minGpusConfigSchema = z.strictObject({
  gate: z.literal('min-gpus'),
  min: z.number().int().min(1),
  ...gateCommon,
});
export type MinGpusConfig = z.infer<typeof minGpusConfigSchema>;

export const minGpusGate: EligibilityGate<MinGpusConfig> = {
  kind: 'min-gpus',
  configSchema: minGpusConfigSchema,
  check: (facts, cfg) =>
    result('min-gpus', cfg, {
      label: `at least ${cfg.min} GPU${cfg.min > 1 ? 's' : ''}`,
      required: `${cfg.min} or more NVIDIA GPUs`,
      measured: `${facts.gpus.length}${facts.gpus.length ? ` (${describeGpus(facts)})` : ''}`,
      pass: facts.gpus.length >= cfg.min,
      source: facts.gpuSource,
    }),
};
