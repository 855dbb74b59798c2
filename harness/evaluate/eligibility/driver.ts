// Gate driver: the NVIDIA driver is new enough, or one the validator knows (Lium checks libnvidia-ml against a list).
import { z } from 'zod';
import type { LoadedTable } from '../../config/law-table-file.ts';
import type { EligibilityGate } from './eligibility-gate.ts';
import { gateCommon, result } from './gate-fields.ts';

export const driverConfigSchema = z
  .strictObject({
    gate: z.literal('driver'),
    /** Lowest driver version, e.g. "535" or "550.54.14". */
    minVersion: z
      .string()
      .regex(/^\d+(\.\d+)*$/, 'a version like 535 or 550.54.14')
      .optional(),
    /** The driver must be one of the law table's `knownDrivers` (Lium's LIB_NVIDIA_ML_DIGESTS keys). */
    knownFromTable: z.boolean().optional(),
    ...gateCommon,
  })
  .refine((c) => c.minVersion !== undefined || c.knownFromTable, { message: 'set minVersion or knownFromTable' });
export type DriverConfig = z.infer<typeof driverConfigSchema>;

/** Compares dotted versions numerically: -1, 0 or 1 (missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function knownDrivers(table: LoadedTable<unknown> | null): string[] | null {
  const k = (table?.data as { knownDrivers?: unknown } | undefined)?.knownDrivers;
  return Array.isArray(k) && k.every((v) => typeof v === 'string') ? (k as string[]) : null;
}

export const driverGate: EligibilityGate<DriverConfig> = {
  kind: 'driver',
  configSchema: driverConfigSchema,
  check(facts, cfg, table) {
    const v = facts.driverVersion;
    const known = cfg.knownFromTable ? knownDrivers(table) : null;
    const required = [
      cfg.minVersion ? `${cfg.minVersion} or newer` : null,
      cfg.knownFromTable
        ? known
          ? `one the validator knows (${table!.path}, read ${table!.readAt}: ${known.length} versions, ${known[0]} .. ${[...known].sort(compareVersions).at(-1)})`
          : "one the validator knows (the law's table lists none)"
        : null,
    ]
      .filter(Boolean)
      .join(' and ');
    const base = { label: 'NVIDIA driver version', required, measured: v, source: facts.gpuSource };
    if (v === null) return result('driver', cfg, { ...base, pass: null, note: 'nvidia-smi gave no driver version' });
    if (cfg.knownFromTable && !known) return result('driver', cfg, { ...base, pass: null });
    const newEnough = cfg.minVersion === undefined || compareVersions(v, cfg.minVersion) >= 0;
    const isKnown = known === null || known.includes(v);
    return result('driver', cfg, {
      ...base,
      pass: newEnough && isKnown,
      ...(!isKnown
        ? {
            note: `driver ${v} is not in the list read ${table!.readAt}; the list grows with every release, so a newer table may include it`,
          }
        : {}),
    });
  },
};
