// The stress workload's profile block ({ kind: 'stress', ... }) and the arguments it gives the stress image
// (harness/workload/stress/image: stress.py); the run pipeline validates the block with this schema.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The image's build context shipped with minerbench. */
export const STRESS_IMAGE_CONTEXT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../workload/stress/image',
);

export const stressWorkloadSchema = z.strictObject({
  kind: z.literal('stress'),
  /** Total load time, split evenly over the phases (default 120 s). */
  seconds: z.number().positive().max(86_400).optional(),
  /** Seconds per printed interval (default 5; the first interval of each phase is warm-up). */
  intervalS: z.number().positive().optional(),
  phases: z
    .array(z.enum(['fp16', 'fp32']))
    .min(1)
    .optional(),
  /** Matrix size N (default: 8192 on a GPU). */
  size: z.number().int().min(16).optional(),
  /** A prebuilt image instead of building harness/workload/stress/image (e.g. one with torch baked in). */
  image: z.string().min(1).optional(),
});
export type StressWorkload = z.infer<typeof stressWorkloadSchema>;

export const STRESS_DEFAULTS = { seconds: 120, intervalS: 5, phases: ['fp16', 'fp32'] as const };

/** The image's command line for a block; `device` 'cpu' forces the stand-in (tests, --offline without a GPU). */
export function stressArgs(w: StressWorkload, device: 'auto' | 'cuda' | 'cpu' = 'auto'): string[] {
  const args = [
    '--seconds',
    String(w.seconds ?? STRESS_DEFAULTS.seconds),
    '--interval',
    String(w.intervalS ?? STRESS_DEFAULTS.intervalS),
    '--phases',
    (w.phases ?? STRESS_DEFAULTS.phases).join(','),
    '--device',
    device,
  ];
  if (w.size !== undefined) args.push('--size', String(w.size));
  return args;
}
