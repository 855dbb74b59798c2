// Signatures made ahead of their send time (signing workers, Transport.prepare) still verify and keep the axon's nonce
// rules, checked by two verifiers over what a real server received, in the order it received it: @polkadot/util-crypto
// sr25519Verify over the exact message of bittensor.md 1.5 with the miner's own hotkey, and the template miner's own
// NonceVerifier (subnets/template/miner/verify.py, Python) fed each request at the wall time it arrived.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cryptoWaitReady, decodeAddress, sr25519Verify } from '@polkadot/util-crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import { BittensorSynapseSender } from '../../harness/transport/bittensor-synapse.ts';
import { sha3Hex } from '../../harness/transport/body-hash.ts';
import { signerFromUri, type Signer } from '../../harness/transport/ephemeral-keys.ts';
import { defaultNowNs, NonceClock } from '../../harness/transport/nonce-clock.ts';
import { localServer, readBody } from './local-server.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'; // the miner's hotkey (//Bob)
const MINER_DIR = path.resolve(import.meta.dirname, '../../subnets/template/miner');
const DUMMY: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'Dummy',
  fields: [
    { name: 'dummy_input', type: 'int', required: true },
    { name: 'dummy_output', type: 'int', default: null },
  ],
};
const ANSWER = JSON.stringify({ name: 'Dummy', dummy_input: 1, dummy_output: 2 });

/** One request as the server received it: its headers, its body, and the wall-clock ns at its arrival. */
interface Arrival {
  headers: Record<string, string>;
  body: string;
  arrivalNs: bigint;
}

let alice: Signer;
let closeServer: (() => Promise<void>) | undefined;
beforeAll(async () => {
  await cryptoWaitReady();
  alice = await signerFromUri('//Alice');
});
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

/** A server that records every request at its arrival and answers after 0-20 ms (so many are in flight at once). */
async function recordingAxon(arrivals: Arrival[]) {
  let k = 0;
  const s = await localServer(async (req, res) => {
    const arrivalNs = defaultNowNs();
    const body = await readBody(req);
    arrivals.push({ headers: req.headers as Record<string, string>, body, arrivalNs });
    setTimeout(() => res.end(ANSWER), (k++ * 7) % 21);
  });
  closeServer = s.close;
  return s;
}

/** The independent signature check: sr25519Verify(message with the miner's own hotkey, signature, dendrite key). */
function signatureValid(a: Arrival): boolean {
  const h = a.headers;
  const message = `${h.bt_header_dendrite_nonce}.${h.bt_header_dendrite_hotkey}.${BOB}.${h.bt_header_dendrite_uuid}.${h.computed_body_hash}`;
  return sr25519Verify(message, h.bt_header_dendrite_signature!, decodeAddress(h.bt_header_dendrite_hotkey!));
}

/** The independent nonce check (bittensor.md 1.6): per hotkey:uuid strictly increasing in arrival order; a first
 * nonce no older than 4 s + timeout at its arrival. Returns the broken rules, one line each. */
function nonceProblems(arrivals: Arrival[]): string[] {
  const last = new Map<string, bigint>();
  const problems: string[] = [];
  for (const [k, a] of arrivals.entries()) {
    const key = `${a.headers.bt_header_dendrite_hotkey}:${a.headers.bt_header_dendrite_uuid}`;
    const nonce = BigInt(a.headers.bt_header_dendrite_nonce!);
    const stored = last.get(key);
    const windowNs = 4_000_000_000n + BigInt(Number(a.headers.timeout) * 1e9);
    if (stored === undefined && nonce <= a.arrivalNs - windowNs) problems.push(`#${k}: first nonce too old`);
    if (stored !== undefined && nonce <= stored) problems.push(`#${k}: nonce not above the last on ${key}`);
    last.set(key, nonce);
  }
  return problems;
}

/** The template miner's NonceVerifier, in Python, fed the arrivals in order with its clock at each arrival. */
function templateVerifier(arrivals: Arrival[]): { accepted: number; errors: string[] } {
  const script = `
import json, sys
from verify import NonceVerifier, VerifyError
now = [0]
v = NonceVerifier(${JSON.stringify(BOB)}, clock_ns=lambda: now[0])
accepted, errors = 0, []
for line in sys.stdin:
    item = json.loads(line)
    now[0] = item["arrival_ns"]
    try:
        v.verify(item["synapse"])
        accepted += 1
    except VerifyError as e:
        errors.append(str(e))
print(json.dumps({"accepted": accepted, "errors": errors}))
`;
  // The verifier reads the synapse the axon built from the headers; nonce and arrival go in as JSON integers.
  const lines = arrivals.map((a) => {
    const h = a.headers;
    const synapse = `{"timeout": ${Number(h.timeout)}, "computed_body_hash": ${JSON.stringify(h.computed_body_hash)}, "dendrite": {"hotkey": ${JSON.stringify(h.bt_header_dendrite_hotkey)}, "uuid": ${JSON.stringify(h.bt_header_dendrite_uuid)}, "nonce": ${BigInt(h.bt_header_dendrite_nonce!)}, "version": ${Number(h.bt_header_dendrite_version)}, "signature": ${JSON.stringify(h.bt_header_dendrite_signature)}}}`;
    return `{"arrival_ns": ${a.arrivalNs}, "synapse": ${synapse}}`;
  });
  const r = spawnSync('python3', ['-c', script], { cwd: MINER_DIR, input: lines.join('\n'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { accepted: number; errors: string[] };
}

describe('signed ahead of the send (real local server)', () => {
  it('open loop at 1,000 q/s: every request verifies, nonces keep both verifiers rules in arrival order', async () => {
    const arrivals: Arrival[] = [];
    const s = await recordingAxon(arrivals);
    const transport = new BittensorSynapseSender({ config: DUMMY, signer: alice });
    const t0 = performance.now();
    const records: RequestRecord[] = [];
    await runOpenLoop({
      onRecord: (r) => void records.push(r),
      queries: [1, 2, 3].map((n) => ({ t: 0, synapse: 'Dummy', body: { dummy_input: n }, line: n, timeout: 12 })),
      schedule: constantSchedule(1000),
      warmup: 0,
      count: 1500,
      // At most 100 in flight, late sends queued (none dropped): dendrite uuids must be reused, request after request,
      // and on a slow machine some sends go out over 1 s late, re-signed with a fresh nonce.
      maxInFlight: 100,
      whenFull: 'queue',
      transport,
      endpoint: { host: '127.0.0.1', port: s.port, hotkey: BOB },
      timeoutS: 12,
      clock: realClock(() => performance.now() - t0),
      signal: new AbortController().signal,
    });
    transport.close();
    expect(records.map((r) => r.status)).toEqual(records.map(() => 'ok'));
    expect(arrivals).toHaveLength(1500);
    expect(arrivals.filter((a) => !signatureValid(a))).toEqual([]);
    // Answers take 0-20 ms, so tens are in flight at once: many dendrite uuids, each reused request after request
    // (at most 100 in flight plus those prepared 50 ms ahead: 150 at 1,000 q/s).
    const uuids = new Set(arrivals.map((a) => a.headers.bt_header_dendrite_uuid));
    expect(uuids.size).toBeGreaterThan(1);
    expect(uuids.size).toBeLessThanOrEqual(151);
    expect(nonceProblems(arrivals)).toEqual([]);
    expect(templateVerifier(arrivals)).toEqual({ accepted: arrivals.length, errors: [] });
    // The body carries the same identity as the headers, and the body hash is sha3_256('') (Dummy hashes no field).
    for (const a of arrivals.slice(0, 50)) {
      const d = (JSON.parse(a.body) as { dendrite: Record<string, unknown> }).dendrite;
      expect(d.uuid).toBe(a.headers.bt_header_dendrite_uuid);
      expect(d.signature).toBe(a.headers.bt_header_dendrite_signature);
      expect(a.body).toContain(`"nonce": ${a.headers.bt_header_dendrite_nonce},`);
      expect(a.headers.computed_body_hash).toBe(sha3Hex(''));
    }
  }, 60_000);

  it('the template verifier is not blind: a reused nonce and an old first nonce are refused', () => {
    const h = {
      timeout: '12.0',
      computed_body_hash: sha3Hex(''),
      bt_header_dendrite_hotkey: alice.address,
      bt_header_dendrite_uuid: 'u-1',
      bt_header_dendrite_version: '10002000',
      bt_header_dendrite_signature: `0x${'ab'.repeat(64)}`,
    };
    const at = 1_800_000_000_000_000_000n;
    const arrivals: Arrival[] = [
      { headers: { ...h, bt_header_dendrite_nonce: String(at) }, body: '', arrivalNs: at },
      { headers: { ...h, bt_header_dendrite_nonce: String(at) }, body: '', arrivalNs: at + 1n },
      // 17 s old on a new uuid: past the 4 s + 12 s window
      {
        headers: { ...h, bt_header_dendrite_uuid: 'u-2', bt_header_dendrite_nonce: String(at - 17_000_000_000n) },
        body: '',
        arrivalNs: at,
      },
    ];
    expect(nonceProblems(arrivals)).toEqual([
      '#1: nonce not above the last on 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY:u-1',
      '#2: first nonce too old',
    ]);
    const r = templateVerifier(arrivals);
    expect(r.accepted).toBe(1);
    expect(r.errors).toEqual([
      'Nonce is too old, a newer one was last processed',
      'Nonce is too old: acceptable delta is 16.00 seconds but request was 17.00 seconds old',
    ]);
  });

  it('a prepared request sent more than 1 s after its nonce is signed again with a fresh nonce', async () => {
    const arrivals: Arrival[] = [];
    const s = await recordingAxon(arrivals);
    let wallNs = 1_800_000_000_000_000_000n;
    const transport = new BittensorSynapseSender({
      config: DUMMY,
      signer: alice,
      nonces: new NonceClock(() => wallNs),
    });
    const endpoint = { host: '127.0.0.1', port: s.port, hotkey: BOB };
    const q = { t: 0, synapse: 'Dummy', body: { dummy_input: 5 }, line: 1 };
    const now = () => performance.now();
    // Due 10 ms from now: its nonce is the send time, 10 ms ahead of the wall clock.
    const p = transport.prepare(q, endpoint, { timeoutS: 12, now, atMs: now() + 10 });
    wallNs += 2_500_000_000n; // the send comes 2.5 s later (every in-flight slot was busy)
    const o = await transport.send(q, endpoint, { timeoutS: 12, now, prepared: p });
    // A fresh prepared request sent at once keeps its own nonce (and its lane: the first one's uuid came back).
    const p2 = transport.prepare(q, endpoint, { timeoutS: 12, now, atMs: now() });
    const o2 = await transport.send(q, endpoint, { timeoutS: 12, now, prepared: p2 });
    transport.close();
    expect([o.status, o2.status]).toEqual(['ok', 'ok']);
    const nonces = arrivals.map((a) => BigInt(a.headers.bt_header_dendrite_nonce!));
    expect(nonces[0]).toBe(1_800_000_002_500_000_000n); // the wall clock at the send, not 1_800_000_000_010_000_000
    expect(nonces[1]).toBe(1_800_000_002_500_000_001n); // the clock did not move: one more than the last
    expect(arrivals[1]!.headers.bt_header_dendrite_uuid).toBe(arrivals[0]!.headers.bt_header_dendrite_uuid);
    expect(arrivals.every(signatureValid)).toBe(true);
  });
});
