// RUN_OPTIONS: the options every run has whatever its kinds (how much to measure, where output goes, GPUs, validity
// minimums), each declared once. Kind-specific options live beside their kinds (arrival models, runtimes, laws).
import { z } from 'zod';
import { defineOption } from './option-spec.ts';

/** setTimeout's largest delay is 2^31 - 1 ms; a longer timeout would fire at once. */
export const MAX_TIMER_S = Math.floor((2 ** 31 - 1) / 1000);
/**
 * Warm-up queries when --warmup is not given: this many, or an open loop's first second of queries where that is more.
 * At 1,000 q/s the first few hundred ms run cold (JIT, the signing workers' wasm, new connections) and send late;
 * 20 queries would put that start-up inside the measurement.
 */
export const DEFAULT_WARMUP = 20;

const count = (what: string) =>
  z.number({ error: `must be a number (${what})` }).int(`must be a whole number (${what})`);
const positive = (what: string) =>
  z
    .number({ error: `must be a number (${what})` })
    .finite(`must be finite (${what})`)
    .positive(`must be > 0 (${what})`);

/** The results folder: a run writes runs/<id>/ and the index there; history, import, report and subnets read it. */
export const OUT_OPTION = defineOption({
  key: 'out',
  flag: 'out',
  env: 'MINERBENCH_OUT',
  type: 'string',
  schema: z.string().min(1, 'must be a folder path'),
  default: '.minerbench',
  describe: 'output folder (runs/<id>/ and the index minerbench.db)',
  owner: 'results',
});

export const RUN_OPTIONS = [
  defineOption({
    key: 'queries',
    flag: 'queries',
    env: 'MINERBENCH_QUERIES',
    type: 'number',
    schema: count('measured queries').min(1, 'must be >= 1 (measured queries)').nullable(),
    default: null,
    defaultText: 'every query in the file',
    describe: 'measured queries to send (the file is cycled when it is shorter)',
    owner: 'run',
  }),
  defineOption({
    key: 'durationS',
    flag: 'duration',
    env: 'MINERBENCH_DURATION',
    type: 'number',
    schema: positive('seconds to measure for')
      .max(30 * 86_400, 'must be at most 30 days (seconds)')
      .nullable(),
    default: null,
    describe: 'or: seconds to measure for',
    owner: 'run',
  }),
  defineOption({
    key: 'warmup',
    flag: 'warmup',
    env: 'MINERBENCH_WARMUP',
    type: 'number',
    schema: count('warm-up queries').min(0, 'must be >= 0 (warm-up queries)').nullable(),
    default: null,
    defaultText: `${DEFAULT_WARMUP}, or an open loop's first second of queries where that is more (--rate 1000: 1000)`,
    describe: 'warm-up queries, sent before the measurement and not measured',
    owner: 'run',
  }),
  defineOption({
    key: 'timeoutS',
    flag: 'timeout',
    env: 'MINERBENCH_TIMEOUT',
    type: 'number',
    schema: positive('seconds per query')
      .max(MAX_TIMER_S, `must be at most ${MAX_TIMER_S} s (the longest timer Node can keep)`)
      .nullable(),
    default: null,
    defaultText: "the queries' own timeout, else the profile's validator timeout",
    describe: 'per-query timeout in seconds; when given it wins over the queries file (the result says so)',
    owner: 'run',
  }),
  OUT_OPTION,
  defineOption({
    key: 'gpus',
    flag: 'gpus',
    env: 'MINERBENCH_GPUS',
    type: 'string',
    schema: z.string().min(1, 'must list GPU indexes or UUIDs, e.g. 0,3').nullable(),
    default: null,
    describe: 'GPU indexes or UUIDs to use, e.g. 0,3',
    owner: 'run',
  }),
  defineOption({
    key: 'runtime',
    flag: 'runtime',
    env: 'MINERBENCH_RUNTIME',
    type: 'string',
    schema: z.string().min(1),
    default: 'docker',
    describe: 'where the miner runs: docker, process (a local process, no Docker), external (--endpoint)',
    owner: 'run',
  }),
  defineOption({
    key: 'arrival',
    flag: 'arrival',
    env: 'MINERBENCH_ARRIVAL',
    type: 'string',
    schema: z.string().min(1),
    default: 'closed',
    describe: 'arrival model: how queries are sent (closed, constant, poisson, trace, sweep)',
    owner: 'run',
  }),
  defineOption({
    key: 'idleS',
    flag: 'idle-seconds',
    env: 'MINERBENCH_IDLE_SECONDS',
    type: 'number',
    schema: z.number().finite().min(0, 'must be >= 0 seconds').max(600, 'must be at most 600 seconds'),
    default: 5,
    describe: 'idle GPU power baseline before load, seconds',
    owner: 'gpu',
  }),
  defineOption({
    key: 'samplePeriodMs',
    flag: 'sample-ms',
    env: 'MINERBENCH_SAMPLE_MS',
    type: 'number',
    schema: count('milliseconds').min(20, 'must be >= 20 ms').max(10_000, 'must be at most 10000 ms'),
    default: 100,
    describe: 'GPU power sampling period in ms (nvidia-smi -lms)',
    owner: 'gpu',
  }),
  defineOption({
    key: 'minDurationS',
    flag: 'min-duration',
    env: 'MINERBENCH_MIN_DURATION',
    type: 'number',
    schema: z.number().finite().min(0, 'must be >= 0 seconds'),
    default: 0,
    describe: 'validity: shortest measurement window, seconds (MLPerf: 600; 0 = off)',
    owner: 'validity',
  }),
  defineOption({
    key: 'minQueries',
    flag: 'min-queries',
    env: 'MINERBENCH_MIN_QUERIES',
    type: 'number',
    schema: count('queries').min(0, 'must be >= 0'),
    default: 100,
    describe: 'validity: fewest measured queries',
    owner: 'validity',
  }),
  defineOption({
    key: 'cachingProbe',
    flag: 'caching-probe',
    type: 'number',
    schema: count('queries').min(0, 'must be >= 0').max(10_000, 'must be at most 10000'),
    default: 0,
    describe: 'after the run, N fresh vs N repeated queries; flags a caching miner (0 = off)',
    owner: 'validity',
  }),
] as const;
