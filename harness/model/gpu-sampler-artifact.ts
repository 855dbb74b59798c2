// GpuSamplerArtifact: what the streaming GPU sampler hands back at stop(); the energy evaluation reads only this. A run
// streams the samples to artifacts/gpu-samples.jsonl as they arrive (version 2) and keeps only this header in memory.
import type { GpuSample } from './gpu-sample.ts';
import type { PowerReadingType } from './power-reading-type.ts';

/** A window (harness ms) in which the sampler had no data: nvidia-smi died, stalled or was being restarted. */
export interface SamplerGap {
  startMs: number;
  endMs: number;
  reason: string;
}

/** A failure inside the sampler, kept as a value (rule 1): the run goes on and the report says what happened. */
export interface SamplerError {
  atMs: number;
  code: 'NVIDIA_SMI_FAILED';
  message: string;
}

/** The columns of a line of gpu-samples.jsonl after the GPU's position in `order`. */
export const SAMPLE_COLUMNS = [
  't',
  'smiTimestamp',
  'powerW',
  'utilizationGpuPct',
  'memoryUsedMiB',
  'smClockMHz',
  'temperatureC',
  'pstate',
  'eventReasons',
  'enforcedLimitW',
] as const satisfies ReadonlyArray<keyof GpuSample>;

export interface GpuSamplerArtifact {
  kind: 'gpu-samples';
  /** 1: samples inside gpus[].samples; 2: samples streamed to `samplesFile`, gpus[].samples empty here. */
  version: 1 | 2;
  /** Version 2: the file beside this one holding the samples, one per line: [position in `order`, ...SAMPLE_COLUMNS]. */
  samplesFile?: string;
  /** Version 2: the GPU UUIDs in the order a line's first number refers to. */
  order?: string[];
  /** Version 2: the columns after the position, as written. */
  columns?: string[];
  /** Version 2: lines written. */
  sampleLines?: number;
  /** The -lms period asked for. */
  periodMs: number;
  /** The --query-gpu fields used, in column order. */
  fields: string[];
  powerField: string | null;
  reasonsField: string | null;
  startedMs: number;
  stoppedMs: number;
  /** Per physical GPU UUID: its samples in arrival order and what kind of power reading they are. */
  gpus: Record<string, { reading: PowerReadingType; samples: GpuSample[] }>;
  gaps: SamplerGap[];
  /** How many times nvidia-smi was started again after dying or stalling. */
  restarts: number;
  errors: SamplerError[];
  /** Output lines that were not a sample (messages, truncated lines); the first few are in errors. */
  unparsedLines: number;
}
