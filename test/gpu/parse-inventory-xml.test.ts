// Tests parseInventoryXml against every recorded `nvidia-smi -q -x` in ../shared/fixtures/gpu/xml, and on bad input.
import { describe, expect, it } from 'vitest';
import { MinerbenchError } from '../../harness/errors.ts';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
import { describeShared } from '../support/describe-shared.ts';
import { fixtureFiles, readFixture } from './fixture-paths.ts';

const XMLS = fixtureFiles('xml', '.xml');
const inv = (rel: string) => parseInventoryXml(readFixture(`xml/${rel}`));

describeShared('parseInventoryXml on the recordings', () => {
  it('finds all 28 recorded XML files (6 k8s-test-infra, 4 netdata, 18 telegraf)', () => {
    expect(XMLS).toHaveLength(28);
  });

  it.each(XMLS)('reads %s: every <gpu>, each with a name, a UUID and a power block', (rel) => {
    const text = readFixture(rel);
    const i = parseInventoryXml(text);
    expect(i.gpus.length).toBe((text.match(/<gpu id=/g) ?? []).length);
    expect(i.gpus.length).toBeGreaterThan(0);
    for (const g of i.gpus) {
      expect(g.name).toMatch(/\S/);
      expect(g.uuid).toMatch(/^GPU-[0-9a-f-]+$/);
      expect(g.power.source).not.toBeNull();
      // Never a made-up zero: a power figure is either a positive reading or null.
      for (const w of [g.power.drawW, g.power.enforcedLimitW, g.power.defaultLimitW])
        expect(w === null || w > 0).toBe(true);
    }
  });

  it('H100 x8, DTD v13, driver 580: average and instant draw, limits, no MIG, persistence on', () => {
    const i = inv('k8s-test-infra/qx-h100.xml');
    expect(i).toMatchObject({ dtdVersion: 13, driverVersion: '580.105.08', cudaVersion: '13.0', attachedGpus: 8 });
    expect(i.gpus).toHaveLength(8);
    const g = i.gpus[0]!;
    expect(g).toMatchObject({
      index: 0,
      name: 'NVIDIA H100 80GB HBM3',
      uuid: 'GPU-00000000-0000-0000-0000-000000000000',
      pciBusId: '00000000:53:00.0',
      architecture: 'Hopper',
      memoryTotalMiB: 81559,
      persistenceMode: true,
    });
    expect(g.power).toEqual({
      drawW: 68.57,
      averageW: 68.57,
      instantW: 68.92,
      enforcedLimitW: 700,
      requestedLimitW: 700,
      defaultLimitW: 700,
      minLimitW: 200,
      maxLimitW: 700,
      source: 'gpu_power_readings',
    });
    expect(g.mig).toEqual({ current: false, pending: false, devices: [] });
    expect(g.clockReasonsActive).toEqual(['gpu_idle']);
    expect(i.gpus.map((x) => x.uuid)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `GPU-0000000${n}-0000-0000-0000-00000000000${n}`),
    );
  });

  it('A100 on driver 570 (v12): average_power_draw N/A becomes null, instant is the draw', () => {
    const g = inv('k8s-test-infra/qx-a100.xml').gpus[0]!;
    expect(g.name).toBe('NVIDIA A100-SXM4-40GB');
    expect(g.power).toMatchObject({
      drawW: 49.68,
      averageW: null,
      instantW: 49.68,
      enforcedLimitW: 400,
      minLimitW: 100,
    });
    expect(g.virtualizationMode).toBe('Pass-Through'); // a rented VM: the GPU is passed through, not a vGPU
  });

  it('A100 80GB with MIG on (535, v12): four MIG devices from a trimmed capture', () => {
    const i = inv('telegraf/a100-sxm4-v12.xml');
    expect(i.attachedGpus).toBe(4);
    const g = i.gpus[0]!;
    expect(g.uuid).toBe('GPU-513536b6-7d19-9063-b049-1e69664bb298');
    expect(g.power).toMatchObject({ drawW: 67.03, averageW: null, enforcedLimitW: 500, requestedLimitW: 500 });
    expect(g.mig.current).toBe(true);
    expect(g.mig.devices.map((d) => [d.index, d.gpuInstanceId, d.computeInstanceId, d.memoryTotalMiB])).toEqual([
      [0, 3, 0, 19968],
      [1, 4, 0, 19968],
      [2, 5, 0, 19968],
      [3, 6, 0, 19968],
    ]);
    expect(g.mig.devices.every((d) => d.uuid === null)).toBe(true);
  });

  it('A100 40GB with MIG on the pre-535 schema (v11): two MIG devices', () => {
    const g = inv('netdata/a100-sxm4-mig.xml').gpus[0]!;
    expect(g.uuid).toBe('GPU-27b94a00-ed54-5c24-b1fd-1054085de32a');
    expect(g.power).toMatchObject({
      drawW: 66.92,
      enforcedLimitW: 400,
      requestedLimitW: 400,
      source: 'power_readings',
    });
    expect(g.mig.devices.map((d) => [d.index, d.gpuInstanceId, d.multiprocessorCount])).toEqual([
      [0, 1, 42],
      [1, 2, 42],
    ]);
  });

  it('RTX 3090 on 525 (v12 with old names): requested limit 200 W below the 350 W default', () => {
    const g = inv('telegraf/rtx-3090-v12.xml').gpus[0]!;
    expect(g.name).toBe('NVIDIA GeForce RTX 3090');
    expect(g.power).toMatchObject({
      drawW: 27.23,
      enforcedLimitW: 200,
      requestedLimitW: 200,
      defaultLimitW: 350,
      maxLimitW: 375,
    });
  });

  it('RTX 3060 laptop: every power limit N/A becomes null, the draw stays', () => {
    const g = inv('netdata/rtx-3060.xml').gpus[0]!;
    expect(g.power).toMatchObject({
      drawW: 8.7,
      enforcedLimitW: null,
      requestedLimitW: null,
      defaultLimitW: null,
      minLimitW: null,
      maxLimitW: null,
    });
  });

  it('Tesla T4 on 595 (v13): "deprecated" power_state and N/A average are absent, instant is the draw', () => {
    const i = inv('k8s-test-infra/qx-t4.xml');
    expect(i.dtdVersion).toBe(13);
    const g = i.gpus[0]!;
    expect(g.name).toBe('Tesla T4');
    expect(g.power).toMatchObject({ drawW: 33.51, averageW: null, instantW: 33.51, enforcedLimitW: 70 });
    expect(g.mig.current).toBeNull();
  });

  it('Windows RTX 3080 (536, WDDM): processes with names and memory', () => {
    const g = inv('telegraf/rtx-3080-v12.xml').gpus[0]!;
    expect(g.driverModel).toBe('WDDM');
    expect(g.power).toMatchObject({ drawW: 22.78, enforcedLimitW: 336, defaultLimitW: 320 });
    expect(g.processes).toHaveLength(5);
    expect(g.processes[0]).toEqual({
      pid: 835,
      type: 'G',
      name: '/usr/lib/Xorg',
      usedMemoryMiB: 550,
      gpuInstanceId: null,
      computeInstanceId: null,
    });
  });

  it('418-era XML with no DOCTYPE and a hand-trimmed v10 fragment', () => {
    const a = inv('telegraf/gtx-1660-ti.xml');
    expect(a.dtdVersion).toBeNull();
    expect(a.gpus[0]).toMatchObject({ name: 'Graphics Device', architecture: null });
    expect(a.gpus[0]!.power).toMatchObject({ drawW: 8.93, enforcedLimitW: 130 });
    const b = inv('telegraf/gtx-1070-ti.xml');
    expect(b).toMatchObject({ dtdVersion: 10, driverVersion: null });
    expect(b.gpus[0]).toMatchObject({ name: 'GeForce GTX 1070 Ti', uuid: 'GPU-f9ba66fc-a7f5-94c5-da19-019ef2f9c665' });
    expect(b.gpus[0]!.power.drawW).toBeNull();
  });

  it('clock event reasons nvidia-smi reads as N/A are unknown (null), not "none active"', () => {
    // No recording has N/A reasons: the real Tesla T4 (515) inventory, with its reason values edited (labelled here).
    const t4 = readFixture('xml/telegraf/tesla-t4.xml');
    expect(parseInventoryXml(t4).gpus[0]!.clockReasonsActive).toEqual([]); // as recorded: all 'Not Active'
    const allNa = t4.replace(/(<clocks_throttle_reason_\w+>)Not Active</g, '$1N/A<');
    expect(allNa).not.toBe(t4);
    expect(parseInventoryXml(allNa).gpus[0]!.clockReasonsActive).toBeNull();
    const oneNa = t4.replace(
      '<clocks_throttle_reason_sw_power_cap>Not Active<',
      '<clocks_throttle_reason_sw_power_cap>N/A<',
    );
    expect(parseInventoryXml(oneNa).gpus[0]!.clockReasonsActive).toBeNull();
    const block = t4.replace(
      /<clocks_throttle_reasons>[\s\S]*?<\/clocks_throttle_reasons>/,
      '<clocks_throttle_reasons>N/A</clocks_throttle_reasons>',
    );
    expect(block).not.toBe(t4);
    expect(parseInventoryXml(block).gpus[0]!.clockReasonsActive).toBeNull();
    const active = t4.replace(
      '<clocks_throttle_reason_sw_power_cap>Not Active<',
      '<clocks_throttle_reason_sw_power_cap>Active<',
    );
    expect(parseInventoryXml(active).gpus[0]!.clockReasonsActive).toEqual(['sw_power_cap']);
  });

  it('dual RTX 2080 whose scrubbed UUIDs collide: both GPUs kept, a warning says so', () => {
    const i = inv('telegraf/dual_2080-v13.xml');
    expect(i.gpus.map((g) => [g.index, g.pciBusId])).toEqual([
      [0, '00000000:01:00.0'],
      [1, '00000000:02:00.0'],
    ]);
    expect(i.warnings).toEqual([
      'UUID GPU-12345678-aaaa-bbbb-cccc-0123456789ab is reported by GPUs 0, 1; those GPUs can only be told apart by index',
    ]);
  });
});

describe('parseInventoryXml on what is not an inventory', () => {
  it.each([
    [
      'the summary table',
      '+-----------------------------------------------------------------------------------------+\n| NVIDIA-SMI 590.48.01 |',
    ],
    ['an empty reply', ''],
    ['XML that is not nvidia-smi', '<?xml version="1.0"?><html><body/></html>'],
  ])('rejects %s with NVIDIA_SMI_FAILED', (_what, text) => {
    expect(() => parseInventoryXml(text)).toThrow(MinerbenchError);
    try {
      parseInventoryXml(text);
    } catch (e) {
      expect((e as MinerbenchError).code).toBe('NVIDIA_SMI_FAILED');
      expect((e as MinerbenchError).message).toMatch(/^nvidia-smi -q -x printed something unreadable/);
    }
  });
});
