// buildDendriteRequest: the exact HTTP request a bittensor dendrite sends for one synapse (bittensor.md 1.2-1.5).
import type { BittensorSynapseTransport, SynapseClass } from '../config/subnet-profile.ts';
import { bodyHash } from './body-hash.ts';
import { PyFloat } from './python-str.ts';
import { pythonJsonDumps } from './python-json.ts';
import { dumpSynapseFields, emptyInstanceJson } from './synapse-fields.ts';

/** SDK version the harness presents (10.2.0 as major*1e6 + minor*1e3 + patch). */
export const DENDRITE_VERSION = 10_002_000;

export interface DendriteIdentity {
  ip: string;
  hotkey: string;
  uuid: string;
  nonce: bigint;
  version?: number;
  /** Signs the UTF-8 message with the harness's sr25519 key; returns 0x + 128 hex. */
  sign: (message: string) => string;
}

export interface AxonTarget {
  ip: string;
  port: number;
  /** The miner's own hotkey: the axon verifies with it, so the dendrite signs for it. */
  hotkey: string;
}

export interface DendriteRequestInput {
  /** The synapse class (a transport config is one: its primary class). */
  synapse: SynapseClass | BittensorSynapseTransport;
  /** Values of the synapse's own fields for this query (the captured body). */
  fields: Record<string, unknown>;
  timeoutS: number;
  dendrite: DendriteIdentity;
  axon: AxonTarget;
  /** Python artefacts the axon only casts to int; any integers will do. */
  headerSize?: number;
  totalSize?: number;
}

export interface DendriteRequest {
  path: string;
  /** Headers in the order Synapse.to_headers() emits them. */
  headers: Array<[string, string]>;
  body: string;
  bodyHash: string;
  /** The signed message `{nonce}.{dendrite}.{axon}.{uuid}.{bodyHash}`. */
  message: string;
  signature: string;
}

function terminal(info: Partial<Record<string, unknown>>): Record<string, unknown> {
  const keys = [
    'status_code',
    'status_message',
    'process_time',
    'ip',
    'port',
    'version',
    'nonce',
    'uuid',
    'hotkey',
    'signature',
  ];
  return Object.fromEntries(keys.map((k) => [k, info[k] ?? null]));
}

/** The synapse's own fields in declaration order, typed as pydantic holds them (defaults, nested models). Pure. */
export function synapseFieldValues(
  synapse: SynapseClass | BittensorSynapseTransport,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return dumpSynapseFields(synapse.fields, fields);
}

/** The message the dendrite signs and the axon verifies with its own hotkey (bittensor.md 1.5). */
export function signedMessage(nonce: bigint, dendriteHotkey: string, axonHotkey: string, uuid: string, hash: string) {
  return `${nonce}.${dendriteHotkey}.${axonHotkey}.${uuid}.${hash}`;
}

/** What a request needs besides its signature: the typed fields, their body hash and the message to sign. Pure. */
/** A request's input without the signing function (what a signing worker receives). */
export type UnsignedDendriteInput = Omit<DendriteRequestInput, 'dendrite'> & {
  dendrite: Omit<DendriteIdentity, 'sign'>;
};

export interface UnsignedDendriteRequest {
  input: UnsignedDendriteInput;
  ownFields: Record<string, unknown>;
  bodyHash: string;
  message: string;
}

export function unsignedDendriteRequest(input: UnsignedDendriteInput): UnsignedDendriteRequest {
  const ownFields = synapseFieldValues(input.synapse, input.fields);
  const hash = bodyHash(ownFields, input.synapse.hashFields ?? []);
  const { dendrite, axon } = input;
  return {
    input,
    ownFields,
    bodyHash: hash,
    message: signedMessage(dendrite.nonce, dendrite.hotkey, axon.hotkey, dendrite.uuid, hash),
  };
}

/** The body and headers of a request whose message is signed (`signature` = 0x + 128 hex). Pure. */
export function signedDendriteRequest(u: UnsignedDendriteRequest, signature: string): DendriteRequest {
  const { synapse, dendrite, axon } = u.input;
  const version = dendrite.version ?? DENDRITE_VERSION;
  const totalSize = u.input.totalSize ?? 3014;
  const headerSize = u.input.headerSize ?? 640;
  const body = pythonJsonDumps({
    name: synapse.synapse,
    timeout: new PyFloat(u.input.timeoutS),
    total_size: totalSize,
    header_size: 0,
    dendrite: terminal({
      ip: dendrite.ip,
      version,
      nonce: dendrite.nonce,
      uuid: dendrite.uuid,
      hotkey: dendrite.hotkey,
      signature,
    }),
    axon: terminal({ ip: axon.ip, port: axon.port, hotkey: axon.hotkey }),
    computed_body_hash: '',
    ...u.ownFields,
  });

  const headers: Array<[string, string]> = [
    ['name', synapse.synapse],
    ['timeout', pythonJsonDumps(new PyFloat(u.input.timeoutS))],
    ['bt_header_axon_ip', axon.ip],
    ['bt_header_axon_port', String(axon.port)],
    ['bt_header_axon_hotkey', axon.hotkey],
    ['bt_header_dendrite_ip', dendrite.ip],
    ['bt_header_dendrite_version', String(version)],
    ['bt_header_dendrite_nonce', dendrite.nonce.toString()],
    ['bt_header_dendrite_uuid', dendrite.uuid],
    ['bt_header_dendrite_hotkey', dendrite.hotkey],
    ['bt_header_dendrite_signature', signature],
  ];
  for (const f of synapse.fields) {
    if (f.required)
      headers.push([`bt_header_input_obj_${f.name}`, Buffer.from(emptyInstanceJson(f)).toString('base64')]);
  }
  headers.push(
    ['header_size', String(headerSize)],
    ['total_size', String(totalSize)],
    ['computed_body_hash', u.bodyHash],
  );
  return { path: `/${synapse.synapse}`, headers, body, bodyHash: u.bodyHash, message: u.message, signature };
}

/** The whole request: typed fields, body hash, signature (dendrite.sign), body and headers. */
export function buildDendriteRequest(input: DendriteRequestInput): DendriteRequest {
  const u = unsignedDendriteRequest(input);
  return signedDendriteRequest(u, input.dendrite.sign(u.message));
}
