// Nested pydantic fields in a synapse body and its hash (bittensor.md 1.3-1.4), worked by hand, then checked by Python.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { synapseClassSchema, type SynapseField } from '../../harness/config/subnet-profile.ts';
import { sha3Hex } from '../../harness/transport/body-hash.ts';
import { buildDendriteRequest } from '../../harness/transport/dendrite-request.ts';
import { signerFromUri } from '../../harness/transport/ephemeral-keys.ts';
import { pythonJsonLoads } from '../../harness/transport/python-json-loads.ts';
import { pythonStr } from '../../harness/transport/python-str.ts';
import { dumpSynapseFields, emptyInstanceJson } from '../../harness/transport/synapse-fields.ts';

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const URL_A = 'http://172.17.0.1:9000/clips/a.mp4';

// The shape of vidaio's VideoCompressionProtocol (subnets.md 2.4), declared as a profile would declare it.
const PAYLOAD: SynapseField = {
  name: 'miner_payload',
  type: 'model',
  fields: [
    { name: 'reference_video_urls', type: 'list', items: 'str', default: [] },
    { name: 'reference_video_url', type: 'str', default: '' },
    { name: 'vmaf_threshold', type: 'float', default: 90 },
    { name: 'vmaf_thresholds', type: 'list', items: 'float', default: [] },
    { name: 'target_codec', type: 'str', default: 'av1' },
    { name: 'codec_mode', type: 'str', default: 'CRF' },
    { name: 'target_bitrate', type: 'float', default: 10 },
  ],
};
const COMPRESSION = {
  synapse: 'VideoCompressionProtocol',
  fields: [
    {
      name: 'version',
      type: 'model',
      default: null,
      fields: [
        { name: 'major', type: 'int', required: true },
        { name: 'minor', type: 'int', required: true },
        { name: 'patch', type: 'int', required: true },
      ],
    },
    { name: 'round_id', type: 'str', default: null },
    PAYLOAD,
    {
      name: 'miner_response',
      type: 'model',
      fields: [
        { name: 'optimized_video_urls', type: 'list', items: 'str', default: [] },
        { name: 'optimized_video_url', type: 'str', default: '' },
      ],
    },
  ],
} satisfies { synapse: string; fields: SynapseField[] };

describe('dumpSynapseFields (model_dump of nested models)', () => {
  it('orders nested keys as declared, fills defaults, types floats, drops undeclared keys', () => {
    const out = dumpSynapseFields(COMPRESSION.fields, {
      // given in another order, with integers where pydantic holds floats, and a key the model does not declare
      miner_payload: { target_codec: 'hevc', reference_video_urls: [URL_A], vmaf_thresholds: [89], junk: 1 },
      round_id: 'r-1',
    });
    // json.dumps writes the nested dicts in declaration order; 90 -> 90.0, [89] -> [89.0], 10 -> 10.0 (float fields);
    // version stays None (its default), miner_response is built from its own defaults (default_factory=MinerResponse).
    expect(JSON.stringify(Object.keys(out))).toBe('["version","round_id","miner_payload","miner_response"]');
    expect(pythonStr(out.miner_payload)).toBe(
      `{'reference_video_urls': ['${URL_A}'], 'reference_video_url': '', 'vmaf_threshold': 90.0, ` +
        `'vmaf_thresholds': [89.0], 'target_codec': 'hevc', 'codec_mode': 'CRF', 'target_bitrate': 10.0}`,
    );
    expect(pythonStr(out.miner_response)).toBe("{'optimized_video_urls': [], 'optimized_video_url': ''}");
    expect(out.version).toBeNull();
  });

  it('reads PyDict values (a captured line) in their own order and keeps Python floats', () => {
    const parsed = pythonJsonLoads('{"miner_payload": {"target_bitrate": 5.0, "vmaf_threshold": 93.5}}');
    const body = Object.fromEntries((parsed as { entries: Array<[string, unknown]> }).entries);
    const out = dumpSynapseFields([PAYLOAD], body);
    expect(pythonStr(out.miner_payload)).toBe(
      "{'reference_video_urls': [], 'reference_video_url': '', 'vmaf_threshold': 93.5, 'vmaf_thresholds': [], " +
        "'target_codec': 'av1', 'codec_mode': 'CRF', 'target_bitrate': 5.0}",
    );
  });

  it('dumps a list of models item by item', () => {
    const field: SynapseField = {
      name: 'items',
      type: 'list',
      items: 'model',
      fields: [
        { name: 'a', type: 'float', default: 0 },
        { name: 'b', type: 'str', default: 'x' },
      ],
    };
    expect(pythonStr(dumpSynapseFields([field], { items: [{ b: 'y', a: 2 }, {}] }).items)).toBe(
      "[{'a': 2.0, 'b': 'y'}, {'a': 0.0, 'b': 'x'}]",
    );
  });

  it('gives a required model the header value of an empty dict (type(dict)() is {})', () => {
    expect(emptyInstanceJson({ name: 'm', type: 'model', fields: [] })).toBe('{}');
    expect(emptyInstanceJson({ name: 'l', type: 'list', items: 'float' })).toBe('[]');
  });

  it('refuses a model without fields and fields on a scalar, naming the rule', () => {
    const bad = synapseClassSchema.safeParse({
      synapse: 'X',
      fields: [
        { name: 'm', type: 'model' },
        { name: 's', type: 'str', fields: [] },
        { name: 'i', type: 'int', items: 'int' },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      "fields.0: a field of type 'model' (or a list with items 'model') declares its nested `fields`, and no other does",
      "fields.1: a field of type 'model' (or a list with items 'model') declares its nested `fields`, and no other does",
      "fields.2: `items` is only for type 'list'",
    ]);
  });
});

async function nestedRequest(hashFields: string[]) {
  const alice = await signerFromUri('//Alice');
  return buildDendriteRequest({
    synapse: { ...COMPRESSION, hashFields },
    fields: {
      version: { major: 1, minor: 2, patch: 3 },
      round_id: 'r-1',
      miner_payload: { reference_video_urls: [URL_A], reference_video_url: URL_A, vmaf_threshold: 89 },
    },
    timeoutS: 180,
    dendrite: { ip: '127.0.0.1', hotkey: alice.address, uuid: 'u-1', nonce: 1732000000123456789n, sign: alice.sign },
    axon: { ip: '127.0.0.1', port: 8091, hotkey: BOB },
    headerSize: 640,
    totalSize: 3014,
  });
}

describe('buildDendriteRequest with nested models', () => {
  it('writes the nested body as json.dumps(model_dump()) does', async () => {
    const req = await nestedRequest([]);
    const tail =
      `"computed_body_hash": "", "version": {"major": 1, "minor": 2, "patch": 3}, "round_id": "r-1", ` +
      `"miner_payload": {"reference_video_urls": ["${URL_A}"], "reference_video_url": "${URL_A}", ` +
      `"vmaf_threshold": 89.0, "vmaf_thresholds": [], "target_codec": "av1", "codec_mode": "CRF", ` +
      `"target_bitrate": 10.0}, "miner_response": {"optimized_video_urls": [], "optimized_video_url": ""}}`;
    expect(req.body.endsWith(tail)).toBe(true);
    expect(req.body.startsWith('{"name": "VideoCompressionProtocol", "timeout": 180.0,')).toBe(true);
    // No hash fields (vidaio declares none): sha3_256('') as for every synapse without them.
    expect(req.bodyHash).toBe('a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
    // No field is required, so there is no bt_header_input_obj_* header.
    expect(req.headers.filter(([k]) => k.startsWith('bt_header_input_obj_'))).toEqual([]);
  });

  it('hashes a nested hash field over Python str() of the dict (worked by hand)', async () => {
    const req = await nestedRequest(['miner_payload', 'version']);
    // str(d['miner_payload']) and str(d['version']), written out by hand from the rules in bittensor.md 1.4:
    const payloadStr =
      `{'reference_video_urls': ['${URL_A}'], 'reference_video_url': '${URL_A}', 'vmaf_threshold': 89.0, ` +
      `'vmaf_thresholds': [], 'target_codec': 'av1', 'codec_mode': 'CRF', 'target_bitrate': 10.0}`;
    const versionStr = "{'major': 1, 'minor': 2, 'patch': 3}";
    expect(req.bodyHash).toBe(sha3Hex(sha3Hex(payloadStr) + sha3Hex(versionStr)));
  });

  it("agrees with Python's json and str() on the same body (Debian python3, hashlib)", async (ctx) => {
    const req = await nestedRequest(['miner_payload', 'version', 'miner_response']);
    const script = [
      'import hashlib, json, sys',
      'body = sys.stdin.read()',
      'd = json.loads(body)',
      'h = lambda t: hashlib.sha3_256(t.encode()).hexdigest()',
      "print(h(''.join(h(str(d[f])) for f in ['miner_payload', 'version', 'miner_response'])))",
      "print('same' if json.dumps(d) == body else 'differs')",
    ].join('\n');
    const r = spawnSync('python3', ['-c', script], { input: req.body, encoding: 'utf8' });
    if (r.error) return ctx.skip('python3 is not installed');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([req.bodyHash, 'same']);
  });
});
