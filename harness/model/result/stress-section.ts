// The stress section of a result: what the stress workload measured (sustained fp16/fp32 TFLOPS, power, joules per
// TFLOP, clocks and throttle reasons per interval) and its stability verdict; `ran` says whether a GPU or the CPU
// stand-in did the work (a stand-in's figures are not a GPU's and never reach a law).
import { z } from 'zod';

const window = z.strictObject({ startMs: z.number(), endMs: z.number() });

export const stressPhaseSchema = z.strictObject({
  phase: z.enum(['fp16', 'fp32']),
  /** The dtype really used (the CPU stand-ins run fp32 or fp64 in both phases). */
  dtype: z.string(),
  intervals: z.number().int().min(0),
  steadyIntervals: z.number().int().min(0),
  /** Median TFLOPS of the steady intervals, all devices together. */
  sustainedTflops: z.number().nullable(),
  perDeviceTflops: z.number().nullable(),
  minTflops: z.number().nullable(),
  maxTflops: z.number().nullable(),
  cv: z.number().nullable(),
  drift: z.number().nullable(),
  windowMs: window.nullable(),
  meanW: z.number().nullable(),
  peakW: z.number().nullable(),
  joulesPerTflop: z.number().nullable(),
});

export const stressIntervalClocksSchema = z.strictObject({
  phase: z.string(),
  i: z.number().int(),
  tflops: z.number(),
  meanSmClockMHz: z.number().nullable(),
  meanW: z.number().nullable(),
  maxTemperatureC: z.number().nullable(),
  reasons: z.record(z.string(), z.number()),
});

export const stressSectionSchema = z.strictObject({
  /** 'gpu', or the stand-in as the program named it ('cpu stand-in (numpy)', 'cpu stand-in (pure Python)'). */
  ran: z.string(),
  standIn: z.boolean(),
  devices: z.array(z.string()),
  size: z.number().int().nullable(),
  phases: z.array(stressPhaseSchema),
  intervals: z.array(stressIntervalClocksSchema),
  /** Share of the steady GPU samples with each clock event reason active. */
  throttle: z.record(z.string(), z.number()),
  stability: z.strictObject({
    verdict: z.enum(['stable', 'unstable', 'unknown']),
    rule: z.string(),
    reasons: z.array(z.string()),
  }),
  errors: z.array(z.string()),
  unparsedLines: z.number().int().min(0),
});

export type StressSection = z.infer<typeof stressSectionSchema>;
