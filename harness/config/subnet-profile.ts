// SubnetProfile: the plugin contract of one subnet (subnets/<id>/profile.ts): one zod schema, types inferred from it,
// and defineSubnet to declare it. The workload, law and eligibility blocks are validated by their own kinds (k6-style).
import { z } from 'zod';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestRecord } from '../model/request-record.ts';

/** Python type of a synapse field, so the dendrite can emit bt_header_input_obj_* and the body in pydantic order. */
export const synapseFieldTypeSchema = z.enum(['int', 'float', 'str', 'bool', 'list', 'dict']);

export const synapseFieldSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python identifier'),
  type: synapseFieldTypeSchema,
  /** Required fields (no default) get a bt_header_input_obj_<name> header. */
  required: z.boolean().optional(),
  /** Default value written into the body when the query does not set the field. */
  default: z.unknown().optional(),
});

const httpTransportFields = {
  /** Paths queries may use (default /v1/chat/completions and /v1/completions). */
  paths: z.array(z.string().regex(/^\//, 'a path starting with /')).min(1).optional(),
  /** Replaces body.model in every query (the model the server loaded). */
  model: z.string().min(1).optional(),
};

export const bittensorSynapseTransportSchema = z.strictObject({
  kind: z.literal('bittensor-synapse'),
  /** Synapse class name; the route is /<synapse>. */
  synapse: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python class name'),
  /** Subclass fields in declaration order. */
  fields: z.array(synapseFieldSchema),
  /** The synapse's required_hash_fields, in order. */
  hashFields: z.array(z.string()).optional(),
  /** A streaming synapse: chunk arrival times are recorded (time to first chunk). */
  stream: z.boolean().optional(),
});

/** OpenAI-compatible HTTP (chat/completions, completions), plain or Epistula-signed; queries name the path in `synapse`. */
export const openAiHttpTransportSchema = z.strictObject({
  kind: z.enum(['openai-http', 'epistula']),
  ...httpTransportFields,
});

export const transportConfigSchema = z.union([bittensorSynapseTransportSchema, openAiHttpTransportSchema]);

export const minerConfigSchema = z
  .strictObject({
    /** Docker build context, relative to the profile's folder. */
    build: z.string().min(1).optional(),
    /** Or a pinned image reference (org/img@sha256:...). */
    image: z.string().min(1).optional(),
    /** How to run the miner as a local process where there is no Docker (--runtime process); cwd relative to the profile. */
    process: z.strictObject({ command: z.array(z.string().min(1)).min(1), cwd: z.string().optional() }).optional(),
    /** Port the miner listens on inside the container. */
    port: z.number().int().min(1).max(65535),
    /** How to tell the miner is up: the synapse (or path) whose route answers. */
    ready: z.strictObject({ synapse: z.string().min(1), timeoutS: z.number().positive().optional() }),
    /** How many GPUs the miner needs (0 = CPU only). */
    gpus: z.number().int().min(0),
    env: z.record(z.string(), z.string()).optional(),
    memoryMb: z.number().int().min(16).optional(),
    pidsLimit: z.number().int().min(8).optional(),
    cpus: z.number().positive().optional(),
  })
  .refine((m) => Boolean(m.build) !== Boolean(m.image), { message: 'set exactly one of miner.build or miner.image' });

export const validatorModelSchema = z.strictObject({
  /** The validator's per-query timeout, seconds. */
  timeoutS: z.number().positive(),
  /** How many queries real validators send one miner per minute (all validators together). */
  queriesPerMinerPerMinute: z.number().positive(),
});

/** A kind's block in a profile: `{ kind, ...its own settings }`, validated by the kind itself when the run resolves. */
const kindBlock = z.looseObject({ kind: z.string().min(1) });
/** A gate's entry: `{ gate, ...its own settings }` (typed with a named key, so settings of any type are allowed). */
const gateBlock = z.looseObject({ gate: z.string().min(1) });

/** What a profile's score function sees: the captured query, the parsed response (null on failure) and the record. */
export interface ScoreInput {
  query: CapturedQuery;
  response: Record<string, unknown> | null;
  record: RequestRecord;
  /** What the profile's `inspect` found out about this response while the run collected it (undefined without one). */
  inspected?: unknown;
}

/** What `inspect` gets during collection: the query, the response, and the run's services (a sink's uploads...). */
export interface InspectInput {
  query: CapturedQuery;
  response: Record<string, unknown> | null;
  record: RequestRecord;
  services: Readonly<Record<string, unknown>>;
  signal: AbortSignal;
}

export const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  netuid: z.number().int().min(0).max(65535),
  title: z.string().min(1),
  /** What the validator makes the miner do (default `{ kind: 'replay' }`): replay | stress | window | none. */
  workload: kindBlock.optional(),
  /** How the subnet pays (default `{ kind: 'quality-share' }`): the law's own block, e.g. its data table. */
  law: kindBlock.optional(),
  /** The gates the subnet applies before speed matters, each `{ gate: kind, ...settings }`. */
  eligibility: z.array(gateBlock).optional(),
  miner: minerConfigSchema.optional(),
  transport: transportConfigSchema.optional(),
  /** Captured queries file, relative to the profile's folder. */
  queries: z.string().min(1).optional(),
  validator: validatorModelSchema.optional(),
  /** The validator's own reward for one response, in [0, 1]. Pure. */
  score: z
    .custom<(input: ScoreInput) => number>(
      (v) => typeof v === 'function',
      'a function ({query, response, record, inspected}) => number in [0, 1]',
    )
    .optional(),
  /** Runs while the run collects, once per response, for what `score` needs but cannot compute purely (a file's SSIM). */
  inspect: z
    .custom<(input: InspectInput) => Promise<unknown>>(
      (v) => typeof v === 'function',
      'an async function ({query, response, record, services, signal}) => JSON-serialisable value',
    )
    .optional(),
});

export type SynapseFieldType = z.infer<typeof synapseFieldTypeSchema>;
export type SynapseField = z.infer<typeof synapseFieldSchema>;
export type BittensorSynapseTransport = z.infer<typeof bittensorSynapseTransportSchema>;
export type OpenAiHttpTransport = z.infer<typeof openAiHttpTransportSchema>;
export type TransportConfig = z.infer<typeof transportConfigSchema>;
export type MinerConfig = z.infer<typeof minerConfigSchema>;
export type ValidatorModel = z.infer<typeof validatorModelSchema>;
export type SubnetProfile = z.infer<typeof profileSchema>;
export type SubnetProfileInput = z.input<typeof profileSchema>;

/** A replay profile: the parts a query/response workload needs are all there (checked by the replay workload). */
export type ReplayProfile = SubnetProfile & {
  miner: MinerConfig;
  transport: TransportConfig;
  queries: string;
  validator: ValidatorModel;
  score: (input: ScoreInput) => number;
};

/** What a runtime needs of a profile: the plugin id and how to start its miner. */
export type MinerProfile = Pick<SubnetProfile, 'id'> & { miner: MinerConfig };

/** Declares a subnet plugin; the registry validates it (every problem at once) when it is loaded. */
export function defineSubnet<const P extends SubnetProfileInput>(profile: P): P {
  return profile;
}
