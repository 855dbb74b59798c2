// runnerSpec: the runner gets the host's socket, GPUs, host network and PIDs; no key travels; miners never get the socket.
import { describe, expect, it } from 'vitest';
import { runnerSpec } from '../../harness/fleet/runner-spec.ts';
import { containerSpec } from '../../harness/runtime/container-spec.ts';

const job = { key: 'template/smoke/1', subnet: 'template', scenario: 'smoke', repeat: 1, options: { queries: 40 } };

describe('runnerSpec', () => {
  it('mounts the engine socket into the runner, on the host network and PID namespace, locked down otherwise', () => {
    const s = runnerSpec({
      machine: 'gpu-a',
      night: '2026-11-20',
      image: 'minerbench/runner:abc',
      jobs: [job],
      hostSocket: '/run/docker.sock',
      gpus: ['0', 'GPU-1234'],
    });
    expect(s.HostConfig).toMatchObject({
      Binds: ['/run/docker.sock:/var/run/docker.sock'],
      NetworkMode: 'host',
      PidMode: 'host',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      DeviceRequests: [{ Driver: 'nvidia', DeviceIDs: ['0', 'GPU-1234'], Capabilities: [['gpu', 'utility']] }],
    });
    expect(s.Labels).toEqual({ 'minerbench.fleet.machine': 'gpu-a', 'minerbench.fleet.night': '2026-11-20' });
    expect(s.Env).toEqual([`MINERBENCH_FLEET_JOBS=${JSON.stringify([job])}`, 'MINERBENCH_MACHINE_NAME=gpu-a']);
    expect(s.Cmd).toEqual(['fleet', 'runner', '--out', '/out']);
  });

  it('all GPUs is a count request; no GPUs is no request', () => {
    expect(
      runnerSpec({ machine: 'a', night: 'n', image: 'i', jobs: [], hostSocket: '/s', gpus: 'all' }).HostConfig!
        .DeviceRequests,
    ).toEqual([{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu', 'utility']] }]);
    expect(
      runnerSpec({ machine: 'a', night: 'n', image: 'i', jobs: [], hostSocket: '/s', gpus: [] }).HostConfig!
        .DeviceRequests,
    ).toBeUndefined();
  });

  it('the miners the runner starts get no socket, no bind mount at all, and no published port (their run network only)', () => {
    const miner = containerSpec({
      runId: 'r',
      subnetId: 'template',
      image: 'i',
      port: 8091,
      env: {},
      memoryMb: 256,
      pidsLimit: 64,
      gpuUuids: [],
      network: 'minerbench-r',
      user: undefined,
      owner: { pid: 1, host: 'h', startTime: '5' },
    });
    expect(miner.HostConfig!.Binds).toEqual([]);
    expect(JSON.stringify(miner)).not.toContain('docker.sock');
    expect(miner.HostConfig!.PortBindings).toBeUndefined();
    expect(miner.HostConfig!.NetworkMode).toBe('minerbench-r');
  });
});
