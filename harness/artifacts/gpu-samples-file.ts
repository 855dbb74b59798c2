// gpuSamplesFile: a run's GPU samples on disk: the streamed lines (artifacts/gpu-samples.jsonl, written as they arrive)
// and their reading back into the sampler's artifact; version-1 artifacts (samples inside the JSON) read as they are.
import path from 'node:path';
import type { GpuSample } from '../model/gpu-sample.ts';
import { SAMPLE_COLUMNS, type GpuSamplerArtifact } from '../model/gpu-sampler-artifact.ts';
import { jsonlLines } from './jsonl-lines.ts';

/** One line of gpu-samples.jsonl: the GPU's position in `order`, then SAMPLE_COLUMNS (a third of an object's size). */
export function sampleLine(position: number, s: GpuSample): unknown[] {
  return [position, ...SAMPLE_COLUMNS.map((c) => s[c])];
}

/** The header (gpu-samples.json) of a streamed artifact: what the sampler returned, pointing at the lines file. */
export function streamedHeader(
  a: GpuSamplerArtifact,
  linesFile: string,
  order: readonly string[],
  lines: number,
): GpuSamplerArtifact {
  return {
    ...a,
    version: 2,
    samplesFile: path.basename(linesFile),
    order: [...order],
    columns: [...SAMPLE_COLUMNS],
    sampleLines: lines,
  };
}

/**
 * The artifact with its samples in memory, read from `artifactsDir` when the header says they were streamed. A torn
 * last line (a run killed mid-write) is left out and counted in unparsedLines; any other bad line throws.
 */
export function withSamples(header: GpuSamplerArtifact, artifactsDir: string): GpuSamplerArtifact {
  if (header.version !== 2 || !header.samplesFile) return header;
  const order = header.order ?? [];
  const columns = header.columns ?? [...SAMPLE_COLUMNS];
  const gpus: GpuSamplerArtifact['gpus'] = {};
  for (const [uuid, g] of Object.entries(header.gpus)) gpus[uuid] = { reading: g.reading, samples: [] };
  const file = path.join(artifactsDir, path.basename(header.samplesFile));
  let bad: { line: number; why: string } | null = null;
  let unparsed = header.unparsedLines;
  for (const { line, text } of jsonlLines(file)) {
    if (bad) throw new Error(`${header.samplesFile}:${bad.line}: ${bad.why}`);
    let cells: unknown;
    try {
      cells = JSON.parse(text);
    } catch (e) {
      bad = { line, why: `not JSON (${(e as Error).message})` };
      continue;
    }
    const uuid = Array.isArray(cells) && typeof cells[0] === 'number' ? order[cells[0]] : undefined;
    const target = uuid === undefined ? undefined : gpus[uuid];
    if (!Array.isArray(cells) || !target || cells.length !== columns.length + 1) {
      bad = { line, why: `not a sample line [GPU position, ${columns.join(', ')}]` };
      continue;
    }
    const s: Record<string, unknown> = {};
    columns.forEach((c, i) => (s[c] = cells[i + 1] ?? null));
    target.samples.push(s as unknown as GpuSample);
  }
  if (bad) unparsed++;
  return { ...header, gpus, unparsedLines: unparsed };
}
