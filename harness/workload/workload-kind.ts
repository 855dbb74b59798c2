// WorkloadKind: what a subnet's validator makes the miner do (replay, stress, window, none): one file per kind holding
// its options, its checks (VALIDATE), how it drives the miner (COLLECT, writing artifacts) and its pure EVALUATE step.
import type Docker from 'dockerode';
import type { JsonlWriter } from '../artifacts/jsonl-writer.ts';
import type { RunFolder } from '../artifacts/run-folder.ts';
import type { OptionSpec } from '../config/option-spec.ts';
import type { SampledTrace } from '../evaluate/energy-section.ts';
import type { MinerProfile, SubnetProfile } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RunContext } from '../model/run-context.ts';
import type { MachineMeasure } from '../model/machine-measure.ts';
import type { RunEventSink } from '../model/run-events.ts';
import type { RequestRecord } from '../model/request-record.ts';
import type { RunResult } from '../model/result/run-result.ts';
import type { RuntimeInfo } from '../model/result/environment-section.ts';
import type { CachingProbeResult } from '../model/result/validity-section.ts';
import type { ReplayMeta } from '../model/run-context.ts';
import type { ServiceSpec } from '../services/service-specs.ts';
import type { Signer } from '../transport/ephemeral-keys.ts';
import type { MinerEndpoint } from '../transport/transport.ts';

export interface WorkloadPlanInput {
  profile: SubnetProfile;
  /** The profile file as shown in messages, and the plugin's folder (profile paths are relative to it). */
  profileFile: string;
  pluginDir: string;
  options: Readonly<Record<string, unknown>>;
  origin: Readonly<Record<string, string>>;
}

/** What VALIDATE settled for COLLECT; each kind adds its own fields. */
export interface WorkloadPlan {
  kind: string;
  /** One line: what will be measured. */
  description: string;
  /** The miner to start before collecting (null: the workload starts what it needs, or nothing). */
  miner: MinerProfile | null;
  /** How to tell the miner is up, when there is one: a probe through the workload's own transport (made once per run). */
  readyProbe?: (signer: Signer) => {
    probe(endpoint: MinerEndpoint, now: () => number): Promise<boolean>;
    close(): void;
  };
  /** Whether requests are signed for a miner hotkey (then --runtime external needs --miner-hotkey). */
  signs: boolean;
  /** Total units for the progress bar (queries), null when only time decides. */
  plannedUnits: number | null;
  /** The queries file to keep in the artifacts, when the workload replays one. */
  queries: { file: string; lines: readonly CapturedQuery[] } | null;
  /** Per-query timeout in force and where it came from. */
  timeout: { s: number; source: string } | null;
  validatorQps: number | null;
  /** Said before anything starts (a long trace at this speed...). */
  warnings: string[];
  /** The workload starts its own program through the run's runtime (stress): Docker is probed when the runtime needs it. */
  startsProgram?: boolean;
  /** The workload loads every GPU of the machine (stress) when --gpus does not pick some. */
  allGpus?: boolean;
  /** Services COLLECT starts before the miner (clip server, S3 sink, window world), by name. */
  services?: Readonly<Record<string, ServiceSpec>>;
  /** Which path is measured and why (the axon, or the miner's own service directly), for the result. */
  measuredPath?: string | null;
}

export interface CollectContext {
  runId: string;
  profile: SubnetProfile;
  pluginDir: string;
  options: Readonly<Record<string, unknown>>;
  folder: RunFolder;
  /** The miner, when the plan asked for one. */
  endpoint: MinerEndpoint | null;
  signer: Signer;
  now: () => number;
  /** Aborted to stop collecting (interrupt or miner crash). */
  signal: AbortSignal;
  /** Aborted only when the user stops the run. */
  interrupt: AbortSignal;
  emit: RunEventSink;
  /** records.jsonl and responses.jsonl, streamed as queries complete. */
  records: JsonlWriter;
  responses: JsonlWriter;
  /** Services the run started for the miner (file server, S3 sink...), by name. */
  services: Readonly<Record<string, unknown>>;
  /** What a workload that starts its own program (stress) runs it with: the run's GPUs, engine and environment. */
  program: {
    gpuDeviceIds: string[];
    docker?: Docker;
    env: NodeJS.ProcessEnv;
    cpusetCpus?: string;
    baseImage?: string;
    onBuildLog(text: string): void;
  };
  /** A query as the miner gets it (clip URLs moved to the run's clip server); absent without services. */
  rewriteQuery?: (q: CapturedQuery) => CapturedQuery;
}

/** What COLLECT reports (it goes into context.json); the bulk is in the streamed artifacts. */
export interface WorkloadCollected {
  replay: ReplayMeta | null;
  caching: CachingProbeResult | null;
  /** The measured window and the warm-up before it (run clock ms), for the energy phases. */
  window: { warmup: { startMs: number; endMs: number }; measure: { startMs: number; endMs: number } } | null;
  stoppedEarly: string | null;
  /** A program the workload ran itself (stress): how it ran (the result's runtime) and its whole output (miner.log). */
  program?: { runtime: RuntimeInfo; log: string };
}

/** One line of records.jsonl with its response (and what `inspect` found), as evaluation reads them. */
export interface ReplayLine {
  record: RequestRecord;
  response: Record<string, unknown> | null;
  inspected?: unknown;
}

/** What EVALUATE gets: the context and lazy readers of the streamed artifacts. */
export interface WorkloadArtifacts {
  context: RunContext;
  queries: readonly CapturedQuery[] | null;
  replayLines(): Iterable<ReplayLine>;
  /** The output lines of a program the workload ran itself (artifacts/stress.jsonl); empty when there are none. */
  programLines(): string[];
  /** What the GPU sampler recorded, when it ran (window workloads divide energy by window). */
  gpuSamples: SampledTrace | null;
  /** A file under artifacts/ by its relative path (a workload's own artifact, an upload), null when it is not there. */
  artifactFile?(relative: string): Buffer | null;
}

/** The sections a workload contributes to the result, and the facts validity and energy need from it. */
export interface WorkloadSections {
  result: Partial<
    Pick<
      RunResult,
      | 'load'
      | 'latency'
      | 'firstByte'
      | 'latencyFromIntended'
      | 'confidence'
      | 'streaming'
      | 'caching'
      | 'quality'
      | 'stress'
      | 'window'
    >
  >;
  /** The workload's own artifacts, listed in the result (name -> path relative to the run folder). */
  artifacts?: Record<string, string>;
  /** What the energy figures divide by (queries, successes, quality sum), when the workload counts queries. */
  energyCounts: { total: number; successful: number; qualitySum: number } | null;
  /** Reasons this workload's measurement is INVALID. */
  invalid: string[];
  /** What incentive laws price: throughput, tokens/s, quality. */
  measure: {
    replay: {
      okQps: number;
      p99Ms: number | null;
      timeoutS: number;
      qualityMean: number | null;
      validatorQps: number | null;
      /** Mean reward per synapse (a pool of a rank-shares law is a set of synapses). */
      qualityBySynapse?: Record<string, number | null>;
    } | null;
    tokens: MachineMeasure['tokens'];
    /** Stress workload: sustained TFLOPS of all GPUs together (null for a CPU stand-in) and whether the load held. */
    stress?: { fp16Tflops: number | null; fp32Tflops: number | null; stable: boolean | null } | null;
    /** Mean GPU power the workload measured itself (stress: over its steady intervals); else the energy section's. */
    meanPowerW?: number | null;
    /** Window workloads: accepted units per window (the capped-power law's input). */
    window?: { unitsPerWindowMean: number; windows: number; windowSeconds: number } | null;
  };
}

export interface WorkloadKind<P extends WorkloadPlan = WorkloadPlan> {
  kind: string;
  summary: string;
  options: readonly OptionSpec[];
  /** VALIDATE: reads and checks what the kind needs (profile parts, queries, its options); throws with every problem. */
  plan(input: WorkloadPlanInput): Promise<P>;
  /** COLLECT: drives the miner, streaming its artifacts; failures inside are values in the result, not throws. */
  collect(ctx: CollectContext, plan: P): Promise<WorkloadCollected>;
  /** EVALUATE: pure, from the artifacts alone (so `minerbench evaluate` can redo it later). */
  evaluate(a: WorkloadArtifacts, profile: SubnetProfile): WorkloadSections;
}

export function defineWorkload<P extends WorkloadPlan>(k: WorkloadKind<P>): WorkloadKind {
  return k as unknown as WorkloadKind;
}
