// SubnetProfile: the plugin contract of one subnet (subnets/<id>/profile.ts) and defineSubnet to declare it.
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestRecord } from '../model/request-record.ts';

/** Python type of a synapse field, so the dendrite can emit bt_header_input_obj_* and the body in pydantic order. */
export type SynapseFieldType = 'int' | 'float' | 'str' | 'bool' | 'list' | 'dict';

export interface SynapseField {
  name: string;
  type: SynapseFieldType;
  /** Required fields (no default) get a bt_header_input_obj_<name> header. */
  required?: boolean;
  /** Default value written into the body when the query does not set the field. */
  default?: unknown;
}

export interface BittensorSynapseTransport {
  kind: 'bittensor-synapse';
  /** Synapse class name; the route is /<synapse>. */
  synapse: string;
  /** Subclass fields in declaration order. */
  fields: SynapseField[];
  /** The synapse's required_hash_fields, in order. */
  hashFields?: string[];
  /** A streaming synapse: chunk arrival times are recorded (time to first chunk). */
  stream?: boolean;
}

/** OpenAI-compatible HTTP (chat/completions, completions); queries name the path in `synapse`. */
export interface OpenAiHttpTransport {
  kind: 'openai-http' | 'epistula';
  /** Paths queries may use (default /v1/chat/completions and /v1/completions). */
  paths?: string[];
  /** Replaces body.model in every query (the model the server loaded). */
  model?: string;
}

export type TransportConfig = BittensorSynapseTransport | OpenAiHttpTransport;

export interface MinerConfig {
  /** Docker build context, relative to the profile's folder. */
  build?: string;
  /** Or a pinned image reference (org/img@sha256:...). */
  image?: string;
  /** How to run the miner as a local process where there is no Docker (--runtime process); cwd relative to the profile. */
  process?: { command: string[]; cwd?: string };
  /** Port the miner listens on inside the container. */
  port: number;
  /** How to tell the miner is up: the synapse whose route answers. */
  ready: { synapse: string; timeoutS?: number };
  /** How many GPUs the miner needs (0 = CPU only). */
  gpus: number;
  env?: Record<string, string>;
  memoryMb?: number;
  pidsLimit?: number;
  cpus?: number;
  /**
   * Who the miner runs as in Docker: default the image's USER when it is not root, else 10001:10001. 'root' (or 0)
   * runs it as root, said as a warning in the output and the result.
   */
  user?: string;
  /** 'isolated' (default): an internal network with no route out; 'egress': the miner may reach the internet. */
  network?: 'isolated' | 'egress';
}

export interface ValidatorModel {
  /** The validator's per-query timeout, seconds. */
  timeoutS: number;
  /** How many queries real validators send one miner per minute (all validators together). */
  queriesPerMinerPerMinute: number;
}

/** What a profile's score function sees: the captured query, the parsed response (null on failure) and the record. */
export interface ScoreInput {
  query: CapturedQuery;
  response: Record<string, unknown> | null;
  record: RequestRecord;
}

export interface SubnetProfile {
  id: string;
  netuid: number;
  title: string;
  miner: MinerConfig;
  transport: TransportConfig;
  /** Captured queries file, relative to the profile's folder. */
  queries: string;
  validator: ValidatorModel;
  /** The validator's own reward for one response, in [0, 1]. Pure. */
  score: (input: ScoreInput) => number;
}

/** Declares a subnet plugin; the registry validates it (every problem at once) when it is loaded. */
export function defineSubnet(profile: SubnetProfile): SubnetProfile {
  return profile;
}
