// Fields every gate entry may carry (blocking, a note) and small helpers the gates share to describe a machine.
import { z } from 'zod';
import type { MachineFacts } from '../../model/machine-facts.ts';
import type { GateResult } from '../../model/result/eligibility-section.ts';

export const gateCommon = {
  /** A failing blocking gate makes the machine not eligible; a non-blocking one is shown as a warning (default true). */
  blocking: z.boolean().optional(),
  /** Said with the result (why the subnet has this gate, where it is in its source). */
  note: z.string().min(1).optional(),
  /** The gate binds only a machine priced in this pool of the subnet's law (Vidaio: NVENC for compression). */
  pool: z.string().min(1).optional(),
};

/** "NVIDIA H100 80GB HBM3 x8" (or every model with its count). */
export function describeGpus(facts: MachineFacts): string | null {
  if (facts.gpus.length === 0) return null;
  const byName = new Map<string, number>();
  for (const g of facts.gpus) byName.set(g.name ?? 'unknown GPU', (byName.get(g.name ?? 'unknown GPU') ?? 0) + 1);
  return [...byName].map(([n, c]) => `${n} x${c}`).join(', ');
}

/** A result with the entry's blocking flag and note applied. */
export function result(
  gate: string,
  cfg: { blocking?: boolean | undefined; note?: string | undefined },
  r: Omit<GateResult, 'gate' | 'blocking'>,
): GateResult {
  const note = [r.note, cfg.note].filter(Boolean).join('; ');
  return { gate, blocking: cfg.blocking ?? true, ...r, ...(note ? { note } : {}) };
}
