// Eligibility gates on recorded nvidia-smi output (../shared/fixtures/gpu): an 8 x H100 node passes Lium's model
// gate, a T4 / an A100-40GB are in no Lium table and fail with the models listed, CC mode and NVENC as the XML shows.
import { describe, expect, it } from 'vitest';
import { hardwareRateTableSchema } from '../../../harness/evaluate/incentive/hardware-rate-table.ts';
import { checkEligibility, resolveGates } from '../../../harness/evaluate/eligibility/eligibility-gates.ts';
import { machineFactsFrom } from '../../../harness/gpu/machine-facts-probe.ts';
import { parseInventoryXml } from '../../../harness/gpu/parse-inventory-xml.ts';
import type { MachineFacts } from '../../../harness/model/machine-facts.ts';
import { missingShared, readSharedFixture } from '../../support/shared-fixtures.ts';
import { pluginTable } from '../incentive/law-test-support.ts';

const XML = {
  h100: 'gpu/xml/k8s-test-infra/qx-h100.xml',
  t4: 'gpu/xml/k8s-test-infra/qx-t4.xml',
  l40s: 'gpu/xml/k8s-test-infra/qx-l40s.xml',
  b200: 'gpu/xml/k8s-test-infra/qx-b200.xml',
  a100mig: 'gpu/xml/netdata/a100-sxm4-mig.xml',
  rtx3090: 'gpu/xml/telegraf/3090-v13.xml',
};
const skip = missingShared(...Object.values(XML));

function factsOf(rel: string, cpuinfo: string | null = null): MachineFacts {
  return machineFactsFrom({
    inventory: parseInventoryXml(readSharedFixture(rel)),
    gpuSource: 'nvidia-smi -q -x',
    cpuinfo,
    cpuinfoSource: '/proc/cpuinfo flags',
    probedAt: '2026-11-25T00:00:00Z',
  });
}

const lium = pluginTable('subnets/lium/tables/gpu-rates.json', hardwareRateTableSchema);
// The gates the lium plugin declares (subnets/lium/profile.ts), written out here.
const liumGates = resolveGates(
  [
    { gate: 'min-gpus', min: 1 },
    { gate: 'gpu-model-in-table' },
    { gate: 'idle-utilisation', maxGpuUtilPct: 5, maxMemoryPct: 5 },
    { gate: 'driver', knownFromTable: true, blocking: false },
  ],
  'test',
);

describe.skipIf(skip)('machine facts and gates on recorded nvidia-smi output', () => {
  if (skip) console.log(`skipped: ${skip}`);

  it('reads the recorded 8 x H100 node: names, memory, idle, CC off, no NVENC', () => {
    const f = factsOf(XML.h100);
    expect(f.driverVersion).toBe('580.105.08');
    expect(f.gpus).toHaveLength(8);
    expect(f.gpus[0]).toMatchObject({
      name: 'NVIDIA H100 80GB HBM3',
      memoryTotalMiB: 81559,
      utilizationGpuPct: 0,
      memoryUsedMiB: 0,
      virtualizationMode: 'Pass-Through',
      ccMode: 'off',
      nvenc: false,
      architecture: 'Hopper',
    });
  });

  it("passes Lium's model, count and idle gates; the 580 driver is not in the 2025-08-22 list (a warning)", () => {
    const e = checkEligibility(factsOf(XML.h100), liumGates, lium);
    expect(e.eligible).toBe(true);
    expect(e.gates.map((g) => [g.gate, g.pass])).toEqual([
      ['min-gpus', true],
      ['gpu-model-in-table', true],
      ['idle-utilisation', true],
      ['driver', false],
    ]);
    expect(e.gates[1]!.measured).toBe('NVIDIA H100 80GB HBM3 x8');
    expect(e.gates[3]).toMatchObject({ blocking: false, measured: '580.105.08' });
    expect(e.reasons).toEqual([]);
  });

  it('a T4 is in no Lium table: not eligible, and the reason lists the models', () => {
    const e = checkEligibility(factsOf(XML.t4), liumGates, lium);
    expect(e.eligible).toBe(false);
    expect(e.reasons[0]).toMatch(
      /^GPU model is in the subnet's table: no \(requires one of \(subnets\/lium\/tables\/gpu-rates\.json, read 2025-08-22\): NVIDIA B200, NVIDIA H200, NVIDIA H100 80GB HBM3/,
    );
    expect(e.reasons[0]).toContain('this machine: Tesla T4 x1)');
  });

  it('an A100-SXM4-40GB with MIG (510 driver) is not in the table and its CC mode is unknown', () => {
    const f = factsOf(XML.a100mig);
    expect(f.gpus[0]).toMatchObject({ name: 'NVIDIA A100-SXM4-40GB', ccMode: null, nvenc: false });
    const e = checkEligibility(f, liumGates, lium);
    expect(e.eligible).toBe(false);
    expect(e.gates.find((g) => g.gate === 'gpu-model-in-table')?.pass).toBe(false);
  });

  it('an RTX 3090 is in the Lium table', () => {
    const e = checkEligibility(factsOf(XML.rtx3090), liumGates, lium);
    expect(e.gates.find((g) => g.gate === 'gpu-model-in-table')?.pass).toBe(true);
  });

  it('confidential compute: the recorded H100 node has neither TDX flags nor CC mode', () => {
    const cc = resolveGates([{ gate: 'confidential-compute', cpu: ['tdx'], gpu: true }], 'test');
    const e = checkEligibility(
      factsOf(XML.h100, 'model name\t: Intel Xeon\nflags\t\t: fpu vme sse sse2 avx2\n'),
      cc,
      null,
    );
    expect(e.eligible).toBe(false);
    expect(e.gates[0]!.measured).toBe('CPU flags: none; GPU CC mode: off, off, off, off, off, off, off, off');
    // The same GPUs with a TDX host CPU (hand-made cpuinfo line): the CPU half passes, the GPU half still fails.
    const tdx = checkEligibility(factsOf(XML.h100, 'flags\t\t: fpu tdx_host_platform\n'), cc, null);
    expect(tdx.gates[0]!.measured).toContain('CPU flags: tdx_host_platform');
    expect(tdx.eligible).toBe(false);
  });

  it('NVENC: the L40S has one, the H100 and B200 do not', () => {
    const nv = resolveGates([{ gate: 'nvenc' }], 'test');
    expect(checkEligibility(factsOf(XML.l40s), nv, null).eligible).toBe(true);
    expect(checkEligibility(factsOf(XML.h100), nv, null).eligible).toBe(false);
    expect(checkEligibility(factsOf(XML.b200), nv, null).eligible).toBe(false);
  });

  it("a gate bound to a pool blocks only a machine priced in that pool (Vidaio's NVENC for compression)", () => {
    const nv = resolveGates([{ gate: 'nvenc', pool: 'compression' }], 'test');
    const h100 = factsOf(XML.h100);
    const inCompression = checkEligibility(h100, nv, null, 'compression');
    expect(inCompression.eligible).toBe(false);
    expect(inCompression.reasons[0]).toMatch(/^hardware video encoder \(NVENC\) \(compression pool\): no/);
    const inUpscaling = checkEligibility(h100, nv, null, 'upscaling');
    expect(inUpscaling.eligible).toBe(true);
    expect(inUpscaling.gates[0]).toMatchObject({
      pass: false,
      blocking: false,
      note: 'binds the compression pool only; this machine is priced in upscaling',
    });
    // a law without pools: the gate binds every machine
    expect(checkEligibility(h100, nv, null, null).eligible).toBe(false);
  });

  it('minimum cluster and VRAM on the 8 x B200 node', () => {
    const g = resolveGates(
      [
        { gate: 'min-cluster', min: 8 },
        { gate: 'min-vram', minGiB: 80 },
      ],
      'test',
    );
    const e = checkEligibility(factsOf(XML.b200), g, null);
    expect(e.gates.map((x) => x.pass)).toEqual([true, true]);
    const one = checkEligibility(factsOf(XML.l40s), g, null);
    // One L40S (46068 MiB = 45 GiB): a cluster of 1 < 8 and 45 GiB < 80 GiB.
    expect(one.gates.map((x) => x.pass)).toEqual([false, false]);
  });
});

describe('gate entries', () => {
  it('are validated by their kinds, every problem at once', () => {
    try {
      resolveGates(
        [{ gate: 'min-gpus', min: 0 }, { gate: 'gpu-brand' }, { gate: 'driver' }, { gate: 'nvenc', blockin: false }],
        'subnets/x/profile.ts',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('CONFIG_INVALID');
      expect((e as { details: string[] }).details).toEqual([
        'subnets/x/profile.ts: eligibility.0: min: Too small: expected number to be >=1 (got 0)',
        "subnets/x/profile.ts: eligibility.1.gate: unknown gate 'gpu-brand' (known: min-gpus, gpu-model-in-table, min-vram, min-cluster, idle-utilisation, driver, confidential-compute, nvenc)",
        'subnets/x/profile.ts: eligibility.2: (top level): set minVersion or knownFromTable (got {"gate":"driver"})',
        'subnets/x/profile.ts: eligibility.3: (top level): Unrecognized key: "blockin": blockin (unknown keys are errors; remove or fix the spelling)',
      ]);
    }
  });

  it('no GPU: min-gpus fails with the reason nvidia-smi gave', () => {
    const f = machineFactsFrom({
      inventory: null,
      gpuSource: 'no NVIDIA GPU: nvidia-smi not found',
      cpuinfo: null,
      cpuinfoSource: null,
      probedAt: '2026-11-25T00:00:00Z',
    });
    const e = checkEligibility(f, resolveGates([{ gate: 'min-gpus', min: 1 }], 't'), null);
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(['at least 1 GPU: no (requires 1 or more NVIDIA GPUs; this machine: 0)']);
  });
});
