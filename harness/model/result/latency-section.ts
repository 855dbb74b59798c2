// Latency statistics and the chart histogram of a run: from the actual send, from the intended start, first byte.
import { z } from 'zod';

export const latencyStatsSchema = z.strictObject({
  count: z.number().int().min(0),
  minMs: z.number().nullable(),
  meanMs: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
  stddevMs: z.number().nullable(),
});

export const histogramBinSchema = z.strictObject({
  /** Lower and upper edge, ms. */
  fromMs: z.number(),
  toMs: z.number(),
  count: z.number().int().min(0),
});

export const quantileIntervalSchema = z.strictObject({
  /** e.g. 0.99 for p99. */
  quantile: z.number(),
  /** e.g. 0.95. */
  level: z.number(),
  n: z.number().int().min(0),
  /** 1-based ranks of the bounding order statistics (null: the sample is too small for that side). */
  lowRank: z.number().int().nullable(),
  highRank: z.number().int().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const throughputIntervalSchema = z.strictObject({
  /** Completions per second over the whole window. */
  meanQps: z.number(),
  lowQps: z.number().nullable(),
  highQps: z.number().nullable(),
  batches: z.number().int(),
  level: z.literal(0.95),
});

export const streamStatsSchema = z.strictObject({
  /** Answers that streamed at least one chunk. */
  streamed: z.number().int().min(0),
  /** From the actual send to the first output chunk. */
  ttft: latencyStatsSchema,
  /** Between consecutive output chunks. */
  itl: latencyStatsSchema,
  outputTokens: z.number().min(0),
  /** Per answer: output tokens / seconds from first to last chunk (answers with >= 2 chunks). */
  tokensPerS: z.strictObject({ mean: z.number().nullable(), p50: z.number().nullable() }),
  /** Output tokens of measured answers per second of the measured window (what the miner sustained). */
  outputTokensPerWindowS: z.number().nullable(),
  /** Prompt tokens of measured answers that reported them (usage.prompt_tokens), and per second of the window. */
  promptTokens: z.number().min(0).optional(),
  promptTokensPerWindowS: z.number().nullable().optional(),
  /** Per answer: prompt tokens / seconds from the send to the first chunk (the prefill speed), median. */
  promptTokensPerS: z.strictObject({ p50: z.number().nullable() }).optional(),
});

export type LatencyStats = z.infer<typeof latencyStatsSchema>;
export type HistogramBin = z.infer<typeof histogramBinSchema>;
export type QuantileInterval = z.infer<typeof quantileIntervalSchema>;
export type ThroughputInterval = z.infer<typeof throughputIntervalSchema>;
export type StreamStats = z.infer<typeof streamStatsSchema>;
