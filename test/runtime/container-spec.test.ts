// Tests of containerSpec: labels, its run's network only, a non-root user, capped logs, dropped capabilities, limits, GPUs.
import { describe, expect, it } from 'vitest';
import { containerSpec, isRootUser, minerUser } from '../../harness/runtime/container-spec.ts';

const base = {
  runId: 'r1',
  subnetId: 'template',
  image: 'minerbench/template:abc',
  port: 8091,
  env: { MINER_HOTKEY_SS58: '5F' },
  memoryMb: 256,
  pidsLimit: 64,
  gpuUuids: [] as string[],
  network: 'minerbench-r1',
  user: '10001:10001',
  owner: { pid: 4242, host: 'box', startTime: '987' },
};

describe('containerSpec', () => {
  it('locks the miner down: no capabilities, no new privileges, read-only root, limits, no published port', () => {
    const s = containerSpec(base);
    expect(s.Labels).toEqual({
      'minerbench.run': 'r1',
      'minerbench.pid': '4242',
      'minerbench.host': 'box',
      'minerbench.owner-start': '987',
      'minerbench.subnet': 'template',
    });
    expect(s.User).toBe('10001:10001');
    expect(s.HostConfig).toMatchObject({
      NetworkMode: 'minerbench-r1',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      ReadonlyRootfs: true,
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      PidsLimit: 64,
      Binds: [],
      // 3 files of 20 MB at most: 60 MB of a miner's output on the engine's disk
      LogConfig: { Type: 'json-file', Config: { 'max-size': '20m', 'max-file': '3' } },
    });
    expect(s.HostConfig?.PortBindings).toBeUndefined();
    expect(s.NetworkingConfig).toEqual({ EndpointsConfig: { 'minerbench-r1': { Aliases: ['miner'] } } });
    expect(s.HostConfig?.DeviceRequests).toBeUndefined();
    expect(s.Env).toEqual(['MINER_HOTKEY_SS58=5F']);
  });

  it("keeps the image's own user when asked to (no User key)", () => {
    expect('User' in containerSpec({ ...base, user: undefined })).toBe(false);
  });

  it('passes exactly the assigned GPUs by UUID through the NVIDIA runtime', () => {
    const s = containerSpec({ ...base, gpuUuids: ['GPU-aaa', 'GPU-bbb'], cpusetCpus: '2-7', cpus: 4 });
    expect(s.HostConfig?.DeviceRequests).toEqual([
      { Driver: 'nvidia', DeviceIDs: ['GPU-aaa', 'GPU-bbb'], Capabilities: [['gpu']] },
    ]);
    expect(s.HostConfig).toMatchObject({ CpusetCpus: '2-7', NanoCpus: 4e9 });
  });
});

describe('minerUser', () => {
  it('reads root in every spelling Docker accepts', () => {
    expect(['', 'root', '0', '0:0', 'root:root', '0:1000'].map((u) => isRootUser(u))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['miner', '1000', '10001:10001', 'rooted'].map((u) => isRootUser(u))).toEqual([false, false, false, false]);
  });

  it('gives an image without USER (or with USER root) 10001:10001, and keeps a non-root USER', () => {
    expect(minerUser(undefined, '')).toEqual({
      value: '10001:10001',
      id: '10001:10001',
      root: false,
      from: "minerbench's default (the image sets no USER)",
    });
    expect(minerUser(undefined, 'root').from).toBe("minerbench's default (the image USER is root)");
    expect(minerUser(undefined, 'miner')).toEqual({
      value: undefined,
      id: 'miner',
      root: false,
      from: 'the image USER',
    });
  });

  it('runs as root only when the profile says so, and says so', () => {
    expect(minerUser('root', 'miner')).toEqual({
      value: 'root',
      id: 'root',
      root: true,
      from: "the profile's miner.user: root",
    });
  });
});
