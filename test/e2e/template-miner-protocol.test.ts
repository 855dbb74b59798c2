// The template miner in real Docker answers like a bittensor axon: good requests 200, bad nonce 401, bad body hash 500.
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureVerify } from '@polkadot/util-crypto';
import { replayProfile } from '../../harness/config/replay-profile.ts';
import { loadSubnet } from '../../harness/config/subnet-registry.ts';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { buildDendriteRequest } from '../../harness/transport/dendrite-request.ts';
import { ephemeralKeys, type Signer } from '../../harness/transport/ephemeral-keys.ts';
import { httpExchange, keepAliveDispatcher } from '../../harness/transport/http-exchange.ts';
import { defaultNowNs } from '../../harness/transport/nonce-clock.ts';
import type { MinerEndpoint } from '../../harness/transport/transport.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';

let docker: Docker;
let runtime: DockerRuntime;
let endpoint: MinerEndpoint;
let dendrite: Signer;
let synapse: BittensorSynapseTransport;
const dispatcher = keepAliveDispatcher();
const now = () => performance.now();

beforeAll(async () => {
  docker = await ensureDockerEngine();
  const loaded = await loadSubnet('template');
  const { dir } = loaded;
  const profile = replayProfile(loaded.profile, loaded.file);
  synapse = profile.transport as BittensorSynapseTransport;
  const keys = await ephemeralKeys();
  dendrite = keys.dendrite;
  runtime = new DockerRuntime({
    docker,
    runId: `protocol-${process.pid}`,
    profile,
    pluginDir: dir,
    minerHotkey: keys.miner.address,
    now,
    readyProbe: async (ep) => (await send(ep, { synapse: 'Synapse' })).httpStatus === 200,
  });
  endpoint = await runtime.start(new AbortController().signal);
  await runtime.waitReady(endpoint, new AbortController().signal);
}, 600_000);

afterAll(async () => {
  await runtime?.stop();
  await dispatcher.destroy();
  expect(await minerbenchContainers(docker)).toEqual([]);
});

interface SendOpts {
  synapse?: string;
  nonce?: bigint;
  uuid?: string;
  input?: unknown;
  tamper?: (headers: Array<[string, string]>) => Array<[string, string]>;
  path?: string;
}

async function send(ep: MinerEndpoint, o: SendOpts = {}) {
  const cfg =
    o.synapse === 'Synapse' ? { kind: 'bittensor-synapse' as const, synapse: 'Synapse', fields: [] } : synapse;
  const req = buildDendriteRequest({
    synapse: cfg,
    fields: o.synapse === 'Synapse' ? {} : { dummy_input: o.input ?? 21 },
    timeoutS: 12,
    dendrite: {
      ip: '127.0.0.1',
      hotkey: dendrite.address,
      uuid: o.uuid ?? randomUUID(),
      nonce: o.nonce ?? defaultNowNs(),
      sign: dendrite.sign,
    },
    axon: { ip: ep.host, port: ep.port, hotkey: ep.hotkey },
  });
  const r = await httpExchange({
    dispatcher,
    host: ep.host,
    port: ep.port,
    method: 'POST',
    path: o.path ?? req.path,
    headers: o.tamper ? o.tamper(req.headers) : req.headers,
    body: req.body,
    timeoutMs: 12_000,
    now,
  });
  return { ...r, json: r.body.length ? (JSON.parse(r.body.toString()) as Record<string, unknown>) : null, req };
}

describe('template miner on the wire (real Docker)', () => {
  it('answers a signed Dummy with 200, the full synapse and dummy_output = 2 x input; the signature verifies for its hotkey', async () => {
    const r = await send(endpoint, { input: 21 });
    expect(r.httpStatus).toBe(200);
    expect(r.json).toMatchObject({
      name: 'Dummy',
      dummy_input: 21,
      dummy_output: 42,
      axon: { status_code: 200, status_message: 'Success' },
    });
    expect(r.headers?.bt_header_axon_status_code).toBe('200');
    expect(r.headers?.computed_body_hash).toBe('a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
    expect(signatureVerify(r.req.message, r.req.signature, dendrite.address).isValid).toBe(true);
    expect(r.req.message).toContain(`.${endpoint.hotkey}.`);
  });

  it('refuses a nonce that was already used on the same hotkey:uuid with 401', async () => {
    const uuid = randomUUID();
    const nonce = defaultNowNs();
    expect((await send(endpoint, { uuid, nonce })).httpStatus).toBe(200);
    const again = await send(endpoint, { uuid, nonce });
    expect(again.httpStatus).toBe(401);
    expect(String(again.json?.message)).toContain('Nonce is too old, a newer one was last processed');
    expect(again.headers?.bt_header_axon_status_code).toBe('401');
  });

  it('refuses a first nonce older than 4 s + timeout with 401', async () => {
    const r = await send(endpoint, { nonce: defaultNowNs() - 20_000_000_000n });
    expect(r.httpStatus).toBe(401);
    expect(String(r.json?.message)).toMatch(/Nonce is too old: acceptable delta is 16\.00 seconds/);
  });

  it('answers a body hash that does not match the body with 500', async () => {
    const r = await send(endpoint, {
      tamper: (h) => h.map(([k, v]) => [k, k === 'computed_body_hash' ? '0'.repeat(64) : v]),
    });
    expect(r.httpStatus).toBe(500);
    expect(String(r.json?.message)).toMatch(/^Internal Server Error #[0-9a-f-]{36}$/);
  });

  it('refuses a request without a signature with 401 and an unknown synapse with 404', async () => {
    const unsigned = await send(endpoint, { tamper: (h) => h.filter(([k]) => k !== 'bt_header_dendrite_signature') });
    expect(unsigned.httpStatus).toBe(401);
    const unknown = await send(endpoint, { path: '/Nope' });
    expect(unknown.httpStatus).toBe(404);
    expect(String(unknown.json?.message)).toContain("Synapse name 'Nope' not found");
  });
});
