// planSchema: zod schema of a benchmark plan file (benchmarks/*.yaml): subnets, named scenarios, repeats.
import { z } from 'zod';

/** One scenario: the run options a job gets (closed loop, as `minerbench run` takes them). */
export const scenarioSchema = z
  .strictObject({
    description: z.string().optional(),
    concurrency: z.number().int().min(1).max(4096).optional(),
    queries: z.number().int().min(1).optional(),
    durationS: z.number().positive().optional(),
    warmup: z.number().int().min(0).optional(),
    timeoutS: z.number().positive().optional(),
  })
  .refine((s) => s.queries === undefined || s.durationS === undefined, {
    message: 'set queries or durationS, not both',
  });

export const planSchema = z.strictObject({
  description: z.string().optional(),
  subnets: z.array(z.string().min(1)).min(1),
  scenarios: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'), scenarioSchema),
  repeats: z.number().int().min(1).max(100).optional(),
  /** How many earlier nights make the baseline a night is compared with. */
  baselineNights: z.number().int().min(1).max(90).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Plan = z.infer<typeof planSchema>;
