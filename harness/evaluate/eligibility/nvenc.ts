// Gate nvenc: every GPU has a hardware video encoder (Vidaio's compression miner encodes with av1/hevc/h264_nvenc).
import { z } from 'zod';
import type { EligibilityGate } from './eligibility-gate.ts';
import { gateCommon, result } from './gate-fields.ts';

export const nvencConfigSchema = z.strictObject({ gate: z.literal('nvenc'), ...gateCommon });
export type NvencConfig = z.infer<typeof nvencConfigSchema>;

export const nvencGate: EligibilityGate<NvencConfig> = {
  kind: 'nvenc',
  configSchema: nvencConfigSchema,
  check(facts, cfg) {
    const v = facts.gpus.map((g) => g.nvenc);
    const pass = facts.gpus.length === 0 || v.includes(false) ? false : v.includes(null) ? null : true;
    return result('nvenc', cfg, {
      label: 'hardware video encoder (NVENC)',
      required: 'NVENC on every GPU',
      measured: facts.gpus.length
        ? facts.gpus.map((g) => `${g.name}: ${g.nvenc === null ? 'unknown' : g.nvenc ? 'yes' : 'no'}`).join(', ')
        : 'no GPU',
      pass,
      source: [...new Set(facts.gpus.map((g) => g.nvencSource ?? 'unknown'))].join('; ') || facts.gpuSource,
    });
  },
};
