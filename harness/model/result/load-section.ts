// The load section of a result: how queries were driven and what came back (counts, rates, send lag, the loop's delay).
import { z } from 'zod';

export const arrivalInfoSchema = z.strictObject({
  kind: z.string(),
  open: z.boolean(),
  concurrency: z.number().int().optional(),
  ratePerS: z.number().optional(),
  timeScale: z.number().optional(),
  seed: z.number().optional(),
  maxInFlight: z.number().int().optional(),
  whenFull: z.enum(['drop', 'queue']).optional(),
});

export const eventLoopDelaySchema = z.strictObject({
  p50Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number(),
  meanMs: z.number(),
});

export const sendLagSchema = z.strictObject({
  p50Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
  /** Queries that went out more than lateMs after their intended start. */
  late: z.number().int().min(0),
  lateMs: z.number(),
});

export const sweepStepResultSchema = z.strictObject({
  step: z.number().int(),
  ratePerS: z.number(),
  sent: z.number().int(),
  ok: z.number().int(),
  successRate: z.number(),
  achievedQps: z.number(),
  /** Latency from the intended start, ms (null when nothing succeeded). */
  p50Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  sendLagP99Ms: z.number().nullable(),
  pass: z.boolean(),
  reason: z.string().optional(),
});

export const sweepOutcomeSchema = z.strictObject({
  steps: z.array(sweepStepResultSchema),
  /** The highest rate that passed (null: no feasible step). */
  kneeRatePerS: z.number().nullable(),
  timeoutMs: z.number(),
  minSuccess: z.number(),
});

export const loadSummarySchema = z.strictObject({
  /** Arrival model kind (closed, constant, poisson, trace, sweep). */
  model: z.string(),
  concurrency: z.number().int(),
  /** Every query sent, warm-up included. */
  sent: z.number().int().min(0),
  warmup: z.number().int().min(0),
  measured: z.number().int().min(0),
  ok: z.number().int().min(0),
  error: z.number().int().min(0),
  timeout: z.number().int().min(0),
  dropped: z.number().int().min(0),
  /** Queries in flight when the run was interrupted (not the miner's fault, not counted as errors). */
  interrupted: z.number().int().min(0),
  windowSeconds: z.number().min(0),
  /** Measured queries completed per second over the measurement window. */
  achievedQps: z.number().min(0),
  okQps: z.number().min(0),
  errorRate: z.number().min(0).max(1),
  /** The most common error messages and how often they came. */
  topErrors: z.array(z.strictObject({ error: z.string(), count: z.number().int() })),
  /** How the queries were driven. */
  arrival: arrivalInfoSchema,
  /** What the schedule asked for: the open models' rate (measured queries / window for a trace), null for a closed loop. */
  offeredQps: z.number().nullable(),
  /** Actual send time minus intended start, for queries that went out. */
  sendLag: sendLagSchema,
  /** The harness's own event-loop delay during the run. */
  eventLoop: eventLoopDelaySchema.nullable(),
  /** The longest stretch of the measured window without a single answer, and where it was. */
  longestSilence: z.strictObject({ ms: z.number(), fromMs: z.number(), toMs: z.number() }).nullable(),
  /** Sweep runs: rate -> p50/p99 and success per step, and the knee. */
  sweep: sweepOutcomeSchema.optional(),
});

export type ArrivalInfo = z.infer<typeof arrivalInfoSchema>;
export type EventLoopDelay = z.infer<typeof eventLoopDelaySchema>;
export type SendLag = z.infer<typeof sendLagSchema>;
export type SweepStepResult = z.infer<typeof sweepStepResultSchema>;
export type SweepOutcome = z.infer<typeof sweepOutcomeSchema>;
export type LoadSummary = z.infer<typeof loadSummarySchema>;
