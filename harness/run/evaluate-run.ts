// evaluateRun: assembles result.json from what was collected (records, runtime info, failure). Pure given its inputs.
import path from 'node:path';
import type { ReplayProfile } from '../config/subnet-profile.ts';
import type { RunOptions } from '../config/run-options.ts';
import type { MinerbenchError } from '../errors.ts';
import { scoreRecords } from '../evaluate/score-records.ts';
import { summarizeRun } from '../evaluate/summarize-run.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ReplayOutput } from '../load/closed-loop.ts';
import { hostEnvironment } from '../results/host-environment.ts';
import type { RunFolder } from '../results/run-folder.ts';
import { SCHEMA_VERSION, type RunResult } from '../results/run-result.ts';
import type { RuntimeInfo } from '../runtime/runtime-adapter.ts';
import type { GpuProbe } from '../gpu/probe-gpus.ts';
import type { GpuSession, RunPhases } from './gpu-session.ts';
import { MINERBENCH_VERSION } from '../version.ts';
import { cpuSplit } from './cpu-split.ts';

export interface EvaluateRunInput {
  runId: string;
  profile: ReplayProfile;
  options: RunOptions;
  queriesFile: string;
  queries: readonly CapturedQuery[];
  replay: ReplayOutput | undefined;
  failure: MinerbenchError | undefined;
  startedAt: Date;
  endedAt: Date;
  docker: { version: string; apiVersion: string } | null;
  runtime: RuntimeInfo;
  folder: RunFolder;
  gpuProbe: GpuProbe;
  /** The run's GPUs and their power samples; undefined when the miner got no GPU. */
  gpus: GpuSession | undefined;
  idle: RunPhases['idle'];
}

export function evaluateRun(i: EvaluateRunInput): RunResult {
  const records = i.replay?.records ?? [];
  const responses = i.replay?.responses ?? [];
  const byLine = new Map(i.queries.map((q) => [q.line, q]));
  const scored = scoreRecords(i.profile.score, records, responses, (r) => byLine.get(r.line)!);
  records.forEach((r, k) => (r.score = scored.scores[k]));
  const summary = summarizeRun({
    records,
    scores: scored.scores,
    concurrency: i.options.concurrency,
    measureStartMs: i.replay?.measureStartMs ?? 0,
    endedMs: i.replay?.endedMs ?? 0,
    ...(i.failure ? { failure: i.failure.message } : {}),
    ...(i.replay?.arrival ? { arrival: i.replay.arrival } : {}),
    ...(i.replay?.eventLoop ? { eventLoop: i.replay.eventLoop } : {}),
    ...(i.replay?.sweep ? { sweep: i.replay.sweep } : {}),
    ...(i.replay?.caching ? { caching: i.replay.caching } : {}),
    ...(i.failure?.code === 'MINER_CRASHED' ? { minerRestarted: i.failure.message } : {}),
    rules: { minQueries: i.options.minQueries, minDurationS: i.options.minDurationS },
  });
  const warnings = [...scored.warnings];
  const energy = energyOf(i, scored.scores);
  const timeline = i.gpus && i.replay ? i.gpus.timeline(phasesOf(i)) : undefined;
  if (Array.isArray(energy.flags))
    for (const f of energy.flags as Array<{ message?: string; kind?: string }>)
      warnings.push(`energy: ${f.message ?? f.kind}`);
  if (i.runtime.image?.baseImage)
    warnings.push(
      `miner image built on the local base image ${i.runtime.image.baseImage}, not the Dockerfile's registry default`,
    );
  const rel = (p: string) => path.relative(i.folder.dir, p);
  return {
    schemaVersion: SCHEMA_VERSION,
    minerbench: { version: MINERBENCH_VERSION },
    runId: i.runId,
    status: !i.failure ? 'completed' : i.failure.code === 'INTERRUPTED' ? 'interrupted' : 'failed',
    ...(i.failure ? { error: i.failure.toJSON() } : {}),
    subnet: { id: i.profile.id, netuid: i.profile.netuid, title: i.profile.title },
    times: {
      startedAt: i.startedAt.toISOString(),
      endedAt: i.endedAt.toISOString(),
      measureSeconds: summary.load.windowSeconds,
    },
    config: {
      subnet: i.profile.id,
      arrival: {
        kind: i.options.arrival,
        concurrency: i.options.concurrency,
        ratePerS: i.options.ratePerS,
        timeScale: i.options.timeScale,
        seed: i.options.seed,
        maxInFlight: i.options.maxInFlight,
        whenFull: i.options.whenFull,
      },
      queries: i.options.durationS === null ? (i.options.queries ?? i.queries.length) : null,
      durationS: i.options.durationS,
      warmup: i.options.warmup,
      timeoutS: i.options.timeoutS ?? i.profile.validator.timeoutS,
      queriesFile: i.queriesFile,
      out: i.options.out,
      baseImage: i.options.baseImage,
      gpus: i.options.gpus,
      runtime: i.options.runtime,
      validatorQps: i.profile.validator.queriesPerMinerPerMinute / 60,
      idleS: i.gpus ? i.options.idleS : null,
      samplePeriodMs: i.gpus ? i.options.samplePeriodMs : null,
    },
    environment: {
      ...hostEnvironment(),
      docker: i.docker,
      runtime: i.runtime,
      gpus: gpuEnvironment(i),
      cpuSplit: cpuSplit(),
    },
    ...summary,
    energy,
    ...(timeline ? { powerTimeline: timeline } : {}),
    earnings: null,
    warnings,
    artifacts: {
      records: rel(i.folder.records),
      minerLog: rel(i.folder.minerLog),
      buildLog: rel(i.folder.buildLog),
      report: rel(i.folder.report),
    },
  };
}

function gpuEnvironment(i: EvaluateRunInput): RunResult['environment']['gpus'] {
  if (!i.gpuProbe.available) return { available: false, reason: i.gpuProbe.reason };
  const assigned = new Set(i.gpus?.assignment.samplerUuids ?? []);
  return {
    available: true,
    driver: i.gpuProbe.inventory.driverVersion,
    cuda: i.gpuProbe.inventory.cudaVersion,
    devices: i.gpuProbe.inventory.gpus.map((g) => ({
      index: g.index,
      uuid: g.uuid ?? '',
      name: g.name ?? 'unknown',
      ...(i.gpuProbe.available && i.gpuProbe.inventory.driverVersion
        ? { driver: i.gpuProbe.inventory.driverVersion }
        : {}),
      powerLimitW: g.power.enforcedLimitW,
      assigned: g.uuid !== null && assigned.has(g.uuid),
    })),
    assignedDeviceIds: i.gpus?.assignment.deviceIds ?? [],
  };
}

function energyOf(i: EvaluateRunInput, scores: readonly number[]): RunResult['energy'] {
  if (!i.gpus) {
    const reason = i.gpuProbe.available
      ? 'power not measured: this miner was given no GPU'
      : `power not measured: no NVIDIA GPU (${i.gpuProbe.reason})`;
    return { measured: false, reason };
  }
  const r = i.replay;
  if (!r) return { measured: false, reason: 'power not measured: the run stopped before the load' };
  const measured = r.records.map((rec, k) => ({ rec, s: scores[k] ?? 0 })).filter(({ rec }) => !rec.warmup);
  return i.gpus.energy(phasesOf(i), {
    total: measured.length,
    successful: measured.filter(({ rec }) => rec.status === 'ok').length,
    qualitySum: measured.reduce((a, { s }) => a + s, 0),
  });
}

function phasesOf(i: EvaluateRunInput): RunPhases {
  const r = i.replay!;
  return {
    idle: i.idle,
    warmup: { startMs: r.startedMs, endMs: r.measureStartMs },
    measure: { startMs: r.measureStartMs, endMs: r.endedMs },
  };
}
