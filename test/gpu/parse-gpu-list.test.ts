// Tests `nvidia-smi -L` parsing (the only source of MIG UUIDs) and merging it into an inventory.
import { expect, it } from 'vitest';
import { parseGpuList, withGpuList } from '../../harness/gpu/parse-gpu-list.ts';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
import { describeShared } from '../support/describe-shared.ts';
import { readFixture } from './fixture-paths.ts';

function listSection(capture: string): string {
  const text = readFixture(capture);
  return text.slice(text.indexOf('# $ nvidia-smi -L'), text.indexOf('# $ nvidia-smi topo -m'));
}

describeShared('parseGpuList', () => {
  it('H100 with MIG: one GPU and four MIG devices with profiles', () => {
    const l = parseGpuList(listSection('captures/linux-x86_64__nvidia-h100-mig__590.48.01.txt'));
    expect(l).toEqual([
      {
        index: 0,
        name: 'NVIDIA H100 80GB HBM3',
        uuid: 'GPU-00000000-0000-0000-0000-000000000000',
        mig: [
          { profile: '3g.40gb', index: 0, uuid: 'MIG-00000000-0000-0000-0000-000000000000' },
          { profile: '2g.20gb', index: 1, uuid: 'MIG-00000001-0000-0000-0000-000000000001' },
          { profile: '1g.10gb', index: 2, uuid: 'MIG-00000002-0000-0000-0000-000000000002' },
          { profile: '1g.10gb', index: 3, uuid: 'MIG-00000003-0000-0000-0000-000000000003' },
        ],
      },
    ]);
  });

  it('L40S: one GPU, no MIG', () => {
    expect(parseGpuList(listSection('captures/linux-x86_64__nvidia-l40s__595.80.txt'))).toEqual([
      { index: 0, name: 'NVIDIA L40S', uuid: 'GPU-00000000-0000-0000-0000-000000000000', mig: [] },
    ]);
  });

  it('merges MIG UUIDs into the GPU with the same UUID and index', () => {
    // Two recordings from different machines whose masked UUIDs coincide (GPU-00000000-...): only the merge is tested.
    const inv = parseInventoryXml(readFixture('xml/k8s-test-infra/qx-h100.xml'));
    const merged = withGpuList(inv, parseGpuList(listSection('captures/linux-x86_64__nvidia-h100-mig__590.48.01.txt')));
    expect(merged.gpus[0]!.mig.devices.map((d) => [d.index, d.profile, d.uuid])).toEqual([
      [0, '3g.40gb', 'MIG-00000000-0000-0000-0000-000000000000'],
      [1, '2g.20gb', 'MIG-00000001-0000-0000-0000-000000000001'],
      [2, '1g.10gb', 'MIG-00000002-0000-0000-0000-000000000002'],
      [3, '1g.10gb', 'MIG-00000003-0000-0000-0000-000000000003'],
    ]);
    expect(merged.gpus[1]!.mig.devices).toEqual([]);
    expect(inv.gpus[0]!.mig.devices).toEqual([]);
  });
});
