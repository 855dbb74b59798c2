// Tests of containerSpec: labels, loopback-only port, dropped capabilities, limits, and GPU device requests.
import { describe, expect, it } from 'vitest';
import { containerSpec } from '../../harness/runtime/container-spec.ts';

const base = {
  runId: 'r1',
  subnetId: 'template',
  image: 'minerbench/template:abc',
  port: 8091,
  env: { MINER_HOTKEY_SS58: '5F' },
  memoryMb: 256,
  pidsLimit: 64,
  gpuUuids: [] as string[],
  ownerPid: 4242,
  ownerHost: 'box',
};

describe('containerSpec', () => {
  it('locks the miner down: no capabilities, no new privileges, read-only root, limits, loopback port only', () => {
    const s = containerSpec(base);
    expect(s.Labels).toEqual({
      'minerbench.run': 'r1',
      'minerbench.pid': '4242',
      'minerbench.host': 'box',
      'minerbench.subnet': 'template',
    });
    expect(s.HostConfig).toMatchObject({
      PortBindings: { '8091/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      ReadonlyRootfs: true,
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      PidsLimit: 64,
      Binds: [],
    });
    expect(s.HostConfig?.DeviceRequests).toBeUndefined();
    expect(s.Env).toEqual(['MINER_HOTKEY_SS58=5F']);
  });

  it('passes exactly the assigned GPUs by UUID through the NVIDIA runtime', () => {
    const s = containerSpec({ ...base, gpuUuids: ['GPU-aaa', 'GPU-bbb'], cpusetCpus: '2-7', cpus: 4 });
    expect(s.HostConfig?.DeviceRequests).toEqual([
      { Driver: 'nvidia', DeviceIDs: ['GPU-aaa', 'GPU-bbb'], Capabilities: [['gpu']] },
    ]);
    expect(s.HostConfig).toMatchObject({ CpusetCpus: '2-7', NanoCpus: 4e9 });
  });
});
