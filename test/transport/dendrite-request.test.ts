// Tests of buildDendriteRequest against the worked wire example in bittensor.md section 1.10.
import { describe, expect, it } from 'vitest';
import { signatureVerify, cryptoWaitReady } from '@polkadot/util-crypto';
import { buildDendriteRequest } from '../../harness/transport/dendrite-request.ts';
import { signerFromUri } from '../../harness/transport/ephemeral-keys.ts';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const DUMMY: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'Dummy',
  fields: [
    { name: 'dummy_input', type: 'int', required: true },
    { name: 'dummy_output', type: 'int', default: null },
  ],
};

async function example() {
  const alice = await signerFromUri('//Alice');
  return buildDendriteRequest({
    synapse: DUMMY,
    fields: { dummy_input: 7 },
    timeoutS: 12,
    dendrite: {
      ip: '203.0.113.5',
      hotkey: alice.address,
      uuid: '5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a',
      nonce: 1732000000123456789n,
      sign: alice.sign,
    },
    axon: { ip: '127.0.0.1', port: 8091, hotkey: BOB },
    headerSize: 640,
    totalSize: 3014,
  });
}

describe('buildDendriteRequest (bittensor.md 1.10)', () => {
  it('emits every header of the worked example, in to_headers() order', async () => {
    const req = await example();
    expect(req.path).toBe('/Dummy');
    expect(req.headers.map(([k]) => k)).toEqual([
      'name',
      'timeout',
      'bt_header_axon_ip',
      'bt_header_axon_port',
      'bt_header_axon_hotkey',
      'bt_header_dendrite_ip',
      'bt_header_dendrite_version',
      'bt_header_dendrite_nonce',
      'bt_header_dendrite_uuid',
      'bt_header_dendrite_hotkey',
      'bt_header_dendrite_signature',
      'bt_header_input_obj_dummy_input',
      'header_size',
      'total_size',
      'computed_body_hash',
    ]);
    const h = Object.fromEntries(req.headers);
    expect(h).toMatchObject({
      name: 'Dummy',
      timeout: '12.0',
      bt_header_axon_ip: '127.0.0.1',
      bt_header_axon_port: '8091',
      bt_header_axon_hotkey: BOB,
      bt_header_dendrite_ip: '203.0.113.5',
      bt_header_dendrite_version: '10002000',
      bt_header_dendrite_nonce: '1732000000123456789',
      bt_header_dendrite_uuid: '5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a',
      bt_header_dendrite_hotkey: ALICE,
      bt_header_input_obj_dummy_input: 'MA==',
      header_size: '640',
      total_size: '3014',
      computed_body_hash: 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
    });
    expect(h.bt_header_dendrite_signature).toMatch(/^0x[0-9a-f]{128}$/);
  });

  it('writes the body byte for byte as json.dumps(model_dump()) does, nonce digits exact', async () => {
    const req = await example();
    const expected =
      '{"name": "Dummy", "timeout": 12.0, "total_size": 3014, "header_size": 0, "dendrite": {"status_code": null, "status_message": null, "process_time": null, "ip": "203.0.113.5", "port": null, "version": 10002000, "nonce": 1732000000123456789, "uuid": "5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a", "hotkey": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "signature": "SIG"}, "axon": {"status_code": null, "status_message": null, "process_time": null, "ip": "127.0.0.1", "port": 8091, "version": null, "nonce": null, "uuid": null, "hotkey": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "signature": null}, "computed_body_hash": "", "dummy_input": 7, "dummy_output": null}';
    expect(req.body).toBe(expected.replace('SIG', req.signature));
  });

  it('signs the message of the example with sr25519, verifiable for that message only', async () => {
    await cryptoWaitReady();
    const req = await example();
    expect(req.message).toBe(
      '1732000000123456789.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty.5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a.a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
    );
    expect(signatureVerify(req.message, req.signature, ALICE).isValid).toBe(true);
    expect(signatureVerify(req.message.replace('.5ecbd', '.6ecbd'), req.signature, ALICE).isValid).toBe(false);
    expect(signatureVerify(req.message, req.signature, BOB).isValid).toBe(false);
  });

  it('verifies the signature recorded in the worked example', async () => {
    await cryptoWaitReady();
    const recorded =
      '0xc2c505fd096b37218aaa3d878975efffea020fe0c856b92f8357e564fd191c0de7328197ced12f204be585a4b8c92237818d92ccb021b411d405283042634186';
    const req = await example();
    expect(signatureVerify(req.message, recorded, ALICE).isValid).toBe(true);
    expect(signatureVerify(`${req.message}0`, recorded, ALICE).isValid).toBe(false);
  });

  it('hashes declared hash fields over Python str() of their values', async () => {
    const alice = await signerFromUri('//Alice');
    const req = buildDendriteRequest({
      synapse: {
        kind: 'bittensor-synapse',
        synapse: 'StreamPrompting',
        fields: [{ name: 'messages', type: 'list', required: true }],
        hashFields: ['messages'],
      },
      fields: { messages: ['hello'] },
      timeoutS: 12,
      dendrite: { ip: '127.0.0.1', hotkey: alice.address, uuid: 'u', nonce: 1n, sign: alice.sign },
      axon: { ip: '127.0.0.1', port: 8091, hotkey: BOB },
    });
    expect(req.bodyHash).toBe('e2375691e17272625698e44c2322ea1d64374d5ad46f61f55698aaf0428b8550');
    expect(Object.fromEntries(req.headers).bt_header_input_obj_messages).toBe('W10=');
  });
});
