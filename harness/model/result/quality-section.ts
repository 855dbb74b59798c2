// The quality section of a result: the validator's own reward over measured answers, and any failure of the scorer.
import { z } from 'zod';

export const scorerErrorSchema = z.strictObject({
  /** Query index in the run and its line in the queries file. */
  i: z.number().int(),
  line: z.number().int(),
  error: z.string(),
});

export const qualitySummarySchema = z.strictObject({
  /** Mean validator reward over measured queries that were scored (failed queries count 0); null when none were. */
  mean: z.number().nullable(),
  scored: z.number().int().min(0),
  perfect: z.number().int().min(0),
  zero: z.number().int().min(0),
  /** Where the score came from: "subnets/template/profile.ts score()", and any proxy it uses (SSIM for VMAF...). */
  scorer: z.string(),
  /** Answers the scorer could not score (it threw, returned NaN or left [0, 1]): never counted as a bad miner. */
  scorerErrors: z.strictObject({ count: z.number().int().min(0), first: z.array(scorerErrorSchema) }),
});

export type ScorerError = z.infer<typeof scorerErrorSchema>;
export type QualitySummary = z.infer<typeof qualitySummarySchema>;
