// signingRequest: one whole dendrite request from a query and its wire identity (typed fields, hash, signature, body),
// pure but for the signature's randomness; what a signing worker runs for the transport.
import type { BittensorSynapseTransport } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { signedDendriteRequest, unsignedDendriteRequest, type DendriteRequest } from './dendrite-request.ts';
import { PyDict, pythonJsonLoads } from './python-json-loads.ts';
import { sr25519Sign, type Sr25519Keys } from './sr25519-sign.ts';

/** Everything one request needs; plain data, so it crosses to a worker thread by structured clone. */
export interface SigningJob {
  query: CapturedQuery;
  /** The synapse the query names (the profile's, or a bare one for the ready ping). */
  config: BittensorSynapseTransport;
  timeoutS: number;
  /** The IP the dendrite reports as its own. */
  dendriteIp: string;
  /** The dendrite's (harness's) hotkey ss58. */
  hotkey: string;
  uuid: string;
  nonce: bigint;
  axon: { ip: string; port: number; hotkey: string };
}

export function signingRequest(keys: Sr25519Keys, job: SigningJob): DendriteRequest {
  const u = unsignedDendriteRequest({
    synapse: job.config,
    fields: pythonFields(job.query),
    timeoutS: job.timeoutS,
    dendrite: { ip: job.dendriteIp, hotkey: job.hotkey, uuid: job.uuid, nonce: job.nonce },
    axon: job.axon,
  });
  return signedDendriteRequest(u, sr25519Sign(keys, u.message));
}

/** The body's fields as Python typed them when the query was captured (floats, dict order, big ints); else the parsed body. */
export function pythonFields(query: CapturedQuery): Record<string, unknown> {
  if (!query.source) return query.body;
  try {
    const line = pythonJsonLoads(query.source);
    const body = line instanceof PyDict ? line.get('body') : undefined;
    return body instanceof PyDict ? Object.fromEntries(body.entries) : query.body;
  } catch {
    return query.body;
  }
}
