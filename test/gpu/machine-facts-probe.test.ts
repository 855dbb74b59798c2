// probeMachineFacts end to end: the fake nvidia-smi replays the recorded 8 x H100 XML (../shared/fixtures/gpu), the
// CPU flags come from a cpuinfo file; no nvidia-smi is a fact ("no GPU"), not a crash; NVENC and CC-mode rules.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccModeOf, cpuFromCpuinfo, probeMachineFacts } from '../../harness/gpu/machine-facts-probe.ts';
import { nvencByModel } from '../../harness/gpu/nvenc-by-model.ts';
import { missingShared, sharedFixture } from '../support/shared-fixtures.ts';
import { fakeSmiEnv } from './fixture-paths.ts';

const H100 = 'gpu/xml/k8s-test-infra/qx-h100.xml';
const skip = missingShared(H100);

function cpuinfoFile(text: string): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'mb-cpuinfo-')), 'cpuinfo');
  writeFileSync(f, text);
  return f;
}

describe('probeMachineFacts', () => {
  it.skipIf(skip)('reads GPUs through nvidia-smi and CC flags from cpuinfo', async () => {
    const env = fakeSmiEnv({ FAKE_SMI_XML: sharedFixture(H100) });
    // A hand-made cpuinfo of a TDX guest (two processors, the first one is read).
    const cpuinfo = cpuinfoFile(
      'processor\t: 0\nmodel name\t: Intel(R) Xeon(R) 6960P\nflags\t\t: fpu vme tdx_guest avx512f\n\nprocessor\t: 1\nflags\t\t: fpu\n',
    );
    const f = await probeMachineFacts({
      smi: { env },
      cpuinfoPath: cpuinfo,
      gpuIndices: [0, 1],
      now: () => new Date('2026-11-25T00:00:00Z'),
    });
    expect(f.gpuSource).toBe('nvidia-smi -q -x');
    expect(f.gpus.map((g) => [g.index, g.name, g.ccMode])).toEqual([
      [0, 'NVIDIA H100 80GB HBM3', 'off'],
      [1, 'NVIDIA H100 80GB HBM3', 'off'],
    ]);
    expect(f.cpu).toEqual({ model: 'Intel(R) Xeon(R) 6960P', ccFlags: ['tdx_guest'], source: `${cpuinfo} flags` });
    expect(f.probedAt).toBe('2026-11-25T00:00:00.000Z');
  });

  it('without nvidia-smi the facts say so and list no GPU; an unreadable cpuinfo gives no source', async () => {
    const f = await probeMachineFacts({ smi: { bin: '/nonexistent/nvidia-smi' }, cpuinfoPath: '/nonexistent/cpuinfo' });
    expect(f.gpus).toEqual([]);
    expect(f.gpuSource).toBe('no NVIDIA GPU: nvidia-smi not found');
    expect(f.cpu).toEqual({ model: null, ccFlags: [], source: null });
  });
});

describe('fact rules', () => {
  it('reads CC mode from the protected memory total', () => {
    expect(ccModeOf(0)).toBe('off');
    expect(ccModeOf(73728)).toBe('on');
    expect(ccModeOf(null)).toBeNull();
  });

  it('picks only the confidential-compute CPU flags', () => {
    expect(cpuFromCpuinfo('flags : fpu sev sev_es sev_snp svm\n').ccFlags).toEqual(['sev', 'sev_es', 'sev_snp']);
    expect(cpuFromCpuinfo('no flags line').ccFlags).toEqual([]);
  });

  it('knows NVENC by model where the name decides it, and by open encoder sessions', () => {
    expect(nvencByModel('NVIDIA H100 80GB HBM3').nvenc).toBe(false);
    expect(nvencByModel('NVIDIA A100-SXM4-80GB').nvenc).toBe(false);
    expect(nvencByModel('NVIDIA GeForce GT 1030').nvenc).toBe(false);
    expect(nvencByModel('NVIDIA GeForce RTX 4090').nvenc).toBe(true);
    expect(nvencByModel('NVIDIA L40S').nvenc).toBe(true);
    expect(nvencByModel('NVIDIA A10G').nvenc).toBe(true);
    expect(nvencByModel('Tesla T4').nvenc).toBe(true);
    expect(nvencByModel('Graphics Device').nvenc).toBeNull();
    expect(nvencByModel('Graphics Device', 2)).toEqual({
      nvenc: true,
      source: 'nvidia-smi -q -x: 2 encoder session(s) open',
    });
  });
});
