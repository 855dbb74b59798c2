// The window workload's profile block ({ kind: 'window', ... }): the subnet's window (blocks, block time), how the
// miner's world runs (beacon period, default clock speed), how an uploaded file is counted, and the published reference.
import { z } from 'zod';
import type { ParsedWindowFile } from '../evaluate/window-units.ts';
import { servicesBlockSchema } from '../services/service-specs.ts';

export const windowWorkloadSchema = z.strictObject({
  kind: z.literal('window'),
  /** Blocks per window (grail WINDOW_LENGTH 30). */
  windowBlocks: z.number().int().min(1).max(100_000),
  /** Seconds per block on chain (Bittensor 12). */
  blockSeconds: z.number().positive().max(3600),
  /** The beacon's period in chain seconds (drand quicknet 3). */
  beaconPeriodS: z.number().positive().max(3600),
  /** The clock's speed when --block-speed is not given (default 1: the chain's own pace). */
  speed: z.number().positive().max(10_000).optional(),
  /** What one counted unit is, for the report ('rollout'). */
  unit: z.string().min(1).max(40),
  /** Reads one uploaded file: its window and a content hash per unit, or why it is not a window file (pure). */
  units: z.custom<(key: string, text: string) => ParsedWindowFile>(
    (v) => typeof v === 'function',
    'a function (key, text) => { ok: true, file: { window, key, unitHashes } } | { ok: false, key, problem }',
  ),
  /** Blocks after a window ends within which its upload still counts (default: one window). */
  graceBlocks: z.number().int().min(0).max(100_000).optional(),
  /** The world (block clock and beacon) and the sink the miner uploads to: exactly one of each. */
  services: servicesBlockSchema
    .refine((x) => Object.values(x).filter((s) => s.kind === 'window-world').length === 1, {
      message: "exactly one { kind: 'window-world' } (the miner's block clock and beacon)",
    })
    .refine((x) => Object.values(x).filter((s) => s.kind === 's3-sink').length === 1, {
      message: "exactly one { kind: 's3-sink' } (where the miner uploads its window files)",
    }),
  /** The subnet's published figure, shown beside the machine's own. */
  reference: z
    .strictObject({
      unitsPerWindow: z.number().positive(),
      machine: z.string().min(1),
      model: z.string().min(1).optional(),
      source: z.string().min(1).optional(),
    })
    .optional(),
});

export type WindowWorkload = z.infer<typeof windowWorkloadSchema>;
