// RunResult: the versioned, self-describing result.json of one run; the one thing reports read.
import type { HistogramBin, LatencyStats } from '../evaluate/latency-stats.ts';
import type { RuntimeInfo } from '../runtime/runtime-adapter.ts';

export const SCHEMA_VERSION = 1;

export type RunStatus = 'completed' | 'failed' | 'interrupted';

export interface ResolvedRunConfig {
  subnet: string;
  arrival: { kind: 'closed'; concurrency: number };
  queries: number | null;
  durationS: number | null;
  warmup: number;
  timeoutS: number;
  queriesFile: string;
  out: string;
  baseImage: string | null;
  gpus: string | null;
}

export interface Environment {
  host: { hostname: string; os: string; arch: string; cpuModel: string; cpuCores: number; memoryGb: number };
  node: string;
  docker: { version: string; apiVersion: string } | null;
  runtime: RuntimeInfo;
  gpus: { available: false; reason: string } | { available: true; devices: Array<{ index: number; uuid: string; name: string; driver?: string; powerLimitW?: number | null }> };
}

export interface LoadSummary {
  model: 'closed';
  concurrency: number;
  /** Every query sent, warm-up included. */
  sent: number;
  warmup: number;
  measured: number;
  ok: number;
  error: number;
  timeout: number;
  dropped: number;
  windowSeconds: number;
  /** Measured queries completed per second over the measurement window. */
  achievedQps: number;
  okQps: number;
  errorRate: number;
  /** The most common error messages and how often they came. */
  topErrors: Array<{ error: string; count: number }>;
}

export interface Validity {
  verdict: 'VALID' | 'INVALID';
  reasons: string[];
}

export interface QualitySummary {
  /** Mean validator reward over measured queries (failures count 0). */
  mean: number | null;
  scored: number;
  perfect: number;
  zero: number;
}

export interface EnergySummary {
  measured: boolean;
  /** Why power was not measured, e.g. "power not measured: no NVIDIA GPU". Never a zero in its place. */
  reason?: string;
  [k: string]: unknown;
}

export interface RunResult {
  schemaVersion: typeof SCHEMA_VERSION;
  minerbench: { version: string };
  runId: string;
  status: RunStatus;
  error?: { code: string; message: string; hint?: string; details?: string[] };
  subnet: { id: string; netuid: number; title: string };
  times: { startedAt: string; endedAt: string; measureSeconds: number };
  config: ResolvedRunConfig;
  environment: Environment;
  load: LoadSummary;
  /** From the actual send to the last byte, measured queries that succeeded. */
  latency: LatencyStats & { histogram: HistogramBin[] };
  /** Time to the response's first byte. */
  firstByte: LatencyStats;
  quality: QualitySummary;
  energy: EnergySummary;
  earnings: null | Record<string, unknown>;
  validity: Validity;
  warnings: string[];
  artifacts: Record<string, string>;
}
