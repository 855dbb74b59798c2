// RunResult: the versioned, self-describing result.json of one run; the one thing reports read. One zod schema, types
// inferred from it, validated on every read (results/read-result.ts).
import { z } from 'zod';
import { earningsSchema } from './earnings-section.ts';
import { eligibilitySchema } from './eligibility-section.ts';
import { energySectionSchema, powerTimelineSchema } from './energy-section.ts';
import { environmentSchema } from './environment-section.ts';
import {
  histogramBinSchema,
  latencyStatsSchema,
  quantileIntervalSchema,
  streamStatsSchema,
  throughputIntervalSchema,
} from './latency-section.ts';
import { loadSummarySchema } from './load-section.ts';
import { qualitySummarySchema } from './quality-section.ts';
import { stressSectionSchema } from './stress-section.ts';
import { cachingVerdictSchema, validitySchema } from './validity-section.ts';
import { windowSectionSchema } from './window-section.ts';

export const SCHEMA_VERSION = 2;

/** A run id is used as a folder name: letters, digits, dot, dash, underscore; not '.' or '..'. */
export const RUN_ID_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;

export const runStatusSchema = z.enum(['completed', 'failed', 'interrupted']);

export const errorValueSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  details: z.array(z.string()).optional(),
});

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date');

/** Option values as resolved (flags > MINERBENCH_* > defaults): scalars only. */
export const optionValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const resolvedConfigSchema = z.strictObject({
  subnet: z.string(),
  /** Every run option, resolved, and where each value came from (so a verdict can be reproduced). */
  options: z.record(z.string(), optionValueSchema),
  origin: z.record(z.string(), z.string()),
  workload: z.string(),
  law: z.string(),
  queriesFile: z.string().nullable(),
  /** sha256 of the queries file, so a re-evaluation can tell it changed. */
  queriesSha256: z.string().nullable(),
  /** The per-query timeout in force and where it came from (--timeout, the queries' own field, the profile). */
  timeoutS: z.number().nullable(),
  timeoutSource: z.string().nullable(),
  /** Queries per second real validators send one miner (the profile's model), for the capacity check. */
  validatorQps: z.number().nullable(),
});

export const chainUsedSchema = z.strictObject({
  origin: z.enum(['file', 'chain', 'default']),
  network: z.string(),
  /** null where the snapshot cannot say (the shipped 2026 capture has no runtime version). */
  specVersion: z.number().int().nullable(),
  block: z.number().int(),
  blockHash: z.string(),
  blockTime: z.string().nullable(),
  description: z.string(),
});

export const runResultSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  minerbench: z.strictObject({ version: z.string().min(1) }),
  runId: z.string().regex(RUN_ID_PATTERN, 'a run id of letters, digits, . _ -'),
  status: runStatusSchema,
  error: errorValueSchema.optional(),
  subnet: z.strictObject({ id: z.string().min(1), netuid: z.number().int(), title: z.string() }),
  /** What the validator made the miner do, and which path was measured (e.g. the axon, or its GPU service directly). */
  workload: z.strictObject({ kind: z.string(), description: z.string(), measuredPath: z.string().nullable() }),
  times: z.strictObject({ startedAt: isoDate, endedAt: isoDate, measureSeconds: z.number().min(0) }),
  config: resolvedConfigSchema,
  environment: environmentSchema,
  /** The subnet's gates measured on this machine; null when the subnet declares none. */
  eligibility: eligibilitySchema.nullable(),
  /** What this machine would net per day here, by the subnet's law; null with the reason in warnings. */
  earnings: earningsSchema.nullable(),
  /** The chain block the earnings were computed at, and where the data came from. */
  chain: chainUsedSchema.nullable(),
  /** Replay workloads: how queries were driven and what came back. */
  load: loadSummarySchema.optional(),
  /** From the actual send to the last byte, measured queries that succeeded. */
  latency: latencyStatsSchema.extend({ histogram: z.array(histogramBinSchema) }).optional(),
  /** Time to the response's first byte. */
  firstByte: latencyStatsSchema.optional(),
  /** From the intended start to the last byte (coordinated omission corrected). */
  latencyFromIntended: latencyStatsSchema.optional(),
  /** 95% intervals: p99 from the intended start and completions per second. */
  confidence: z
    .strictObject({ p99FromIntended: quantileIntervalSchema, throughput: throughputIntervalSchema })
    .optional(),
  /** Streamed answers: time to first token, inter-token latency, tokens/s (null: nothing streamed). */
  streaming: streamStatsSchema.nullable().optional(),
  /** The caching probe (repeated vs fresh queries), when it ran. */
  caching: cachingVerdictSchema.optional(),
  quality: qualitySummarySchema.optional(),
  /** Stress workloads: sustained TFLOPS, power, clocks and the stability verdict (and whether a GPU or the stand-in ran). */
  stress: stressSectionSchema.optional(),
  /** Window workloads: accepted units per window, energy per window, the spread and the reference figure. */
  window: windowSectionSchema.optional(),
  energy: energySectionSchema,
  /** GPU power over the run with its phases marked, for the report's chart. */
  powerTimeline: powerTimelineSchema.optional(),
  validity: validitySchema,
  warnings: z.array(z.string()),
  /** Paths relative to the run folder. */
  artifacts: z.record(z.string(), z.string()),
});

export type RunStatus = z.infer<typeof runStatusSchema>;
export type ResolvedRunConfig = z.infer<typeof resolvedConfigSchema>;
export type ChainUsed = z.infer<typeof chainUsedSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
