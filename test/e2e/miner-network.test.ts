// The miner's network on the real engine: isolated by default (no route out), the harness still reaches it, egress
// only when asked, a non-root user for an image without USER, capped logs, and nothing left behind.
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayProfile } from '../../harness/config/replay-profile.ts';
import { loadSubnet } from '../../harness/config/subnet-registry.ts';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { minerNetworkMode } from '../../harness/runtime/runtime-options.ts';
import { ephemeralKeys } from '../../harness/transport/ephemeral-keys.ts';
import { createTransport } from '../../harness/transport/transport-registry.ts';
import { ensureDockerEngine, execIn, minerbenchNetworks } from '../support/docker-engine.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/subnets');
const TEST_LABEL = 'minerbench.test';
let docker: Docker;
let target: Docker.Container | undefined;
/** An "outside" service: published on this host's non-loopback address, so reaching it takes a route out of the network. */
let outside: { host: string; port: number } | undefined;

/** This host's first non-loopback IPv4 address that is not a Docker bridge's. */
function hostAddress(): string | undefined {
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    if (/^(docker|br-|mbr-|veth|lo)/.test(name)) continue;
    const a = addrs?.find((x) => x.family === 'IPv4' && !x.internal);
    if (a) return a.address;
  }
  return undefined;
}

beforeAll(async () => {
  docker = await ensureDockerEngine();
  const host = hostAddress();
  if (!host) return;
  target = await docker.createContainer({
    Image: 'minerbench/python-base:bookworm',
    Cmd: ['python3', '-m', 'http.server', '8000'],
    Labels: { [TEST_LABEL]: 'miner-network' },
    ExposedPorts: { '8000/tcp': {} },
    HostConfig: { PortBindings: { '8000/tcp': [{ HostIp: host, HostPort: '' }] }, AutoRemove: false },
  });
  await target.start();
  const port = Number((await target.inspect()).NetworkSettings.Ports['8000/tcp']![0]!.HostPort);
  outside = { host, port };
}, 600_000);

afterAll(async () => {
  await target?.remove({ force: true });
});

async function runtimeFor(subnet: string, runId: string, egress: boolean) {
  const loaded = await loadSubnet(subnet, subnet === 'template' ? undefined : FIXTURES);
  const { dir } = loaded;
  const profile = replayProfile(loaded.profile, loaded.file);
  const keys = await ephemeralKeys();
  const transport = createTransport(profile.transport, { signer: keys.dendrite });
  const runtime = new DockerRuntime({
    docker,
    runId,
    profile,
    pluginDir: dir,
    minerHotkey: keys.miner.address,
    baseImage: 'minerbench/python-base:bookworm',
    network: minerNetworkMode(profile.miner.network, egress),
    readyProbe: async (ep) =>
      (
        await transport.send({ t: 0, synapse: 'Synapse', body: {}, line: 0 }, ep, {
          timeoutS: 2,
          now: () => 0,
          session: 'ready',
        })
      ).status === 'ok',
    now: () => 0,
  });
  return { runtime, transport, profile };
}

/** Tries a TCP connection from inside the miner's container (python3 is in the template image). */
async function connectFromMiner(runtime: DockerRuntime, host: string, port: number): Promise<string> {
  const c = docker.getContainer(runtime.describe().container!.id);
  const r = await execIn(c, [
    'python3',
    '-c',
    `import socket\ns=socket.socket(); s.settimeout(3)\ntry:\n  s.connect((${JSON.stringify(host)}, ${port})); print('connected')\nexcept Exception as e:\n  print('failed', type(e).__name__)`,
  ]);
  return r.output.trim();
}

describe('the miner network (real engine)', () => {
  it('by default: an internal network; the harness answers the miner, the miner reaches nothing outside', async () => {
    const runId = `net-isolated-${process.pid}`;
    const { runtime, transport } = await runtimeFor('template', runId, false);
    try {
      const ep = await runtime.start(new AbortController().signal);
      await runtime.waitReady(ep, new AbortController().signal);
      // The harness reaches the miner at its address on the run's network and gets the right answer: 2 x 21 = 42.
      const o = await transport.send({ t: 0, synapse: 'Dummy', body: { dummy_input: 21 }, line: 1 }, ep, {
        timeoutS: 5,
        now: () => 0,
        session: 'measure',
      });
      expect(o.status).toBe('ok');
      const info = runtime.describe();
      expect(info.network).toEqual({
        mode: 'isolated',
        name: `minerbench-${runId}`,
        from: 'the default (no route out)',
      });
      const inspected = await docker.getContainer(info.container!.id).inspect();
      expect(Object.keys(inspected.NetworkSettings.Networks)).toEqual([`minerbench-${runId}`]);
      expect(inspected.NetworkSettings.Ports).toEqual({});
      expect(((await docker.getNetwork(`minerbench-${runId}`).inspect()) as { Internal: boolean }).Internal).toBe(true);
      expect(inspected.HostConfig.LogConfig).toEqual({
        Type: 'json-file',
        Config: { 'max-size': '20m', 'max-file': '3' },
      });
      if (!outside)
        return console.warn('[skip] no non-loopback IPv4 address on this host: outside reachability not tried');
      expect(await connectFromMiner(runtime, outside.host, outside.port)).toMatch(/^failed (TimeoutError|timeout)$/);
    } finally {
      transport.close();
      await runtime.stop();
    }
    expect((await minerbenchNetworks(docker)).filter((n) => n.Name === `minerbench-${runId}`)).toEqual([]);
  }, 300_000);

  it('with --miner-egress: the same service outside is reachable, and the result says egress was asked for', async () => {
    if (!outside) return console.warn('[skip] no non-loopback IPv4 address on this host');
    const runId = `net-egress-${process.pid}`;
    const { runtime, transport } = await runtimeFor('template', runId, true);
    try {
      const ep = await runtime.start(new AbortController().signal);
      await runtime.waitReady(ep, new AbortController().signal);
      expect(runtime.describe().network).toEqual({
        mode: 'egress',
        name: `minerbench-${runId}`,
        from: '--miner-egress',
      });
      expect(await connectFromMiner(runtime, outside.host, outside.port)).toBe('connected');
    } finally {
      transport.close();
      await runtime.stop();
    }
    expect((await minerbenchNetworks(docker)).filter((n) => n.Name === `minerbench-${runId}`)).toEqual([]);
  }, 300_000);

  it('runs a miner from a Dockerfile without USER as 10001:10001, and removes everything when it never gets ready', async () => {
    const runId = `net-user-${process.pid}`;
    const { runtime, transport } = await runtimeFor('never-ready', runId, false);
    try {
      const ep = await runtime.start(new AbortController().signal);
      const c = docker.getContainer(runtime.describe().container!.id);
      expect((await c.inspect()).Config.User).toBe('10001:10001');
      expect((await execIn(c, ['id', '-u'])).output.trim()).toBe('10001');
      expect(runtime.describe().user).toEqual({
        id: '10001:10001',
        root: false,
        from: "minerbench's default (the image sets no USER)",
      });
      await expect(runtime.waitReady(ep, new AbortController().signal)).rejects.toThrow(/never became ready/);
    } finally {
      transport.close();
      await runtime.stop();
    }
    expect(await runtime.logs()).toContain('fatal: CUDA device not found');
    expect((await docker.listContainers({ all: true, filters: { label: [`minerbench.run=${runId}`] } })).length).toBe(
      0,
    );
    expect((await minerbenchNetworks(docker)).filter((n) => n.Name === `minerbench-${runId}`)).toEqual([]);
  }, 300_000);

  it('keeps the start and the end of a 40 MB miner log and says what was cut (never an empty miner.log)', async () => {
    const runId = `net-chatty-${process.pid}`;
    const { runtime, transport } = await runtimeFor('chatty', runId, false);
    try {
      await runtime.start(new AbortController().signal);
      for (let i = 0; i < 300 && !(await runtime.logs()).includes('last line'); i++)
        await new Promise((r) => setTimeout(r, 200));
    } finally {
      transport.close();
      await runtime.stop();
    }
    const log = await runtime.logs();
    // 'first line\n' (11) + 40000 x 1024 + 'last line\n' (10) = 40,960,021 bytes; 16 MiB (16,777,216) kept
    expect(runtime.describe().logCutBytes).toBe(40_960_021 - 16_777_216);
    expect(log.startsWith('first line\n')).toBe(true);
    expect(log.endsWith('last line\n')).toBe(true);
    expect(log).toContain("[minerbench: 24182805 bytes of the miner's output cut here; 40960021 bytes in all");
  }, 300_000);
});
