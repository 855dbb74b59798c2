// Window workload pieces: the block clock, the beacon, unique units per window and power per window (hand-worked).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GpuSamplerArtifact } from '../../harness/model/gpu-sampler-artifact.ts';
import { powerPerWindow, windowSummary } from '../../harness/evaluate/window-power.ts';
import { countWindowUnits } from '../../harness/evaluate/window-units.ts';
import { beaconAt, blockAt, blockStartMs, windowStart } from '../../harness/services/block-clock.ts';

const CLOCK = { blockSeconds: 12, speed: 60, startBlock: 6_000_000, startMs: 1000, seed: 'run-1' };

describe('block clock and beacon', () => {
  it('advances one block per 12 s / 60 = 200 ms of clock and finds the 30-block window', () => {
    expect(blockAt(CLOCK, 1000)).toBe(6_000_000);
    expect(blockAt(CLOCK, 1199)).toBe(6_000_000);
    expect(blockAt(CLOCK, 1200)).toBe(6_000_001);
    // 6,000,000 = 30 x 200,000: a window starts there; block 6,000,047 is in the window of 6,000,030
    expect(windowStart(6_000_047, 30)).toBe(6_000_030);
    // block 6,000,030 starts 30 x 200 ms after the start
    expect(blockStartMs(CLOCK, 6_000_030)).toBe(7000);
  });

  it('gives beacon round r the randomness sha256(seed:beacon:r), a round per 3 chain seconds', () => {
    // 600 ms of clock = 36 chain seconds = 12 periods -> round 13
    const b = beaconAt(CLOCK, 1600, 3);
    expect(b.round).toBe(13);
    expect(b.randomness).toBe(createHash('sha256').update('run-1:beacon:13').digest('hex'));
  });
});

describe('countWindowUnits', () => {
  it('counts unique hashes per window, drops and counts duplicates, names empty windows and strays', () => {
    const r = countWindowUnits(
      [
        { window: 30, key: 'a', unitHashes: ['h1', 'h2', 'h2'] },
        { window: 30, key: 'b', unitHashes: ['h1', 'h3'] },
        { window: 90, key: 'c', unitHashes: ['h1'] },
        { window: 120, key: 'late', unitHashes: ['h9'] },
      ],
      [30, 60, 90],
    );
    // window 30: 5 units, unique {h1,h2,h3} = 3, duplicates 2; window 60: none; window 90: 1 unique
    expect(r.perWindow).toEqual([
      { window: 30, files: 2, units: 5, unique: 3, duplicates: 2 },
      { window: 60, files: 0, units: 0, unique: 0, duplicates: 0 },
      { window: 90, files: 1, units: 1, unique: 1, duplicates: 0 },
    ]);
    expect(r.empty).toEqual([60]);
    expect(r.outside).toEqual([{ key: 'late', window: 120 }]);
    expect(r.duplicates).toBe(2);
  });
});

describe('power per window', () => {
  const sample = (t: number, powerW: number) => ({
    t,
    smiTimestamp: null,
    powerW,
    utilizationGpuPct: null,
    memoryUsedMiB: null,
    smClockMHz: null,
    temperatureC: null,
    pstate: null,
    eventReasons: null,
    enforcedLimitW: null,
  });
  const artifact = {
    gpus: {
      'GPU-a': { reading: 'instant', samples: [sample(0, 100), sample(1000, 100), sample(2000, 300)] },
      'GPU-b': { reading: 'instant', samples: [sample(0, 50), sample(1000, 50), sample(2000, 50)] },
    },
    gaps: [],
  } as unknown as GpuSamplerArtifact;

  it('integrates each window over both GPUs and divides units by joules', () => {
    const p = powerPerWindow(
      artifact,
      [
        { window: 30, startMs: 0, endMs: 1000 },
        { window: 60, startMs: 1000, endMs: 2000 },
      ],
      5000,
    );
    // window 30: GPU a 100 W x 1 s = 100 J, GPU b 50 J -> 150 J, 150 W
    // window 60: GPU a trapezoid (100 + 300) / 2 x 1 s = 200 J, GPU b 50 J -> 250 J, 250 W
    expect(p.map((x) => [x.joules, x.meanW])).toEqual([
      [150, 150],
      [250, 250],
    ]);
    const s = windowSummary(
      [
        { window: 30, files: 1, units: 120, unique: 100, duplicates: 20 },
        { window: 60, files: 1, units: 300, unique: 300, duplicates: 0 },
      ],
      p,
    );
    // mean (100 + 300) / 2 = 200; population sd = 100 -> spread 0.5; 400 units / 400 J = 1 per joule
    expect(s).toEqual({
      windows: 2,
      unitsPerWindowMean: 200,
      minUnits: 100,
      maxUnits: 300,
      spread: 0.5,
      unitsPerJoule: 1,
      duplicates: 20,
    });
  });
});
