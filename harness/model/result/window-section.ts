// The window section of a result (window workloads, e.g. grail): accepted units per window counted from the uploads,
// GPU energy per window, the spread, what was dropped and why, and the subnet's published reference figure.
import { z } from 'zod';

export const windowRowSchema = z.strictObject({
  /** The window's first block. */
  window: z.number().int(),
  /** Seconds since the run started (the run clock). */
  startS: z.number(),
  endS: z.number(),
  files: z.number().int().min(0),
  /** Units in the window's files, duplicates included. */
  units: z.number().int().min(0),
  /** Distinct units: what the validator counts. */
  unique: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  /** GPU energy over the window, all assigned GPUs; null without power. */
  joules: z.number().nullable(),
  meanW: z.number().nullable(),
  unitsPerJoule: z.number().nullable(),
});

export const windowSectionSchema = z.strictObject({
  /** What one unit is ('rollout'). */
  unit: z.string(),
  windowBlocks: z.number().int().positive(),
  blockSeconds: z.number().positive(),
  /** How many times faster than the chain the block clock ran (1 = real time). */
  speed: z.number().positive(),
  /** One window on the chain (windowBlocks x blockSeconds) and on the run's clock (divided by speed), seconds. */
  chainWindowSeconds: z.number().positive(),
  runWindowSeconds: z.number().positive(),
  /** The full windows measured; each counts, with 0 when nothing was uploaded for it. */
  measured: z.array(windowRowSchema),
  /** Windows the run saw only part of (the one in progress when the miner started, one cut by a stop): not averaged. */
  partial: z.array(windowRowSchema.extend({ why: z.string() })),
  /** Measured windows with no upload at all. */
  empty: z.array(z.number().int()),
  /** Uploaded files that name no window of the run (too early, too late, or a wrong number). */
  outside: z.array(z.strictObject({ key: z.string(), window: z.number().int() })),
  /** Uploaded files the plugin could not read as window files (not its format): counted, never a crash. */
  unreadable: z.array(z.strictObject({ key: z.string(), problem: z.string() })),
  /** Duplicate units dropped over the measured windows. */
  duplicates: z.number().int().min(0),
  summary: z.strictObject({
    windows: z.number().int().min(0),
    unitsPerWindowMean: z.number(),
    minUnits: z.number(),
    maxUnits: z.number(),
    /** Standard deviation / mean of unique units per window. */
    spread: z.number(),
    unitsPerJoule: z.number().nullable(),
  }),
  /** The subnet's published figure, shown beside this machine's. */
  reference: z
    .strictObject({
      unitsPerWindow: z.number().positive(),
      machine: z.string(),
      model: z.string().optional(),
      source: z.string().optional(),
    })
    .nullable(),
});

export type WindowRow = z.infer<typeof windowRowSchema>;
export type WindowSection = z.infer<typeof windowSectionSchema>;
