// Tests of SigningPool: worker threads build the same request as buildDendriteRequest, signed verifiably; a job no
// worker has begun is taken back and signed on the calling thread (once, never twice); failures reject; close ends all.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { buildDendriteRequest } from '../../harness/transport/dendrite-request.ts';
import { signerFromUri, type Signer } from '../../harness/transport/ephemeral-keys.ts';
import { SigningPool, type SignedWire } from '../../harness/transport/signing-pool.ts';

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const DUMMY: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'Dummy',
  fields: [
    { name: 'dummy_input', type: 'int', required: true },
    { name: 'dummy_output', type: 'int', default: null },
  ],
};
const axon = { ip: '127.0.0.1', port: 8091, hotkey: BOB };
const query = (n: number) => ({ t: 0, synapse: 'Dummy', body: { dummy_input: n }, line: n });
const job = (n: number, nonce = BigInt(n)) => ({
  query: query(n),
  config: DUMMY,
  timeoutS: 12,
  uuid: `uuid-${n}`,
  nonce,
  axon,
});

let alice: Signer;
let pool: SigningPool | undefined;
beforeAll(async () => {
  await cryptoWaitReady();
  alice = await signerFromUri('//Alice');
});
afterEach(() => pool?.close());

const newPool = (workers: number) =>
  (pool = new SigningPool({ keys: alice.keys, hotkey: alice.address, dendriteIp: '203.0.113.5', workers }));

/** The signature header of a signed request, checked against the message bittensor.md 1.5 gives. */
function verifies(w: SignedWire, n: number, nonce = BigInt(n)): boolean {
  const h = Object.fromEntries(w.headers);
  const message = `${nonce}.${alice.address}.${BOB}.uuid-${n}.${h.computed_body_hash}`;
  return signatureVerify(message, h.bt_header_dendrite_signature!, alice.address).isValid;
}

describe('SigningPool', () => {
  it('a worker builds the very request buildDendriteRequest builds (but for the randomised signature)', async () => {
    const w = await newPool(1).sign(job(7, 1732000000123456789n)).wire;
    const here = buildDendriteRequest({
      synapse: DUMMY,
      fields: { dummy_input: 7 },
      timeoutS: 12,
      dendrite: {
        ip: '203.0.113.5',
        hotkey: alice.address,
        uuid: 'uuid-7',
        nonce: 1732000000123456789n,
        sign: alice.sign,
      },
      axon,
    });
    const sig = Object.fromEntries(w.headers).bt_header_dendrite_signature!;
    expect(w.headers).toEqual(here.headers.map(([k, v]) => [k, k === 'bt_header_dendrite_signature' ? sig : v]));
    expect(w.body).toBe(here.body.replace(here.signature, sig));
    expect(verifies(w, 7, 1732000000123456789n)).toBe(true);
  });

  it('signs 200 jobs; the 100 taken back before a worker began them are signed here, each exactly once', async () => {
    const p = newPool(1);
    const tickets = Array.from({ length: 200 }, (_, n) => p.sign(job(n)));
    // The batch goes to the worker at the end of this turn: every job is still open now.
    const taken = tickets.filter((_, n) => n % 2 === 0).map((t) => p.signNow(t));
    expect(taken).toEqual(Array.from({ length: 100 }, () => true));
    expect(p.signedHere).toBe(100);
    const wires = await Promise.all(tickets.map((t) => t.wire));
    expect(wires.every((w, n) => verifies(w, n))).toBe(true);
    // Settled jobs cannot be taken back, whoever signed them.
    expect(tickets.map((t) => p.signNow(t))).toEqual(tickets.map(() => false));
    expect(p.signedHere).toBe(100);
  });

  it('rejects a job whose query cannot cross to the worker, naming why, and signs the next ones', async () => {
    const p = newPool(1);
    const bad = p.sign({ ...job(1), query: { ...query(1), body: { dummy_input: () => 0 } } });
    await expect(bad.wire).rejects.toThrow(
      'the request could not be handed to a signing worker: () => 0 could not be cloned.',
    );
    const good = p.sign(job(2));
    expect(verifies(await good.wire, 2)).toBe(true);
  });

  it('with no worker signs on the calling thread; once closed refuses new jobs', async () => {
    const p = newPool(0);
    expect(p.size).toBe(0);
    expect(verifies(await p.sign(job(3)).wire, 3)).toBe(true);
    p.close();
    await expect(p.sign(job(4)).wire).rejects.toThrow('the signing pool is closed');
  });

  it('close rejects the jobs not yet signed', async () => {
    const p = newPool(1);
    const t = p.sign(job(5));
    p.close();
    await expect(t.wire).rejects.toThrow('the signing pool is closed');
  });

  it('keeps the process alive while a job is awaited, and lets it exit once the workers are idle', () => {
    // Nothing else holds the event loop: were the workers not kept alive, Node would exit 13 (unsettled await).
    const code = `
      import { signerFromUri } from './harness/transport/ephemeral-keys.ts';
      import { SigningPool } from './harness/transport/signing-pool.ts';
      const alice = await signerFromUri('//Alice');
      const pool = new SigningPool({ keys: alice.keys, hotkey: alice.address, dendriteIp: '127.0.0.1', workers: 1 });
      const query = { t: 0, synapse: 'Dummy', body: { dummy_input: 1 }, line: 1 };
      const config = { kind: 'bittensor-synapse', synapse: 'Dummy', fields: [{ name: 'dummy_input', type: 'int' }] };
      const axon = { ip: '127.0.0.1', port: 1, hotkey: alice.address };
      const w = await pool.sign({ query, config, timeoutS: 12, uuid: 'u', nonce: 1n, axon }).wire;
      console.log(w.headers.length);
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: r.status, out: r.stdout.trim() }, r.stderr).toEqual({ status: 0, out: '14' });
  }, 60_000);
});
