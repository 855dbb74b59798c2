// Benchmark: CPU of one signed dendrite request, split into body building, body hash and the sr25519 signature
// (three implementations side by side), and the whole request as the signing worker builds it.
// Run: npx tsx benchmarks/harness/signed-cost.bench.ts   (BENCH_QUICK=1: shorter runs)
import os from 'node:os';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { Keyring } from '@polkadot/keyring';
import { waitReady, sr25519Sign as polkadotWasmSign } from '@polkadot/wasm-crypto';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Bench } from 'tinybench';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { bodyHash } from '../../harness/transport/body-hash.ts';
import {
  signedDendriteRequest,
  synapseFieldValues,
  unsignedDendriteRequest,
  type UnsignedDendriteInput,
} from '../../harness/transport/dendrite-request.ts';
import { signerFromUri } from '../../harness/transport/ephemeral-keys.ts';
import { signingRequest } from '../../harness/transport/signing-request.ts';
import { sr25519Sign } from '../../harness/transport/sr25519-sign.ts';
import { fmt, QUICK, row, DUMMY, DUMMY_QUERY } from './bench-support.ts';

await cryptoWaitReady();
await waitReady();
const alice = await signerFromUri('//Alice');
const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

// A chat synapse that hashes its messages (the stream tutorial's required_hash_fields), with a 2 KB prompt.
const PROMPTING: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'StreamPrompting',
  fields: [
    { name: 'roles', type: 'list', required: true },
    { name: 'messages', type: 'list', required: true },
    { name: 'completion', type: 'str', default: '' },
  ],
  hashFields: ['messages'],
};
const promptBody = { roles: ['user'], messages: ['Explain the axon pipeline. '.repeat(76)] };
const promptQuery = {
  t: 0,
  synapse: 'StreamPrompting',
  body: promptBody,
  line: 1,
  source: JSON.stringify({ t: 0, synapse: 'StreamPrompting', body: promptBody }),
};

const input = (synapse: BittensorSynapseTransport, fields: Record<string, unknown>): UnsignedDendriteInput => ({
  synapse,
  fields,
  timeoutS: 12,
  dendrite: { ip: '127.0.0.1', hotkey: alice.address, uuid: '5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a', nonce: 1n },
  axon: { ip: '127.0.0.1', port: 8091, hotkey: BOB },
});
const dummyUnsigned = unsignedDendriteRequest(input(DUMMY, DUMMY_QUERY.body));
const promptUnsigned = unsignedDendriteRequest(input(PROMPTING, promptBody));
const message = dummyUnsigned.message;
const messageU8a = stringToU8a(message);
const SIG = `0x${'ab'.repeat(64)}`;
const promptOwn = synapseFieldValues(PROMPTING, promptBody);

const wire = {
  timeoutS: 12,
  dendriteIp: '127.0.0.1',
  hotkey: alice.address,
  uuid: '5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a',
  nonce: 1n,
  axon: { ip: '127.0.0.1', port: 8091, hotkey: BOB },
};
const bench = new Bench({ time: QUICK ? 300 : 2000, warmupTime: QUICK ? 100 : 500 });
const tasks: Array<[group: string, name: string, fn: () => unknown]> = [
  ['body', 'Dummy: typed fields, json.dumps body, headers', () => signedDendriteRequest(dummyUnsigned, SIG)],
  [
    'body',
    'StreamPrompting (2 KB prompt): typed fields, body, headers',
    () => signedDendriteRequest(promptUnsigned, SIG),
  ],
  ['hash', 'Dummy: sha3_256("") (no hash fields)', () => bodyHash({}, [])],
  ['hash', 'StreamPrompting: sha3 of str(messages), 2 KB', () => bodyHash(promptOwn, ['messages'])],
  ['sign', '@polkadot/keyring pair.sign (@scure/sr25519 in util-crypto 14)', () => u8aToHex(pair.sign(messageU8a))],
  [
    'sign',
    '@polkadot/wasm-crypto sr25519Sign',
    () => u8aToHex(polkadotWasmSign(alice.keys.publicKey, alice.keys.secretKey, messageU8a)),
  ],
  ['sign', '@polkadot-labs/schnorrkel-wasm (minerbench)', () => sr25519Sign(alice.keys, message)],
  [
    'whole',
    'Dummy request as the signing worker builds it',
    () => signingRequest(alice.keys, { query: DUMMY_QUERY, config: DUMMY, ...wire }),
  ],
  [
    'whole',
    'StreamPrompting request (Python-typed source) as the worker builds it',
    () => signingRequest(alice.keys, { query: promptQuery, config: PROMPTING, ...wire }),
  ],
];
for (const [group, name, fn] of tasks) bench.add(`${group}: ${name}`, fn);
await bench.run();

console.log(`node ${process.version}, ${os.cpus()[0]?.model.trim()} x ${os.cpus().length}; mean and p99 per call`);
for (const t of bench.tasks) {
  const r = t.result as { latency?: { mean: number; p99?: number }; throughput?: { mean: number } } | undefined;
  const us = (ms: number | undefined) => fmt((ms ?? NaN) * 1000, 1);
  row({
    bench: 'signed-cost',
    metric: t.name,
    value: `${us(r?.latency?.mean)} us (p99 ${us(r?.latency?.p99)} us)`,
    goal: 'measurement',
    pass: null,
  });
}
