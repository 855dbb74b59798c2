// Tests GpuAssigner, pickFreeGpus and dockerDeviceRequests on recorded inventories.
import { describe, expect, it } from 'vitest';
import { MinerbenchError } from '../../harness/errors.ts';
import { dockerDeviceRequests } from '../../harness/gpu/docker-device-requests.ts';
import { GpuAssigner } from '../../harness/gpu/gpu-assigner.ts';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
import { pickFreeGpus } from '../../harness/gpu/pick-free-gpus.ts';
import { describeShared } from '../support/describe-shared.ts';
import { readFixture } from './fixture-paths.ts';

const uuid = (n: number) => `GPU-0000000${n}-0000-0000-0000-00000000000${n}`;

function caught(f: () => unknown): MinerbenchError {
  try {
    f();
  } catch (e) {
    if (e instanceof MinerbenchError) return e;
    throw e;
  }
  throw new Error('expected a MinerbenchError');
}

describeShared('GpuAssigner and dockerDeviceRequests on recorded inventories', () => {
  const h100 = parseInventoryXml(readFixture('xml/k8s-test-infra/qx-h100.xml'));

  describe('GpuAssigner', () => {
    it('gives two runs different GPUs and takes them back on release', () => {
      const a = new GpuAssigner();
      const r1 = a.assign('run-1', h100, { count: 2 });
      expect(r1.deviceIds).toEqual([uuid(0), uuid(1)]);
      expect(r1.samplerUuids).toEqual([uuid(0), uuid(1)]);
      const r2 = a.assign('run-2', h100, { count: 3 });
      expect(r2.deviceIds).toEqual([uuid(2), uuid(3), uuid(4)]);
      expect(a.holderOf(uuid(3))).toBe('run-2');
      const e = caught(() => a.assign('run-3', h100, { count: 4 }));
      expect(e.code).toBe('GPU_UNAVAILABLE');
      expect(e.message).toBe('needs 4 free GPUs but 3 of 8 are free');
      expect(e.details.slice(0, 2)).toEqual([
        'GPU 0 (NVIDIA H100 80GB HBM3): assigned to run run-1',
        'GPU 1 (NVIDIA H100 80GB HBM3): assigned to run run-1',
      ]);
      a.release('run-1');
      expect(a.assign('run-3', h100, { count: 4 }).deviceIds).toEqual([uuid(0), uuid(1), uuid(5), uuid(6)]);
    });

    it('--gpus naming a GPU another run holds is GPU_UNAVAILABLE', () => {
      const a = new GpuAssigner();
      a.assign('run-1', h100, { gpus: '3' });
      const e = caught(() => a.assign('run-2', h100, { gpus: `2,${uuid(3)}` }));
      expect(e.code).toBe('GPU_UNAVAILABLE');
      expect(e.message).toBe(`GPU 3 (${uuid(3)}) is assigned to run run-1`);
    });

    it('a GPU with running processes is not free; naming it explicitly works with a warning', () => {
      const t4 = parseInventoryXml(readFixture('xml/telegraf/tesla-t4.xml'));
      expect(t4.gpus[0]!.processes).toHaveLength(2);
      const e = caught(() => pickFreeGpus(t4, 1, new Map()));
      expect(e.code).toBe('GPU_UNAVAILABLE');
      expect(e.message).toBe('needs 1 free GPU but 0 of 1 are free');
      expect(e.details[0]).toMatch(/^GPU 0 \(Tesla T4\): busy: 2 process\(es\) running \(/);
      const got = new GpuAssigner().assign('run-1', t4, { gpus: '0' });
      expect(got.deviceIds).toEqual(['GPU-d37e67a5-91dd-3774-a5cb-99096249601a']);
      expect(got.warnings).toEqual(['GPU 0 already runs 2 other process(es); its energy figures include them']);
    });

    it('a MIG-enabled GPU is not handed out whole', () => {
      const mig = parseInventoryXml(readFixture('xml/netdata/a100-sxm4-mig.xml'));
      const e = caught(() => pickFreeGpus(mig, 1, new Map()));
      expect(e.details).toEqual([
        'GPU 0 (NVIDIA A100-SXM4-40GB): MIG mode is on (select one of its MIG devices by UUID instead)',
      ]);
    });

    it('a profile needing no GPU gets none', () => {
      const r = new GpuAssigner().assign('cpu-run', h100, { count: 0 });
      expect(r.deviceIds).toEqual([]);
      expect(dockerDeviceRequests(r.deviceIds)).toEqual([]);
    });
  });

  describe('dockerDeviceRequests', () => {
    it('asks the nvidia driver for exactly the assigned UUIDs', () => {
      const r = new GpuAssigner().assign('run-1', h100, { gpus: '0,3' });
      expect(dockerDeviceRequests(r.deviceIds)).toEqual([
        { Driver: 'nvidia', DeviceIDs: [uuid(0), uuid(3)], Capabilities: [['gpu']] },
      ]);
    });
  });
});
