// MachineMeasure: what a run measured that incentive laws price (the machine side of every law), from the result.
import type { Eligibility } from './result/eligibility-section.ts';
import type { MachineFacts } from './machine-facts.ts';

export interface MachineMeasure {
  /** The run it came from ('run <id>'), or 'declared' when `estimate` prices declared inputs without a run. */
  origin: string;
  facts: MachineFacts;
  eligibility: Eligibility;
  /** Mean GPU power over the measured window, all assigned GPUs together, W; null when not measured. */
  meanPowerW: number | null;
  /** Replay workloads (query/response). */
  replay: {
    okQps: number;
    p99Ms: number | null;
    timeoutS: number;
    /** Mean validator reward over measured queries, 0..1. */
    qualityMean: number | null;
    /** Queries per second real validators send one miner (the profile's model). */
    validatorQps: number | null;
    /** Mean reward per synapse, when the queries use several (a rank-shares pool is a set of synapses). */
    qualityBySynapse?: Record<string, number | null>;
  } | null;
  /** Streamed inference: tokens per second sustained under the run's load. */
  tokens: {
    promptTokensPerS: number | null;
    outputTokensPerS: number | null;
    /** Per request (median over streamed answers): prompt tokens / time to first token, output tokens / decode time. */
    promptTokensPerStreamS?: number | null;
    outputTokensPerStreamS?: number | null;
  } | null;
  /** Stress workload: sustained TFLOPS and whether the load was stable. */
  stress: { fp16Tflops: number | null; fp32Tflops: number | null; stable: boolean | null } | null;
  /**
   * Window workload: accepted (unique) units per window, over how many full windows, and a window's length on chain
   * (seconds); from the result's `window` section (summary.unitsPerWindowMean, summary.windows, chainWindowSeconds).
   */
  window: { unitsPerWindowMean: number; windows: number; windowSeconds: number } | null;
}
