// Tests the figures the index stores and reports compare, read from the golden results.
import { describe, expect, it } from 'vitest';
import { itShared } from '../support/describe-shared.ts';
import { machineIdentity } from '../../harness/results/machine-identity.ts';
import { runFigures, THROUGHPUT_NOISE } from '../../harness/evaluate/run-figures.ts';
import { readGolden } from '../fixtures/results/synthetic-results.ts';

describe('runFigures', () => {
  it('a CPU run has latency, capacity, quality and errors, and no energy or earnings figures', () => {
    const r = readGolden('cpu');
    const f = runFigures(r);
    expect(Object.keys(f).sort()).toEqual(['capacityQps', 'errorRate', 'p50Ms', 'p99Ms', 'p99OfTimeout', 'quality']);
    expect(f.p99Ms!.value).toBe(r.latency!.p99Ms);
    expect(f.p99Ms!.lo).toBeLessThanOrEqual(f.p99Ms!.value);
    expect(f.p99OfTimeout!.value).toBeCloseTo((100 * r.latency!.p99Ms!) / 12_000, 10);
    expect(f.errorRate!.value).toBe(0);
    expect(f.quality).toEqual({ value: 1, lo: 1, hi: 1 });
    const ci = r.confidence!.throughput;
    expect(f.capacityQps!.lo).toBeCloseTo((r.load!.okQps * ci.lowQps!) / ci.meanQps, 10);
  });

  itShared('a GPU run adds power, energy per query and quality per joule, each with the energy uncertainty', () => {
    const r = readGolden('gpu');
    const f = runFigures(r);
    const e = r.energy;
    if (!e.measured) throw new Error('the GPU golden measures energy');
    expect(f.meanW!.value).toBe(e.meanW);
    expect(f.meanW!.hi - f.meanW!.value).toBeCloseTo((e.meanW! * e.uncertaintyJ!) / e.energyJ!, 10);
    expect(f.qualityPerJoule!.value).toBe(e.qualityPerJoule);
    expect(f.joulesPerQuery!.value).toBeCloseTo(e.energyJ! / r.load!.measured, 10);
  });

  it('falls back to the assumed throughput noise without a batch-means interval', () => {
    const r = readGolden('cpu');
    delete r.confidence;
    expect(runFigures(r).capacityQps!.hi).toBeCloseTo(r.load!.okQps * (1 + THROUGHPUT_NOISE), 10);
  });
});

describe('machineIdentity', () => {
  itShared('is the same for the same host and GPUs in any order, and differs when a GPU changes', () => {
    const env = readGolden('gpu').environment;
    const a = machineIdentity(env);
    expect(a.name).toBe('gpu-07 (1x NVIDIA H100 80GB HBM3)');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    const two = {
      ...env,
      gpus: {
        available: true as const,
        driver: null,
        cuda: null,
        assignedDeviceIds: [],
        devices: [
          { index: 0, uuid: 'GPU-b', name: 'X', powerLimitW: null, assigned: true },
          { index: 1, uuid: 'GPU-a', name: 'X', powerLimitW: null, assigned: true },
        ],
      },
    };
    const swapped = {
      ...env,
      gpus: {
        available: true as const,
        driver: null,
        cuda: null,
        assignedDeviceIds: [],
        devices: [
          { index: 0, uuid: 'GPU-a', name: 'X', powerLimitW: null, assigned: true },
          { index: 1, uuid: 'GPU-b', name: 'X', powerLimitW: null, assigned: true },
        ],
      },
    };
    expect(machineIdentity(two).id).toBe(machineIdentity(swapped).id);
    expect(machineIdentity(two).id).not.toBe(a.id);
    expect(machineIdentity(two).name).toBe('gpu-07 (2x X)');
  });
});
