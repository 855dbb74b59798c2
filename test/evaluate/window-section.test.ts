// windowSection: a window run's figures from what COLLECT kept, worked by hand: unique rollouts per window (grail's own
// file parser), duplicates dropped, an empty window counted 0, late, stray and unreadable files named, the warm-up and a
// cut window kept apart, energy per window and the verdict's reasons.
import { describe, expect, it } from 'vitest';
import { windowSection, type WindowTrace } from '../../harness/evaluate/window-section.ts';
import type { UploadEntry } from '../../harness/model/uploads-listing.ts';
import type { WindowRun } from '../../harness/model/window-run.ts';
import { parseRolloutFile } from '../../subnets/grail/rollout-units.ts';

// 12 s blocks at 60x: a block per 200 ms, a 30-block window per 6 s. Block 6,000,015 at 0 ms, so 6,000,030 starts at
// 15 x 200 = 3000 ms. The miner came up at 1000 ms (block 6,000,020); the run was stopped at 17,000 ms.
const RUN: WindowRun = {
  kind: 'minerbench.windows',
  version: 1,
  world: 'world',
  sink: 'sink',
  clock: { blockSeconds: 12, speed: 60, startBlock: 6_000_015, startMs: 0, seed: 's' },
  windowBlocks: 30,
  graceBlocks: 30,
  minerUpMs: 1000,
  minerUpBlock: 6_000_020,
  warmup: { window: 6_000_000, startMs: 1000, endMs: 3000 },
  measured: [
    { window: 6_000_030, startMs: 3000, endMs: 9000, complete: true },
    { window: 6_000_060, startMs: 9000, endMs: 15_000, complete: true },
    { window: 6_000_090, startMs: 15_000, endMs: 21_000, complete: false },
  ],
  waitedUntilMs: 17_000,
  stoppedEarly: 'interrupted (SIGINT)',
};

const rollouts = (window: number, ...tokens: number[][]) =>
  JSON.stringify({ window, rollouts: tokens.map((t) => ({ completion_tokens: t })) });

/** Uploaded files by name, at a time of the run clock. */
const FILES: Array<[string, number, string | null]> = [
  ['warm.json', 1500, rollouts(6_000_000, [1], [2])],
  ['a.json', 3500, rollouts(6_000_030, [1], [2], [2], [3])],
  ['b.json', 4000, rollouts(6_000_030, [3], [4])],
  // window 6,000,030's uploads count until its end + 30 blocks: 9000 + 6000 = 15,000 ms; this one is late
  ['late.json', 16_000, rollouts(6_000_030, [9])],
  ['cut.json', 15_500, rollouts(6_000_090, [5])],
  ['early.json', 2000, rollouts(5_999_970, [7])],
  ['junk.bin', 5000, 'not a rollout file'],
  ['gone.json', 6000, null],
];

const uploads: UploadEntry[] = FILES.map(([key, t]) => ({
  key,
  file: `grail/${key}`,
  size: 1,
  sha256: '0',
  etag: '"0"',
  contentType: null,
  t,
  via: 'put',
  from: '10.0.0.2',
}));
const text = new Map(FILES.map(([key, , body]) => [`grail/${key}`, body]));

/** One GPU at a steady 100 W, a reading every second from 0 to 21 s. */
const trace = {
  kind: 'gpu-samples',
  version: 1,
  periodMs: 1000,
  gpus: {
    'GPU-a': {
      reading: 'instant',
      samples: Array.from({ length: 22 }, (_, k) => ({
        t: k * 1000,
        smiTimestamp: null,
        powerW: 100,
        utilizationGpuPct: null,
        memoryUsedMiB: null,
        smClockMHz: null,
        temperatureC: null,
        pstate: null,
        eventReasons: null,
        enforcedLimitW: null,
      })),
    },
  },
  gaps: [],
} as unknown as WindowTrace;

const evaluate = (power: boolean) =>
  windowSection({
    ...evaluateInput(),
    reference: { unitsPerWindow: 4477, machine: '8x NVIDIA A100 SXM4' },
    power: power ? { trace, maxIntervalMs: 3000 } : null,
  });

describe('windowSection', () => {
  it('counts unique rollouts per full window: 4 in the first, 0 in the empty second', () => {
    const { section } = evaluate(true);
    // 6,000,030: a.json [1] [2] [2] [3] + b.json [3] [4] = 6 units, unique {1, 2, 3, 4} = 4, 2 duplicates
    expect(section.measured).toEqual([
      {
        window: 6_000_030,
        startS: 3,
        endS: 9,
        files: 2,
        units: 6,
        unique: 4,
        duplicates: 2,
        joules: 600,
        meanW: 100,
        unitsPerJoule: 0.006667,
      },
      {
        window: 6_000_060,
        startS: 9,
        endS: 15,
        files: 0,
        units: 0,
        unique: 0,
        duplicates: 0,
        joules: 600,
        meanW: 100,
        unitsPerJoule: 0,
      },
    ]);
    expect(section.empty).toEqual([6_000_060]);
    expect(section.duplicates).toBe(2);
    // mean (4 + 0) / 2 = 2; population sd 2 -> spread 1; 4 rollouts / (600 + 600) J = 0.003333 per joule
    expect(section.summary).toEqual({
      windows: 2,
      unitsPerWindowMean: 2,
      minUnits: 0,
      maxUnits: 4,
      spread: 1,
      unitsPerJoule: 0.003333,
    });
    expect(section).toMatchObject({ speed: 60, chainWindowSeconds: 360, runWindowSeconds: 6 });
  });

  it('keeps the warm-up and the cut window apart, with their energy', () => {
    const { section } = evaluate(true);
    // warm-up 1000..3000 ms: 2 s x 100 W = 200 J; the cut window 15,000..17,000 ms (the stop): 200 J
    expect(section.partial).toEqual([
      {
        window: 6_000_000,
        startS: 1,
        endS: 3,
        files: 1,
        units: 2,
        unique: 2,
        duplicates: 0,
        joules: 200,
        meanW: 100,
        unitsPerJoule: 0.01,
        why: 'in progress when the miner came up (warm-up)',
      },
      {
        window: 6_000_090,
        startS: 15,
        endS: 17,
        files: 1,
        units: 1,
        unique: 1,
        duplicates: 0,
        joules: 200,
        meanW: 100,
        unitsPerJoule: 0.005,
        why: 'cut short: interrupted (SIGINT)',
      },
    ]);
  });

  it('names the stray, late and unreadable files instead of counting them', () => {
    const { section } = evaluate(false);
    expect(section.outside).toEqual([
      { key: 'early.json', window: 5_999_970 },
      { key: 'late.json', window: 6_000_030 },
    ]);
    expect(section.unreadable).toEqual([
      { key: 'junk.bin', problem: 'not JSON' },
      { key: 'gone.json', problem: 'listed as uploaded but not in the uploads folder (deleted afterwards)' },
    ]);
    // without power: no joules anywhere, no units per joule
    expect(section.measured.map((m) => [m.joules, m.unitsPerJoule])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(section.summary.unitsPerJoule).toBeNull();
  });

  it('says why the run is not a measurement, and hands the law its rollouts per window of the chain', () => {
    const e = evaluate(false);
    expect(e.invalid).toEqual([
      'the block clock ran 60x faster than the chain: a window lasted 6 s instead of 360 s, so units per window are not what this machine makes in a real window (run with --block-speed 1)',
    ]);
    expect(e.measure).toEqual({ unitsPerWindowMean: 2, windows: 2, windowSeconds: 360 });
    const none = windowSection({
      ...evaluateInput(),
      run: { ...RUN, measured: RUN.measured.map((m) => ({ ...m, complete: false })) },
    });
    expect(none.invalid[1]).toBe(
      'no full window was measured (interrupted (SIGINT)): nothing to count units per window over',
    );
    const silent = windowSection({ ...evaluateInput(), uploads: [] });
    expect(silent.invalid[1]).toBe(
      'no upload arrived for any of the 2 measured windows: the miner produced nothing the validator could count (see the miner log)',
    );
  });
});

function evaluateInput() {
  return {
    run: RUN,
    uploads,
    read: (file: string) => text.get(file) ?? null,
    parse: parseRolloutFile,
    unit: 'rollout',
    reference: null,
    power: null,
  };
}
