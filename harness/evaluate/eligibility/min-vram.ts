// Gate min-vram: every GPU has at least this much memory (GiB, as nvidia-smi's MiB / 1024).
import { z } from 'zod';
import { minOf } from '../../model/min-max.ts';
import type { EligibilityGate } from './eligibility-gate.ts';
import { gateCommon, result } from './gate-fields.ts';

export const minVramConfigSchema = z.strictObject({
  gate: z.literal('min-vram'),
  minGiB: z.number().positive(),
  ...gateCommon,
});
export type MinVramConfig = z.infer<typeof minVramConfigSchema>;

export const minVramGate: EligibilityGate<MinVramConfig> = {
  kind: 'min-vram',
  configSchema: minVramConfigSchema,
  check(facts, cfg) {
    const mem = facts.gpus.map((g) => g.memoryTotalMiB);
    const known = mem.filter((m): m is number => m !== null);
    const least = known.length ? minOf(known) / 1024 : null;
    const base = {
      label: `at least ${cfg.minGiB} GiB of memory per GPU`,
      required: `${cfg.minGiB} GiB per GPU`,
      source: facts.gpuSource,
    };
    if (facts.gpus.length === 0)
      return result('min-vram', cfg, { ...base, measured: null, pass: false, note: 'no GPU' });
    if (known.length < mem.length)
      return result('min-vram', cfg, {
        ...base,
        measured: null,
        pass: null,
        note: 'nvidia-smi did not report the memory of every GPU',
      });
    return result('min-vram', cfg, {
      ...base,
      measured: `smallest ${Math.round(least! * 10) / 10} GiB`,
      pass: least! >= cfg.minGiB,
    });
  },
};
