// RunContext: artifacts/context.json, everything about a run that evaluation needs besides the streamed records: the
// resolved options, the profile and queries used (with hashes), the environment, the phases and what the load reported.
import { z } from 'zod';
import { machineFactsSchema } from './machine-facts.ts';
import { runPhasesSchema } from './result/energy-section.ts';
import { environmentSchema } from './result/environment-section.ts';
import { arrivalInfoSchema, eventLoopDelaySchema, sweepOutcomeSchema } from './result/load-section.ts';
import { chainUsedSchema, errorValueSchema, optionValueSchema } from './result/run-result.ts';
import { cachingProbeResultSchema } from './result/validity-section.ts';

export const RUN_CONTEXT_KIND = 'minerbench.run-context';
export const RUN_CONTEXT_VERSION = 1;

export const replayMetaSchema = z.strictObject({
  startedMs: z.number(),
  measureStartMs: z.number(),
  endedMs: z.number(),
  stoppedEarly: z.string().nullable(),
  arrival: arrivalInfoSchema,
  eventLoop: eventLoopDelaySchema.nullable(),
  sweep: sweepOutcomeSchema.nullable(),
  /** Records written to records.jsonl (warm-up included). */
  records: z.number().int().min(0),
});

export const pricesSchema = z.strictObject({
  taoPrice: z.strictObject({ value: z.number(), currency: z.string(), at: z.string() }).nullable(),
  kwhPrice: z.strictObject({ value: z.number(), currency: z.string() }).nullable(),
});

export const runContextSchema = z.strictObject({
  kind: z.literal(RUN_CONTEXT_KIND),
  version: z.literal(RUN_CONTEXT_VERSION),
  runId: z.string(),
  minerbenchVersion: z.string(),
  subnet: z.strictObject({ id: z.string(), netuid: z.number().int(), title: z.string() }),
  /** The profile file (as given when the run started) and its sha256, so a re-evaluation can tell it changed. */
  profile: z.strictObject({ file: z.string(), sha256: z.string() }),
  workload: z.strictObject({ kind: z.string(), description: z.string(), measuredPath: z.string().nullable() }),
  law: z.strictObject({
    kind: z.string(),
    /**
     * The law table the run priced with, copied to artifacts/law-table.json: the file as shown in messages (relative to
     * the working folder), why that file (plugin profile, --law-table, --auction...) and its sha256. Absent: none.
     */
    table: z.strictObject({ file: z.string(), origin: z.string(), sha256: z.string() }).nullable().optional(),
  }),
  options: z.record(z.string(), optionValueSchema),
  origin: z.record(z.string(), z.string()),
  queries: z.strictObject({ file: z.string(), sha256: z.string(), count: z.number().int() }).nullable(),
  timeout: z.strictObject({ s: z.number(), source: z.string() }).nullable(),
  validatorQps: z.number().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  environment: environmentSchema,
  machineFacts: machineFactsSchema.nullable(),
  phases: runPhasesSchema.nullable(),
  replay: replayMetaSchema.nullable(),
  caching: cachingProbeResultSchema.nullable(),
  /** The chain snapshot the earnings use: which block, and the file beside this one that holds the subnet's entry. */
  chain: chainUsedSchema.nullable(),
  prices: pricesSchema,
  pue: z.number(),
  tenureDays: z.number(),
  /** Set when collection did not complete (interrupt, crash, build failure). */
  failure: errorValueSchema.nullable(),
  /** Said while collecting (root miner, another run on the machine, a long trace...); they go into the result. */
  warnings: z.array(z.string()),
  /** Reasons collected while running that make the run INVALID whatever the numbers (another minerbench run...). */
  validityNotes: z.array(z.string()),
});

export type ReplayMeta = z.infer<typeof replayMetaSchema>;
export type RunContext = z.infer<typeof runContextSchema>;
