// signingWorker: the body of one signing worker thread: builds and signs the dendrite requests the pool hands it.
import { parentPort, workerData } from 'node:worker_threads';
import type { BittensorSynapseTransport } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { CLAIM_RING, claimToken, type SigningBatch, type SigningResult } from './signing-pool.ts';
import { signingRequest } from './signing-request.ts';
import type { Sr25519Keys } from './sr25519-sign.ts';

/**
 * Results go back in groups this size (a message costs both threads), so the first of a long batch is not held until
 * the last is signed: 32 signatures are ~5 ms, well inside the 25 ms an open loop prepares ahead at least.
 */
const GROUP = 32;

const { keys, hotkey, dendriteIp, claims } = workerData as {
  keys: Sr25519Keys;
  hotkey: string;
  dendriteIp: string;
  /** Shared with the pool: a job is signed by whoever claims it first (the pool takes back late ones). */
  claims: Int32Array;
};
const queries = new Map<number, CapturedQuery>();
const configs = new Map<number, BittensorSynapseTransport>();

parentPort!.on('message', (m: SigningBatch) => {
  for (const [id, q] of m.queries) queries.set(id, q);
  for (const [id, c] of m.configs) configs.set(id, c);
  let out: SigningResult[] = [];
  for (const [id, qid, cid, uuid, nonce, timeoutS, axonIp, axonPort, axonHotkey] of m.jobs) {
    if (Atomics.compareExchange(claims, id % CLAIM_RING, claimToken(id), 0) !== claimToken(id)) continue;
    try {
      const r = signingRequest(keys, {
        query: queries.get(qid)!,
        config: configs.get(cid)!,
        timeoutS,
        dendriteIp,
        hotkey,
        uuid,
        nonce,
        axon: { ip: axonIp, port: axonPort, hotkey: axonHotkey },
      });
      out.push([id, r.headers, r.body]);
    } catch (e) {
      out.push([id, null, e instanceof Error ? e.message : String(e)]);
    }
    if (out.length >= GROUP) {
      parentPort!.postMessage(out);
      out = [];
    }
  }
  if (out.length) parentPort!.postMessage(out);
});
