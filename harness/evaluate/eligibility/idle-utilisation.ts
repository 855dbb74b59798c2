// Gate idle-utilisation: the GPUs are idle before the run (Lium fails a GPU that something else is using).
import { z } from 'zod';
import { maxOf } from '../../model/min-max.ts';
import type { EligibilityGate } from './eligibility-gate.ts';
import { gateCommon, result } from './gate-fields.ts';

export const idleUtilisationConfigSchema = z
  .strictObject({
    gate: z.literal('idle-utilisation'),
    /** Fails at or above this GPU utilisation, percent (Lium GPU_UTILIZATION_LIMIT 5). */
    maxGpuUtilPct: z.number().min(0).max(100).optional(),
    /** Fails above this share of memory in use, percent (Lium GPU_MEMORY_UTILIZATION_LIMIT 5). */
    maxMemoryPct: z.number().min(0).max(100).optional(),
    /** Take both limits from the law table's `idleLimits` (a newer table updates them). */
    fromTable: z.boolean().optional(),
    ...gateCommon,
  })
  .refine((c) => c.fromTable || (c.maxGpuUtilPct !== undefined && c.maxMemoryPct !== undefined), {
    message: 'set maxGpuUtilPct and maxMemoryPct, or fromTable',
  });
export type IdleUtilisationConfig = z.infer<typeof idleUtilisationConfigSchema>;

export const idleUtilisationGate: EligibilityGate<IdleUtilisationConfig> = {
  kind: 'idle-utilisation',
  configSchema: idleUtilisationConfigSchema,
  check(facts, cfg, table) {
    const fromTable = (table?.data as { idleLimits?: { gpuUtilPct: number; memoryPct: number } } | undefined)
      ?.idleLimits;
    const maxUtil = cfg.fromTable ? fromTable?.gpuUtilPct : cfg.maxGpuUtilPct;
    const maxMem = cfg.fromTable ? fromTable?.memoryPct : cfg.maxMemoryPct;
    const base = {
      label: 'GPUs idle before the run',
      required:
        maxUtil === undefined || maxMem === undefined
          ? "the law table's idle limits (it has none)"
          : `utilisation below ${maxUtil} % and at most ${maxMem} % of memory in use on every GPU${cfg.fromTable ? ` (${table!.path}, read ${table!.readAt})` : ''}`,
      source: facts.gpuSource,
      note: 'memory is compared as memory in use / total; the validator reads NVML memory utilisation and fails only GPUs with processes, so this check is the stricter one',
    };
    if (facts.gpus.length === 0) return result('idle-utilisation', cfg, { ...base, measured: null, pass: false });
    if (maxUtil === undefined || maxMem === undefined)
      return result('idle-utilisation', cfg, { ...base, measured: null, pass: null });
    const util = facts.gpus.map((g) => g.utilizationGpuPct);
    const mem = facts.gpus.map((g) =>
      g.memoryUsedMiB === null || !g.memoryTotalMiB ? null : (100 * g.memoryUsedMiB) / g.memoryTotalMiB,
    );
    if (util.includes(null) || mem.includes(null))
      return result('idle-utilisation', cfg, {
        ...base,
        measured: null,
        pass: null,
        note: 'nvidia-smi did not report utilisation or memory in use for every GPU',
      });
    const u = maxOf(util as number[]);
    const m = maxOf(mem as number[]);
    return result('idle-utilisation', cfg, {
      ...base,
      measured: `highest ${u} % utilisation, ${Math.round(m * 10) / 10} % memory in use`,
      pass: u < maxUtil && m <= maxMem,
    });
  },
};
