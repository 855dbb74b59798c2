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
  /** Per synapse, when the queries use more than one (a pool of a rank-shares law is a set of synapses). */
  bySynapse: z
    .array(
      z.strictObject({
        synapse: z.string(),
        scored: z.number().int().min(0),
        mean: z.number().nullable(),
        zero: z.number().int().min(0),
      }),
    )
    .optional(),
  /**
   * What the profile's `inspect` found, by outcome ('ok', or what was wrong: a clip that 404s, an upload that never
   * arrived, not a video, a URL outside the sink, a duplicate): each counted and named; the score gives such an answer
   * what the validator gives it (0).
   */
  outcomes: z
    .array(
      z.strictObject({
        outcome: z.string(),
        count: z.number().int().min(0),
        first: z.array(z.strictObject({ i: z.number().int(), line: z.number().int(), reason: z.string() })),
      }),
    )
    .optional(),
  /** The quality measure behind the scores (as `inspect` named it) and whether it stands in for the validator's. */
  metrics: z
    .array(
      z.strictObject({
        name: z.string(),
        title: z.string(),
        /** true: not the validator's measure (e.g. SSIM/PSNR where the validator uses VMAF). */
        proxy: z.boolean(),
        note: z.string(),
        answers: z.number().int().min(0),
      }),
    )
    .optional(),
});

export type ScorerError = z.infer<typeof scorerErrorSchema>;
export type QualityOutcome = NonNullable<QualitySummary['outcomes']>[number];
export type QualityMetric = NonNullable<QualitySummary['metrics']>[number];
export type QualitySummary = z.infer<typeof qualitySummarySchema>;
