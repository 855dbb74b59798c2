// Gate gpu-model-in-table: every GPU's exact nvidia-smi name is a model the law's table pays for (Lium, Chutes, SN27).
import { z } from 'zod';
import type { LoadedTable } from '../../config/law-table-file.ts';
import { classByName } from '../incentive/identify-gpu-class.ts';
import type { EligibilityGate } from './eligibility-gate.ts';
import { describeGpus, gateCommon, result } from './gate-fields.ts';

export const gpuModelInTableConfigSchema = z.strictObject({
  gate: z.literal('gpu-model-in-table'),
  /** Models with a numeric `rate` of 0 are listed but not paid: fail them too (Lium, SN27). */
  paidOnly: z.boolean().optional(),
  ...gateCommon,
});
export type GpuModelInTableConfig = z.infer<typeof gpuModelInTableConfigSchema>;

type Entry = { match?: unknown; rate?: unknown };

/** The table's GPU entries (a `gpus` record keyed by exact name, or by kind with a `match` pattern), or null. */
function tableGpus(table: LoadedTable<unknown> | null): Record<string, Entry> | null {
  const data = table?.data as { gpus?: unknown } | undefined;
  const g = data?.gpus;
  return g !== null && typeof g === 'object' && !Array.isArray(g) ? (g as Record<string, Entry>) : null;
}

export const gpuModelInTableGate: EligibilityGate<GpuModelInTableConfig> = {
  kind: 'gpu-model-in-table',
  configSchema: gpuModelInTableConfigSchema,
  check(facts, cfg, table) {
    const gpus = tableGpus(table);
    const base = {
      label: "GPU model is in the subnet's table",
      source: facts.gpuSource,
      measured: describeGpus(facts),
    };
    if (!gpus || !table)
      return result('gpu-model-in-table', cfg, {
        ...base,
        required: 'a model the table lists',
        pass: null,
        note: "the law's table lists no GPU models",
      });
    const listed = Object.entries(gpus).filter(([, e]) => !cfg.paidOnly || typeof e.rate !== 'number' || e.rate > 0);
    const required = `one of (${table.path}, read ${table.readAt}): ${listed.map(([k, e]) => (typeof e.match === 'string' ? `${k} (/${e.match}/)` : k)).join(', ')}`;
    if (facts.gpus.length === 0)
      return result('gpu-model-in-table', cfg, { ...base, required, pass: false, note: facts.gpuSource });
    const paid = new Set(listed.map(([k]) => k));
    const missing = facts.gpus.filter((g) => {
      const key = classByName(g.name, gpus);
      return key === null || !paid.has(key);
    });
    const unpaid = missing.filter((g) => classByName(g.name, gpus) !== null);
    return result('gpu-model-in-table', cfg, {
      ...base,
      required,
      pass: missing.length === 0,
      ...(unpaid.length ? { note: `${unpaid[0]!.name} is in the table with rate 0: listed, not paid` } : {}),
    });
  },
};
