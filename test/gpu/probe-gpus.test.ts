// Tests probeGpus / readGpuInventory through the real process handling, with the fake nvidia-smi replaying recordings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { MinerbenchError } from '../../harness/errors.ts';
import { probeGpus, readGpuInventory } from '../../harness/gpu/probe-gpus.ts';
import { itShared } from '../support/describe-shared.ts';
import { fakeSmiEnv, fixture } from './fixture-paths.ts';

const MIG_CAPTURE = fixture('captures/linux-x86_64__nvidia-h100-mig__590.48.01.txt');
const H100_XML = fixture('xml/k8s-test-infra/qx-h100.xml');

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(MinerbenchError);
  return (e as MinerbenchError).code;
}

describe('probeGpus', () => {
  itShared('reads the inventory from -q -x and the MIG UUIDs from -L', async () => {
    const p = await probeGpus({ env: fakeSmiEnv({ FAKE_SMI_XML: H100_XML, FAKE_SMI_CAPTURE: MIG_CAPTURE }) });
    if (!p.available) throw new Error(`expected a GPU, got ${p.reason}`);
    expect(p.inventory.gpus).toHaveLength(8);
    expect(p.inventory.gpus[0]!.power.enforcedLimitW).toBe(700);
    expect(p.inventory.gpus[0]!.mig.devices.map((d) => d.uuid)).toEqual([
      'MIG-00000000-0000-0000-0000-000000000000',
      'MIG-00000001-0000-0000-0000-000000000001',
      'MIG-00000002-0000-0000-0000-000000000002',
      'MIG-00000003-0000-0000-0000-000000000003',
    ]);
  });

  it('no nvidia-smi on PATH: available false, no throw', async () => {
    const empty = mkdtempSync(`${tmpdir()}/no-smi-`);
    expect(await probeGpus({ env: { ...process.env, PATH: empty } })).toEqual({
      available: false,
      reason: 'nvidia-smi not found',
    });
    expect(await probeGpus({ bin: `${empty}/nvidia-smi` })).toEqual({
      available: false,
      reason: 'nvidia-smi not found',
    });
    expect(await codeOf(readGpuInventory({ env: { ...process.env, PATH: empty } }))).toBe('GPU_UNAVAILABLE');
  });

  it("driver not loaded: available false with nvidia-smi's own words", async () => {
    const env = fakeSmiEnv({ FAKE_SMI_MODE: 'driver-error' });
    expect(await probeGpus({ env })).toEqual({
      available: false,
      reason:
        "nvidia-smi failed: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
    });
    expect(await codeOf(readGpuInventory({ env }))).toBe('NVIDIA_SMI_FAILED');
  });

  it('driver but no device: no NVIDIA GPU', async () => {
    expect(await probeGpus({ env: fakeSmiEnv({ FAKE_SMI_MODE: 'no-devices' }) })).toEqual({
      available: false,
      reason: 'no NVIDIA GPU',
    });
  });

  itShared('garbage instead of XML (the summary table): a clear NVIDIA_SMI_FAILED', async () => {
    const env = fakeSmiEnv({ FAKE_SMI_MODE: 'table-for-xml', FAKE_SMI_CAPTURE: MIG_CAPTURE });
    const e = await probeGpus({ env }).then(
      () => null,
      (x: unknown) => x as MinerbenchError,
    );
    expect(e?.code).toBe('NVIDIA_SMI_FAILED');
    expect(e?.message).toMatch(
      /^nvidia-smi -q -x printed something unreadable: not XML \(.*\): Tue Jul 14 09:00:26 2026 \+---/,
    );
  });
});
