// SubnetProfile: the plugin contract of one subnet (subnets/<id>/profile.ts): one zod schema, types inferred from it,
// and defineSubnet to declare it. The workload, law and eligibility blocks are validated by their own kinds (k6-style).
import { z } from 'zod';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestRecord } from '../model/request-record.ts';

/**
 * Python type of a synapse field, so the dendrite can emit bt_header_input_obj_* and the body in pydantic order.
 * `model` is a nested pydantic BaseModel (its own `fields`); `list` may name its element type in `items`.
 */
export const synapseFieldTypeSchema = z.enum(['int', 'float', 'str', 'bool', 'list', 'dict', 'model']);

/** Element type of a `list` field: a scalar, or a nested model described by the field's `fields`. */
export const synapseItemTypeSchema = z.enum(['int', 'float', 'str', 'bool', 'dict', 'model']);

/** One field of a synapse (or of a nested model), as the profile declares it. */
export interface SynapseField {
  name: string;
  type: z.infer<typeof synapseFieldTypeSchema>;
  /** Required fields (no default) get a bt_header_input_obj_<name> header. */
  required?: boolean | undefined;
  /**
   * Default value written into the body when the query does not set the field. A model without one is built from its
   * own fields' defaults, as pydantic's `default_factory=Model` does; `null` keeps it None (`Optional[Model] = None`).
   */
  default?: unknown;
  /** A list's element type (floats are written 1.0 as Python does; default: values as given). */
  items?: z.infer<typeof synapseItemTypeSchema> | undefined;
  /** A nested model's fields in declaration order (type 'model', or a list with items 'model'). */
  fields?: SynapseField[] | undefined;
}

export const synapseFieldSchema: z.ZodType<SynapseField, SynapseField> = z.lazy(() =>
  z
    .strictObject({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python identifier'),
      type: synapseFieldTypeSchema,
      required: z.boolean().optional(),
      default: z.unknown().optional(),
      items: synapseItemTypeSchema.optional(),
      fields: z.array(synapseFieldSchema).optional(),
    })
    .refine((f) => (f.type === 'model' || f.items === 'model') === (f.fields !== undefined), {
      message: "a field of type 'model' (or a list with items 'model') declares its nested `fields`, and no other does",
    })
    .refine((f) => f.items === undefined || f.type === 'list', { message: "`items` is only for type 'list'" }),
);

/** An answer size limit: at least 1 KiB (an axon's error answer fits), at most 1 GiB. */
const maxResponseBytes = z
  .number()
  .int()
  .min(1024, 'at least 1024 bytes')
  .max(2 ** 30, 'at most 1 GiB (1073741824 bytes)')
  .optional();

const httpTransportFields = {
  /** Paths queries may use (default /v1/chat/completions and /v1/completions). */
  paths: z.array(z.string().regex(/^\//, 'a path starting with /')).min(1).optional(),
  /** Replaces body.model in every query (the model the server loaded). */
  model: z.string().min(1).optional(),
  /** The most bytes an answer may have (default 32 MiB); a longer one is an error named in the result. */
  maxResponseBytes,
};

/** One synapse class: its route name, subclass fields in declaration order, and hash fields. */
export const synapseClassSchema = z.strictObject({
  synapse: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python class name'),
  fields: z.array(synapseFieldSchema),
  hashFields: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
});

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
  /** Further synapse classes the same axon serves (Vidaio: upscaling and compression); queries name one by `synapse`. */
  synapses: z.array(synapseClassSchema).optional(),
  /** The most bytes an answer may have (default 8 MiB, 32 MiB with stream); a longer one is an error. */
  maxResponseBytes,
});

/** OpenAI-compatible HTTP (chat/completions, completions), plain or Epistula-signed; queries name the path in `synapse`. */
export const openAiHttpTransportSchema = z.strictObject({
  kind: z.enum(['openai-http', 'epistula']),
  ...httpTransportFields,
});

export const transportConfigSchema = z.union([bittensorSynapseTransportSchema, openAiHttpTransportSchema]);

/** One synapse sent straight to the miner's own service: where, and how the body and answer map. */
export const directRouteSchema = z.strictObject({
  /** The synapse (queries' `synapse`) this route replaces. */
  synapse: z.string().min(1),
  /** HTTP path on the service, e.g. /compress. */
  path: z.string().regex(/^\//, 'a path starting with /'),
  /** Port of the service inside the miner's container (default: miner.port). */
  port: z.number().int().min(1).max(65535).optional(),
  /** The service's JSON request for a query body (pure). */
  request: z.custom<(body: Record<string, unknown>) => unknown>(
    (v) => typeof v === 'function',
    'a function (body) => JSON',
  ),
  /** The service's JSON answer as the synapse response the score reads (pure; null when it holds nothing usable). */
  response: z.custom<(answer: unknown, body: Record<string, unknown>) => Record<string, unknown> | null>(
    (v) => typeof v === 'function',
    'a function (answer, body) => synapse-shaped response or null',
  ),
});

/**
 * Drive the miner's GPU service directly instead of its axon (plain HTTP JSON, no dendrite headers): for subnets whose
 * axon refuses an unregistered hotkey before any check (vidaio, the template). The result says which path was measured.
 */
export const directTransportSchema = z.strictObject({
  kind: z.literal('direct-http'),
  routes: z.array(directRouteSchema).min(1),
  /** Why the axon path cannot be measured as is (shown in the result and report). */
  why: z.string().min(1),
  /** Measure this path unless the run asks for the axon (default true). */
  preferred: z.boolean().optional(),
  /** The most bytes a service's answer may have (default 8 MiB: JSON parsed whole); a longer one is an error. */
  maxResponseBytes,
});

export const minerConfigSchema = z
  .strictObject({
    /** Docker build context, relative to the profile's folder. */
    build: z.string().min(1).optional(),
    /** Or a pinned image reference (org/img@sha256:...). */
    image: z.string().min(1).optional(),
    /**
     * The local offline image a build's BASE_IMAGE falls back to when --base-image is not given (default
     * minerbench/python-base:bookworm); e.g. 'minerbench/ffmpeg-base:bookworm' for a miner that needs ffmpeg.
     */
    offlineBaseImage: z.string().min(1).optional(),
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
    /**
     * Who the miner runs as in Docker: default the image's USER when it is not root, else 10001:10001. 'root' (or 0)
     * runs it as root, said as a warning in the output and the result.
     */
    user: z
      .string()
      .regex(
        /^([a-z_][a-z0-9_-]*|\d+)(:([a-z_][a-z0-9_-]*|\d+))?$/,
        "a user name or uid, optionally :group ('root' lets the miner run as root, with a warning)",
      )
      .optional(),
    /** 'isolated' (default): an internal network with no route out; 'egress': the miner may reach the internet. */
    network: z.enum(['isolated', 'egress']).optional(),
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
  /** The miner's own service, driven without its axon (see directTransportSchema). */
  direct: directTransportSchema.optional(),
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
  /**
   * The quality measures `inspect` may name (its value's `metric`), and whether each is a proxy for the validator's
   * own: shown with the quality in the result and the report.
   */
  qualityMetrics: z
    .record(z.string(), z.strictObject({ title: z.string().min(1), proxy: z.boolean(), note: z.string() }))
    .optional(),
  /**
   * Runs while the run collects, once per response, for what `score` needs but cannot compute purely (a file's SSIM).
   * A value `{ outcome, reason, metric }` is also counted: outcomes by name in the result's quality, metrics labelled
   * from `qualityMetrics`.
   */
  inspect: z
    .custom<(input: InspectInput) => Promise<unknown>>(
      (v) => typeof v === 'function',
      'an async function ({query, response, record, services, signal}) => JSON-serialisable value',
    )
    .optional(),
});

export type SynapseFieldType = z.infer<typeof synapseFieldTypeSchema>;
export type SynapseItemType = z.infer<typeof synapseItemTypeSchema>;
export type SynapseClass = z.infer<typeof synapseClassSchema>;
export type BittensorSynapseTransport = z.infer<typeof bittensorSynapseTransportSchema>;
export type OpenAiHttpTransport = z.infer<typeof openAiHttpTransportSchema>;
export type TransportConfig = z.infer<typeof transportConfigSchema>;
export type DirectTransport = z.infer<typeof directTransportSchema>;
export type DirectRoute = z.infer<typeof directRouteSchema>;
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
