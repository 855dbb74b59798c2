// The validity section of a result: VALID or INVALID with every reason (MLPerf style), and the caching probe.
import { z } from 'zod';

export const cachingProbeResultSchema = z.strictObject({
  /** Latencies (ms) of distinct queries, and of one query sent again and again. */
  freshMs: z.array(z.number()),
  repeatedMs: z.array(z.number()),
});

export const cachingVerdictSchema = z.strictObject({
  freshP50Ms: z.number().nullable(),
  repeatedP50Ms: z.number().nullable(),
  /** fresh / repeated median; > 1 means repeats are faster. */
  speedup: z.number().nullable(),
  /** Flagged when repeats are faster than fresh ones by more than this factor. */
  threshold: z.number(),
  suspicious: z.boolean(),
});

export const validitySchema = z.strictObject({
  verdict: z.enum(['VALID', 'INVALID']),
  reasons: z.array(z.string()),
});

export type CachingProbeResult = z.infer<typeof cachingProbeResultSchema>;
export type CachingVerdict = z.infer<typeof cachingVerdictSchema>;
export type Validity = z.infer<typeof validitySchema>;
