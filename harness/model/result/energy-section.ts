// The energy section of a result: GPU energy of the measured window, per query, above idle, with its uncertainty.
import { z } from 'zod';

export const timeWindowSchema = z.strictObject({ startMs: z.number(), endMs: z.number() });

export const powerIntegralSchema = z.strictObject({
  windowS: z.number(),
  /** Seconds of the window lying between two bridged samples. */
  coveredS: z.number(),
  /** windowS - coveredS: before the first sample, after the last, inside gaps. */
  uncoveredS: z.number(),
  /** Joules over the covered seconds only. */
  measuredJ: z.number(),
  meanW: z.number().nullable(),
  minW: z.number().nullable(),
  maxW: z.number().nullable(),
  firstW: z.number().nullable(),
  lastW: z.number().nullable(),
  /** sum of |dP| * dt / 2 over bridged intervals. */
  stepDifferenceJ: z.number(),
  samples: z.number().int(),
  gapsFound: z.number().int(),
});

export const energyUncertaintySchema = z.strictObject({
  joules: z.number(),
  sensorJ: z.number(),
  samplingJ: z.number(),
  lagJ: z.number(),
  uncoveredJ: z.number(),
});

export const energyFlagSchema = z.strictObject({
  kind: z.enum([
    'power-capped',
    'clocks-throttled',
    'clock-reasons-unknown',
    'temperature-limited',
    'other-processes',
    'gaps',
    'no-power-data',
  ]),
  uuid: z.string(),
  message: z.string(),
  count: z.number().int().optional(),
  share: z.number().optional(),
});

export const readingKindSchema = z.enum(['instant', '1s-average', 'unknown']);

export const gpuEnergySchema = z.strictObject({
  uuid: z.string(),
  reading: readingKindSchema,
  load: powerIntegralSchema,
  idle: powerIntegralSchema.nullable(),
  energyJ: z.number().nullable(),
  aboveIdleJ: z.number().nullable(),
  meanW: z.number().nullable(),
  idleW: z.number().nullable(),
  uncertainty: energyUncertaintySchema.nullable(),
  aboveIdleUncertaintyJ: z.number().nullable(),
  flags: z.array(energyFlagSchema),
});

const perQuerySchema = z.strictObject({ energyJ: z.number().nullable(), aboveIdleJ: z.number().nullable() }).nullable();

export const energyReportSchema = z.strictObject({
  /** The measured (load) window, seconds. */
  windowS: z.number(),
  gpus: z.array(gpuEnergySchema),
  /** Sums over GPUs; null when any GPU has no power data (a partial sum would look like a real figure). */
  energyJ: z.number().nullable(),
  aboveIdleJ: z.number().nullable(),
  meanW: z.number().nullable(),
  idleW: z.number().nullable(),
  uncertaintyJ: z.number().nullable(),
  aboveIdleUncertaintyJ: z.number().nullable(),
  coveredS: z.number(),
  uncoveredS: z.number(),
  coverage: z.number(),
  perQuery: perQuerySchema,
  perSuccessfulQuery: perQuerySchema,
  qualityPerJoule: z.number().nullable(),
  qualityPerJouleAboveIdle: z.number().nullable(),
  flags: z.array(energyFlagSchema),
  /** The headline with its uncertainty, e.g. '12345.6 J ± 234.5 J (1.9%)'. */
  statement: z.string(),
});

export const samplerInfoSchema = z.strictObject({
  fields: z.array(z.string()),
  powerField: z.string().nullable(),
  periodMs: z.number(),
  restarts: z.number().int(),
  gaps: z.array(z.strictObject({ startMs: z.number(), endMs: z.number(), reason: z.string() })),
  errors: z.array(z.strictObject({ atMs: z.number(), code: z.string(), message: z.string() })),
});

export const runPhasesSchema = z.strictObject({
  idle: timeWindowSchema.nullable(),
  warmup: timeWindowSchema,
  measure: timeWindowSchema,
});

export const energySectionSchema = z.discriminatedUnion('measured', [
  z.strictObject({
    measured: z.literal(false),
    /** Why power was not measured, e.g. "no NVIDIA GPU". Never a zero in its place. */
    reason: z.string(),
    sampler: samplerInfoSchema.optional(),
  }),
  z.strictObject({
    measured: z.literal(true),
    ...energyReportSchema.shape,
    sampler: samplerInfoSchema,
    phases: runPhasesSchema,
  }),
]);

export const powerTimelineSchema = z.strictObject({
  /** Seconds are counted from this instant on the trace's clock (ms). */
  originMs: z.number(),
  phases: z.array(z.strictObject({ name: z.string(), startS: z.number(), endS: z.number() })),
  series: z.array(z.strictObject({ uuid: z.string(), points: z.array(z.tuple([z.number(), z.number()])) })),
});

export type TimeWindow = z.infer<typeof timeWindowSchema>;
export type PowerIntegral = z.infer<typeof powerIntegralSchema>;
export type EnergyUncertainty = z.infer<typeof energyUncertaintySchema>;
export type EnergyFlag = z.infer<typeof energyFlagSchema>;
export type ReadingKind = z.infer<typeof readingKindSchema>;
export type GpuEnergy = z.infer<typeof gpuEnergySchema>;
export type EnergyReport = z.infer<typeof energyReportSchema>;
export type SamplerInfo = z.infer<typeof samplerInfoSchema>;
export type RunPhases = z.infer<typeof runPhasesSchema>;
export type EnergySection = z.infer<typeof energySectionSchema>;
export type PowerTimeline = z.infer<typeof powerTimelineSchema>;
