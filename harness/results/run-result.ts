// RunResult: the versioned, self-describing result.json of one run; the one thing reports read.
import type { HistogramBin, LatencyStats } from '../evaluate/latency-stats.ts';
import type { QuantileInterval } from '../evaluate/confidence-quantile.ts';
import type { ThroughputInterval } from '../evaluate/confidence-throughput.ts';
import type { CachingVerdict } from '../evaluate/validity-caching.ts';
import type { ArrivalInfo, EventLoopDelay, SweepOutcome } from '../model/replay-output.ts';
import type { SendLag } from '../evaluate/send-lag-stats.ts';
import type { StreamStats } from '../evaluate/stream-stats.ts';
import type { RuntimeInfo } from '../runtime/runtime-adapter.ts';
import type { PowerTimeline } from './power-timeline.ts';

export const SCHEMA_VERSION = 1;

export type RunStatus = 'completed' | 'failed' | 'interrupted';

export interface ResolvedRunConfig {
  subnet: string;
  arrival: {
    kind: string;
    concurrency: number;
    ratePerS?: number | null;
    timeScale?: number;
    seed?: number;
    maxInFlight?: number;
    whenFull?: 'drop' | 'queue';
  };
  queries: number | null;
  durationS: number | null;
  warmup: number;
  timeoutS: number;
  queriesFile: string;
  out: string;
  baseImage: string | null;
  gpus: string | null;
  runtime: string;
  /** Queries per second real validators send one miner (the profile's model), for the capacity check. */
  validatorQps?: number;
  idleS: number | null;
  samplePeriodMs: number | null;
}

export interface Environment {
  host: {
    hostname: string;
    name?: string;
    os: string;
    arch: string;
    cpuModel: string;
    cpuCores: number;
    memoryGb: number;
  };
  node: string;
  docker: { version: string; apiVersion: string } | null;
  runtime: RuntimeInfo;
  /** Cores kept for minerbench and given to miners (undefined: shared, on machines under 4 cores). */
  cpuSplit?: { harness: string | undefined; miners: string | undefined };
  gpus:
    | { available: false; reason: string }
    | {
        available: true;
        driver?: string | null;
        cuda?: string | null;
        devices: Array<{
          index: number;
          uuid: string;
          name: string;
          driver?: string;
          powerLimitW?: number | null;
          assigned?: boolean;
        }>;
        /** What the miner was given (GPU or MIG UUIDs). */
        assignedDeviceIds?: string[];
      };
}

export interface LoadSummary {
  /** Arrival model kind (closed, constant, poisson, trace, sweep). */
  model: string;
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
  /** How the queries were driven (open models: the offered rate). */
  arrival?: ArrivalInfo;
  /** Offered rate: measured queries / window (open models), seconds. */
  offeredQps?: number;
  /** Actual send time minus intended start, for queries that went out. */
  sendLag?: SendLag;
  /** The harness's own event-loop delay during the run. */
  eventLoop?: EventLoopDelay;
  /** Sweep runs: rate -> p50/p99 and success per step, and the knee. */
  sweep?: SweepOutcome;
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
  /** From the intended start to the last byte (coordinated omission corrected), measured queries that succeeded. */
  latencyFromIntended?: LatencyStats;
  /** 95% intervals: p99 from the intended start (binomial order statistics) and completions per second (batch means). */
  confidence?: { p99FromIntended: QuantileInterval; throughput: ThroughputInterval };
  /** Streamed answers: time to first token, inter-token latency, tokens/s. */
  streaming?: StreamStats | null;
  /** The caching probe (repeated vs fresh queries), when it ran. */
  caching?: CachingVerdict;
  quality: QualitySummary;
  energy: EnergySummary;
  earnings: null | Record<string, unknown>;
  /** The chain block the earnings were computed at, and where the data came from (live chain, file, shipped snapshot). */
  chain?: {
    origin: 'file' | 'chain' | 'default';
    network: string;
    /** null when the snapshot does not record the runtime version (the shipped 2026 capture). */
    specVersion: number | null;
    block: number;
    blockHash: string;
    blockTime: string | null;
    description: string;
  };
  /** GPU power over the run with its load phases marked, for the report's chart (see power-timeline.ts). */
  powerTimeline?: PowerTimeline;
  validity: Validity;
  warnings: string[];
  artifacts: Record<string, string>;
}
