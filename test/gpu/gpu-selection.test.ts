// Tests --gpus parsing and resolution against recorded inventories (8x H100, dual RTX 2080 with colliding UUIDs).
import { describe, expect, it } from 'vitest';
import { MinerbenchError } from '../../harness/errors.ts';
import { parseGpuList, withGpuList } from '../../harness/gpu/parse-gpu-list.ts';
import { parseGpuSelection, resolveGpuSelection } from '../../harness/gpu/gpu-selection.ts';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
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

describe('parseGpuSelection', () => {
  it('reads indexes and UUIDs', () => {
    expect(parseGpuSelection('0,3')).toEqual([
      { kind: 'index', index: 0 },
      { kind: 'index', index: 3 },
    ]);
    expect(parseGpuSelection(` ${uuid(2)} , MIG-00000001-0000-0000-0000-000000000001`)).toEqual([
      { kind: 'uuid', uuid: uuid(2) },
      { kind: 'uuid', uuid: 'MIG-00000001-0000-0000-0000-000000000001' },
    ]);
  });

  it('reports every bad token at once', () => {
    const e = caught(() => parseGpuSelection('0,x,-1,0'));
    expect(e.code).toBe('GPU_SELECTION_INVALID');
    expect(e.details).toEqual([
      "'x' is neither a GPU index (0, 1, ...) nor a GPU-/MIG- UUID",
      "'-1' is neither a GPU index (0, 1, ...) nor a GPU-/MIG- UUID",
      "'0' is listed twice",
    ]);
    expect(caught(() => parseGpuSelection(' ')).details).toEqual(['the list is empty']);
  });
});

describeShared('resolveGpuSelection', () => {
  const h100 = parseInventoryXml(readFixture('xml/k8s-test-infra/qx-h100.xml'));

  it("maps --gpus 0,3 to those GPUs' UUIDs", () => {
    expect(resolveGpuSelection(parseGpuSelection('0,3'), h100)).toEqual([
      { index: 0, gpuUuid: uuid(0), migUuid: null, deviceId: uuid(0), name: 'NVIDIA H100 80GB HBM3' },
      { index: 3, gpuUuid: uuid(3), migUuid: null, deviceId: uuid(3), name: 'NVIDIA H100 80GB HBM3' },
    ]);
  });

  it('a GPU index that does not exist names the known GPUs', () => {
    const e = caught(() => resolveGpuSelection(parseGpuSelection('0,9'), h100));
    expect(e.code).toBe('GPU_SELECTION_INVALID');
    expect(e.details).toEqual(['GPU index 9 does not exist']);
    expect(e.message).toContain(
      'GPU index 9 does not exist (known GPUs: 0 (NVIDIA H100 80GB HBM3, GPU-00000000-0000-0000-0000-000000000000); 1 (',
    );
    expect(e.message).toContain(`7 (NVIDIA H100 80GB HBM3, ${uuid(7)})`);
  });

  it('an unknown UUID, and the same GPU twice by index and UUID', () => {
    const e = caught(() =>
      resolveGpuSelection(parseGpuSelection(`GPU-12345678-aaaa-bbbb-cccc-0123456789ab,1,${uuid(1)}`), h100),
    );
    expect(e.details).toEqual([
      'GPU GPU-12345678-aaaa-bbbb-cccc-0123456789ab does not exist',
      `${uuid(1)} (GPU 1) is selected twice`,
    ]);
  });

  it('MIG devices by UUID, with their parent GPU for the sampler', () => {
    const mig = readFixture('captures/linux-x86_64__nvidia-h100-mig__590.48.01.txt');
    const list = parseGpuList(mig.slice(mig.indexOf('# $ nvidia-smi -L'), mig.indexOf('# $ nvidia-smi topo -m')));
    const inv = withGpuList(h100, list);
    expect(resolveGpuSelection(parseGpuSelection('MIG-00000002-0000-0000-0000-000000000002'), inv)).toEqual([
      {
        index: 0,
        gpuUuid: uuid(0),
        migUuid: 'MIG-00000002-0000-0000-0000-000000000002',
        deviceId: 'MIG-00000002-0000-0000-0000-000000000002',
        name: 'NVIDIA H100 80GB HBM3',
      },
    ]);
    expect(
      caught(() => resolveGpuSelection(parseGpuSelection('MIG-00000009-0000-0000-0000-000000000009'), inv)).details,
    ).toEqual(['MIG device MIG-00000009-0000-0000-0000-000000000009 does not exist']);
    expect(
      caught(() => resolveGpuSelection(parseGpuSelection('0,MIG-00000002-0000-0000-0000-000000000002'), inv)).details,
    ).toEqual(['GPU 0 is selected whole and through one of its MIG devices']);
  });

  it('refuses GPUs whose UUIDs collide (scrubbed dual RTX 2080): Docker could not tell them apart', () => {
    const dual = parseInventoryXml(readFixture('xml/telegraf/dual_2080-v13.xml'));
    expect(caught(() => resolveGpuSelection(parseGpuSelection('1'), dual)).details).toEqual([
      'GPU 1: UUID GPU-12345678-aaaa-bbbb-cccc-0123456789ab is reported by GPUs 0, 1, so Docker cannot tell them apart',
    ]);
  });
});
