// GpuSamplerArtifact: what the streaming GPU sampler hands back at stop(); the energy evaluation reads only this.
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

export interface GpuSamplerArtifact {
  kind: 'gpu-samples';
  version: 1;
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
