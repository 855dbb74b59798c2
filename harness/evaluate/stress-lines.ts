// The stress program's output lines (harness/workload/stress/image/stress.py, v1), parsed and checked one by one.
import { z } from 'zod';

export const stressStartSchema = z.object({
  kind: z.literal('start'),
  v: z.literal(1),
  device: z.enum(['cuda', 'cpu']),
  /** null on a GPU; "cpu stand-in (numpy)" / "cpu stand-in (pure Python)" otherwise. */
  standIn: z.string().nullable(),
  devices: z.array(z.string()),
  phases: z.array(z.enum(['fp16', 'fp32'])),
  seconds: z.number(),
  intervalS: z.number(),
  size: z.number().int(),
  tMs: z.number(),
});

export const stressIntervalSchema = z.object({
  kind: z.literal('interval'),
  v: z.literal(1),
  phase: z.enum(['fp16', 'fp32']),
  /** The dtype really used (the CPU stand-ins run fp32 or fp64 in both phases). */
  dtype: z.string(),
  i: z.number().int().min(0),
  tStartMs: z.number(),
  tEndMs: z.number(),
  elapsedS: z.number().positive(),
  iterations: z.number().int().min(0),
  size: z.number().int(),
  devices: z.number().int().min(1),
  flops: z.number().min(0),
  tflops: z.number().min(0),
  standIn: z.string().nullable(),
});

export const stressEndSchema = z.object({
  kind: z.literal('end'),
  v: z.literal(1),
  intervals: z.number().int(),
  stopped: z.boolean(),
  tMs: z.number(),
});

export const stressErrorSchema = z.object({ kind: z.literal('error'), v: z.literal(1), message: z.string() });

const lineSchema = z.discriminatedUnion('kind', [
  stressStartSchema,
  stressIntervalSchema,
  stressEndSchema,
  stressErrorSchema,
]);

export type StressStart = z.infer<typeof stressStartSchema>;
export type StressInterval = z.infer<typeof stressIntervalSchema>;

export interface StressLines {
  start: StressStart | null;
  intervals: StressInterval[];
  ended: boolean;
  errors: string[];
  /** Lines that were not a v1 stress line (log noise, a truncated last line). */
  unparsed: number;
}

export function parseStressLines(lines: readonly string[]): StressLines {
  const out: StressLines = { start: null, intervals: [], ended: false, errors: [], unparsed: 0 };
  for (const raw of lines) {
    const text = raw.trim();
    if (!text) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      out.unparsed++;
      continue;
    }
    const r = lineSchema.safeParse(json);
    if (!r.success) {
      out.unparsed++;
      continue;
    }
    const l = r.data;
    if (l.kind === 'start') out.start = l;
    else if (l.kind === 'interval') out.intervals.push(l);
    else if (l.kind === 'end') out.ended = true;
    else out.errors.push(l.message);
  }
  return out;
}
