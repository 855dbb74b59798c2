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

export function buildDendriteRequest(input: DendriteRequestInput): DendriteRequest {
  const { synapse, dendrite, axon } = input;
  const version = dendrite.version ?? DENDRITE_VERSION;
  const ownFields = dumpSynapseFields(synapse.fields, input.fields);
  const hash = bodyHash(ownFields, synapse.hashFields ?? []);
  const message = `${dendrite.nonce}.${dendrite.hotkey}.${axon.hotkey}.${dendrite.uuid}.${hash}`;
  const signature = dendrite.sign(message);
  const totalSize = input.totalSize ?? 3014;
  const headerSize = input.headerSize ?? 640;

  const body = pythonJsonDumps({
    name: synapse.synapse,
    timeout: new PyFloat(input.timeoutS),
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
    ...ownFields,
  });

  const headers: Array<[string, string]> = [
    ['name', synapse.synapse],
    ['timeout', pythonJsonDumps(new PyFloat(input.timeoutS))],
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
  headers.push(['header_size', String(headerSize)], ['total_size', String(totalSize)], ['computed_body_hash', hash]);
  return { path: `/${synapse.synapse}`, headers, body, bodyHash: hash, message, signature };
}
