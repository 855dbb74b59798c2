// The GPU samples streamed to artifacts/gpu-samples.jsonl read back to the same trace: a run evaluated from the
// streamed form gives the same energy and power timeline as from the samples held in one JSON (the recorded H100
// trace); a torn last line is left out and counted, a bad line inside is named with its line number.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleLine, streamedHeader, withSamples } from '../../harness/artifacts/gpu-samples-file.ts';
import type { GpuSample } from '../../harness/model/gpu-sample.ts';
import type { GpuSamplerArtifact } from '../../harness/model/gpu-sampler-artifact.ts';
import { evaluateDir, gpuRunDir } from '../support/golden-runs.ts';
import { itShared } from '../support/describe-shared.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Rewrites a run folder's version-1 gpu-samples.json as a header plus gpu-samples.jsonl, as a run now writes it. */
function streamIt(dir: string): number {
  const file = path.join(dir, 'artifacts/gpu-samples.json');
  const v1 = JSON.parse(readFileSync(file, 'utf8')) as GpuSamplerArtifact;
  const order = Object.keys(v1.gpus);
  const lines = order.flatMap((u, i) => v1.gpus[u]!.samples.map((s) => JSON.stringify(sampleLine(i, s))));
  writeFileSync(path.join(dir, 'artifacts/gpu-samples.jsonl'), lines.join('\n') + '\n');
  const empty = Object.fromEntries(order.map((u) => [u, { reading: v1.gpus[u]!.reading, samples: [] }]));
  writeFileSync(file, JSON.stringify(streamedHeader({ ...v1, gpus: empty }, 'gpu-samples.jsonl', order, lines.length)));
  return lines.length;
}

const sample = (t: number, powerW: number | null): GpuSample => ({
  t,
  smiTimestamp: `2026/11/25 10:00:0${t}.000`,
  powerW,
  utilizationGpuPct: 90,
  memoryUsedMiB: 1000,
  smClockMHz: 1980,
  temperatureC: 50,
  pstate: 'P0',
  eventReasons: 0,
  enforcedLimitW: 700,
});

function header(dir: string, lines: string[]): GpuSamplerArtifact {
  writeFileSync(path.join(dir, 'gpu-samples.jsonl'), lines.join('\n'));
  const base: GpuSamplerArtifact = {
    kind: 'gpu-samples',
    version: 1,
    periodMs: 100,
    fields: [],
    powerField: 'power.draw.instant',
    reasonsField: null,
    startedMs: 0,
    stoppedMs: 9,
    gpus: { 'GPU-a': { reading: 'instant', samples: [] }, 'GPU-b': { reading: 'instant', samples: [] } },
    gaps: [],
    restarts: 0,
    errors: [],
    unparsedLines: 0,
  };
  return streamedHeader(base, 'gpu-samples.jsonl', ['GPU-a', 'GPU-b'], lines.length);
}

describe('gpu-samples.jsonl', () => {
  itShared('a run evaluated from streamed samples equals the same run with its samples in one JSON', () => {
    const dir = gpuRunDir();
    dirs.push(dir);
    const held = evaluateDir(dir);
    const n = streamIt(dir);
    expect(n).toBeGreaterThan(200);
    const streamed = evaluateDir(dir);
    expect(streamed.energy).toEqual(held.energy);
    expect(streamed.powerTimeline).toEqual(held.powerTimeline);
    expect(streamed.artifacts['gpuSampleLines']).toBe('artifacts/gpu-samples.jsonl');
  });

  it('reads each line back to its GPU and fields', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gpu-lines-'));
    dirs.push(dir);
    const lines = [sampleLine(0, sample(1, 300.5)), sampleLine(1, sample(2, null)), sampleLine(0, sample(3, 310))];
    const a = withSamples(
      header(
        dir,
        lines.map((l) => JSON.stringify(l)),
      ),
      dir,
    );
    expect(a.gpus['GPU-a']!.samples).toEqual([sample(1, 300.5), sample(3, 310)]);
    expect(a.gpus['GPU-b']!.samples).toEqual([sample(2, null)]);
    expect(a.unparsedLines).toBe(0);
  });

  it('leaves out a torn last line (a run killed mid-write) and counts it; a bad line inside is an error', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gpu-lines-'));
    dirs.push(dir);
    const ok = JSON.stringify(sampleLine(0, sample(1, 300)));
    const torn = withSamples(header(dir, [ok, ok, '[1,4,"2026/11/25 10:0']), dir);
    expect(torn.gpus['GPU-a']!.samples).toHaveLength(2);
    expect(torn.unparsedLines).toBe(1);
    expect(() => withSamples(header(dir, [ok, '[7,1]', ok]), dir)).toThrow(
      'gpu-samples.jsonl:2: not a sample line [GPU position, t, smiTimestamp, powerW',
    );
  });
});
