// WindowRun: artifacts/windows.json, what a window workload's COLLECT saw: the block clock, the windows measured (run
// clock ms) and whether each ran to its end, and which services held the world and the uploads.
import { z } from 'zod';

export const WINDOW_RUN_KIND = 'minerbench.windows';

const span = z.strictObject({ window: z.number().int(), startMs: z.number(), endMs: z.number() });

export const windowRunSchema = z.strictObject({
  kind: z.literal(WINDOW_RUN_KIND),
  version: z.literal(1),
  /** The services (by name) of the world and of the sink whose uploads are counted. */
  world: z.string(),
  sink: z.string(),
  clock: z.strictObject({
    blockSeconds: z.number(),
    speed: z.number(),
    startBlock: z.number().int(),
    startMs: z.number(),
    seed: z.string(),
  }),
  windowBlocks: z.number().int().positive(),
  /** Blocks after a window's end within which its upload counts. */
  graceBlocks: z.number().int().min(0),
  /** When the miner was up (run clock ms) and the block then. */
  minerUpMs: z.number(),
  minerUpBlock: z.number().int(),
  /** The window in progress when the miner came up: seen in part only. */
  warmup: span,
  /** The full windows asked for (--windows), in order; `complete` false for one the run stopped in or before. */
  measured: z.array(span.extend({ complete: z.boolean() })),
  /** Until when the run waited for late uploads (run clock ms). */
  waitedUntilMs: z.number(),
  stoppedEarly: z.string().nullable(),
});

export type WindowRun = z.infer<typeof windowRunSchema>;
