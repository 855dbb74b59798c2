// Eligibility: the subnet's gates (hardware, confidential compute, NVENC, ...) measured on this machine, before any speed.
import { z } from 'zod';

export const gateResultSchema = z.strictObject({
  /** The gate kind, e.g. 'gpu-model-in-table', 'min-gpus', 'min-vram', 'idle-utilisation', 'confidential-compute'. */
  gate: z.string(),
  /** One line a user understands: "GPU model is in Lium's rate table". */
  label: z.string(),
  /** What the subnet requires, in words ("one of: NVIDIA H200, NVIDIA H100 80GB HBM3, ..."). */
  required: z.string(),
  /** What this machine has ("NVIDIA H100 80GB HBM3 x8"); null when it could not be measured. */
  measured: z.string().nullable(),
  /** null: could not be decided here (say why in `note`). */
  pass: z.boolean().nullable(),
  /** Where the measurement came from: "nvidia-smi -q -x", "/proc/cpuinfo flags", "ffmpeg -encoders"... */
  source: z.string(),
  /** A failing blocking gate makes the machine not eligible; a non-blocking one is a warning. */
  blocking: z.boolean(),
  note: z.string().optional(),
});

export const eligibilitySchema = z.strictObject({
  /** false when a blocking gate fails; null when a blocking gate is undecided and none fails; true otherwise. */
  eligible: z.boolean().nullable(),
  gates: z.array(gateResultSchema),
  /** The failing (or undecided) gates in words, the first thing a user reads. */
  reasons: z.array(z.string()),
});

export type GateResult = z.infer<typeof gateResultSchema>;
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** Combines gate results into the verdict: any blocking failure -> false; else any blocking undecided -> null. */
export function eligibilityOf(gates: readonly GateResult[]): Eligibility {
  const blocking = gates.filter((g) => g.blocking);
  const failed = blocking.filter((g) => g.pass === false);
  const undecided = blocking.filter((g) => g.pass === null);
  const reasons = [
    ...failed.map((g) => `${g.label}: no (requires ${g.required}; this machine: ${g.measured ?? 'unknown'})`),
    ...undecided.map((g) => `${g.label}: unknown${g.note ? ` (${g.note})` : ''}`),
  ];
  return { eligible: failed.length ? false : undecided.length ? null : true, gates: [...gates], reasons };
}
