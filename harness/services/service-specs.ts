// Service blocks: what a workload's profile asks the run to start beside the miner (a clip server, an S3 sink, a window
// world), validated here, and the resolved specs COLLECT starts (clips scaled by --clip-divisor, a world with its clock).
import { z } from 'zod';
import type { BlockClockConfig } from './block-clock.ts';
import type { ClipSpec } from './generate-clips.ts';
import type { SinkEnvNames } from './sink-environment.ts';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _)');
const even = (what: string) =>
  z
    .number()
    .int()
    .min(2)
    .max(16384)
    .refine((x) => x % 2 === 0, `an even number of pixels (${what}: yuv420p)`);

export const clipSpecSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, 'a file name (letters, digits, . _ -)'),
  width: even('width'),
  height: even('height'),
  seconds: z.number().positive().max(600),
  fps: z.number().int().min(1).max(240),
  scale: z.number().int().min(1).max(8).optional(),
});

export const clipServerBlockSchema = z.strictObject({
  kind: z.literal('clip-server'),
  /** The clips the queries name, at the validator's sizes: made with ffmpeg testsrc2 at run time, never downloaded. */
  clips: z.array(clipSpecSchema).min(1),
});

export const s3SinkBlockSchema = z.strictObject({
  kind: z.literal('s3-sink'),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 of a-z 0-9 . -)'),
  /** The variable names the miner reads its storage from (its own code's names). */
  env: z.strictObject({
    endpoint: envName,
    bucket: envName,
    accessKeyId: envName,
    secretAccessKey: envName,
    region: envName.optional(),
  }),
});

export const windowWorldBlockSchema = z.strictObject({
  kind: z.literal('window-world'),
  /** The variable the miner reads the world's URL from (GET /block, /beacon/latest, /beacon/<round>). */
  env: z.strictObject({ url: envName }),
});

export const serviceBlockSchema = z.discriminatedUnion('kind', [
  clipServerBlockSchema,
  s3SinkBlockSchema,
  windowWorldBlockSchema,
]);

/** `workload.services` of a profile: services by the name `inspect` and the workload find them under. */
export const servicesBlockSchema = z.record(
  z.string().regex(/^[a-z][A-Za-z0-9-]{0,40}$/, 'a service name (a lowercase letter, then letters, digits, -)'),
  serviceBlockSchema,
);

export type ServiceBlock = z.infer<typeof serviceBlockSchema>;
export type ServicesBlock = z.infer<typeof servicesBlockSchema>;

/** A service as COLLECT starts it. */
export type ServiceSpec =
  | { kind: 'clip-server'; clips: ClipSpec[] }
  | { kind: 's3-sink'; bucket: string; env: SinkEnvNames }
  | {
      kind: 'window-world';
      env: { url: string };
      clock: Omit<BlockClockConfig, 'startMs'>;
      windowBlocks: number;
      beaconPeriodS: number;
    };

const evenOf = (x: number) => Math.max(2, 2 * Math.round(x / 2));

/** Clips `divisor` times smaller on each side (even sizes), `seconds` long when given (pure). */
export function scaleClips(clips: readonly ClipSpec[], divisor: number, seconds: number | null): ClipSpec[] {
  return clips.map((c) => ({
    ...c,
    width: evenOf(c.width / divisor),
    height: evenOf(c.height / divisor),
    ...(seconds === null ? {} : { seconds }),
  }));
}
