// resolveRunOptions: a run's options, layered defaults < MINERBENCH_* environment < flags, validated all at once.
import { z } from 'zod';
import { MinerbenchError } from '../errors.ts';

export const runOptionsSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(4096),
  queries: z.number().int().min(1).nullable(),
  durationS: z.number().positive().nullable(),
  warmup: z.number().int().min(0),
  out: z.string().min(1),
  baseImage: z.string().min(1).nullable(),
  gpus: z.string().min(1).nullable(),
  timeoutS: z.number().positive().nullable(),
  runtime: z.string().min(1),
  endpoint: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'HOST:PORT')
    .nullable(),
  minerHotkey: z.string().min(40).max(60).nullable(),
  idleS: z.number().min(0).max(600),
  samplePeriodMs: z.number().int().min(20).max(10_000),
  arrival: z.string().min(1),
  ratePerS: z.number().positive().nullable(),
  timeScale: z.number().positive(),
  seed: z.number().int(),
  maxInFlight: z.number().int().min(1).max(100_000),
  whenFull: z.enum(['drop', 'queue']),
  sweepStart: z.number().positive(),
  sweepFactor: z.number().gt(1),
  sweepMax: z.number().positive(),
  sweepStepS: z.number().positive(),
  minDurationS: z.number().min(0),
  minQueries: z.number().int().min(0),
  cachingProbe: z.number().int().min(0).max(10_000),
});

export type RunOptions = z.infer<typeof runOptionsSchema>;

export const RUN_DEFAULTS: RunOptions = {
  concurrency: 8,
  queries: null,
  durationS: null,
  warmup: 20,
  out: '.minerbench',
  baseImage: null,
  gpus: null,
  timeoutS: null,
  runtime: 'docker',
  endpoint: null,
  minerHotkey: null,
  idleS: 5,
  samplePeriodMs: 100,
  arrival: 'closed',
  ratePerS: null,
  timeScale: 1,
  seed: 1,
  maxInFlight: 1000,
  whenFull: 'drop',
  sweepStart: 1,
  sweepFactor: 2,
  sweepMax: 10_000,
  sweepStepS: 10,
  minDurationS: 0,
  minQueries: 100,
  cachingProbe: 0,
};

const ENV: Record<string, { key: keyof RunOptions; number: boolean }> = {
  MINERBENCH_CONCURRENCY: { key: 'concurrency', number: true },
  MINERBENCH_QUERIES: { key: 'queries', number: true },
  MINERBENCH_DURATION: { key: 'durationS', number: true },
  MINERBENCH_WARMUP: { key: 'warmup', number: true },
  MINERBENCH_OUT: { key: 'out', number: false },
  MINERBENCH_BASE_IMAGE: { key: 'baseImage', number: false },
  MINERBENCH_GPUS: { key: 'gpus', number: false },
  MINERBENCH_RUNTIME: { key: 'runtime', number: false },
  MINERBENCH_IDLE_SECONDS: { key: 'idleS', number: true },
  MINERBENCH_SAMPLE_MS: { key: 'samplePeriodMs', number: true },
  MINERBENCH_ARRIVAL: { key: 'arrival', number: false },
  MINERBENCH_RATE: { key: 'ratePerS', number: true },
  MINERBENCH_MIN_DURATION: { key: 'minDurationS', number: true },
  MINERBENCH_MIN_QUERIES: { key: 'minQueries', number: true },
};

const FLAG: Record<keyof RunOptions, string> = {
  concurrency: '--concurrency',
  queries: '--queries',
  durationS: '--duration',
  warmup: '--warmup',
  out: '--out',
  baseImage: '--base-image',
  gpus: '--gpus',
  timeoutS: '--timeout',
  runtime: '--runtime',
  endpoint: '--endpoint',
  minerHotkey: '--miner-hotkey',
  idleS: '--idle-seconds',
  samplePeriodMs: '--sample-ms',
  arrival: '--arrival',
  ratePerS: '--rate',
  timeScale: '--time-scale',
  seed: '--seed',
  maxInFlight: '--max-in-flight',
  whenFull: '--when-full',
  sweepStart: '--sweep-start',
  sweepFactor: '--sweep-factor',
  sweepMax: '--sweep-max',
  sweepStepS: '--sweep-step',
  minDurationS: '--min-duration',
  minQueries: '--min-queries',
  cachingProbe: '--caching-probe',
};

/** Merges the layers; every bad value is reported in one error naming the flag or variable it came from. */
export function resolveRunOptions(flags: Partial<RunOptions>, env: NodeJS.ProcessEnv): RunOptions {
  const merged: Record<string, unknown> = { ...RUN_DEFAULTS };
  const origin: Record<string, string> = {};
  for (const [name, { key, number }] of Object.entries(ENV)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    merged[key] = number ? Number(v) : v;
    origin[key] = `environment ${name}=${v}`;
  }
  for (const [k, v] of Object.entries(flags)) {
    if (v === undefined) continue;
    merged[k] = v;
    origin[k] = `flag ${FLAG[k as keyof RunOptions] ?? k}`;
  }
  const problems: string[] = [];
  if (merged.queries !== null && merged.durationS !== null && origin.queries && origin.durationS) {
    problems.push('--queries and --duration both given: choose one (a count, or a time)');
  }
  if (merged.runtime === 'external' && (!merged.endpoint || !merged.minerHotkey)) {
    problems.push(
      '--runtime external needs --endpoint HOST:PORT and --miner-hotkey SS58 (the hotkey that miner verifies signatures with)',
    );
  }
  if (merged.runtime !== 'external' && (merged.endpoint || merged.minerHotkey)) {
    problems.push('--endpoint and --miner-hotkey only apply to --runtime external');
  }
  const r = runOptionsSchema.safeParse(merged);
  if (!r.success) {
    for (const i of r.error.issues) {
      const key = String(i.path[0]);
      problems.push(
        `${origin[key] ?? FLAG[key as keyof RunOptions] ?? key}: ${i.message} (got ${JSON.stringify(merged[key])})`,
      );
    }
  }
  if (problems.length) {
    throw new MinerbenchError('USAGE', `invalid run options (${problems.length} problem(s))`, {
      details: problems,
      hint: 'minerbench run --help lists every option',
    });
  }
  return r.data!;
}
