// evaluateArtifacts: EVALUATE, a pure function of a run's artifacts and the subnet profile: the workload's sections,
// energy, eligibility, earnings and validity, assembled into a RunResult checked against the one result schema.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { energySection } from '../evaluate/energy-section.ts';
import { powerTimeline } from '../evaluate/power-timeline.ts';
import { cachingVerdict } from '../evaluate/validity-caching.ts';
import { validityVerdict, DEFAULT_VALIDITY } from '../evaluate/validity.ts';
import { runResultSchema, SCHEMA_VERSION, type RunResult } from '../model/result/run-result.ts';
import type { Earnings } from '../model/result/earnings-section.ts';
import type { Eligibility } from '../model/result/eligibility-section.ts';
import { workloadOf } from '../workload/workload-kinds.ts';
import type { WorkloadSections } from '../workload/workload-kind.ts';
import type { RunArtifacts } from './run-artifacts.ts';
import { runConfigOf } from './run-config-of.ts';
import { SERVICES_ARTIFACT, UPLOADS_ARTIFACT } from '../model/uploads-listing.ts';

export interface EvaluateHooks {
  /** The subnet's gates on this machine (null: the subnet declares none). */
  eligibility?: (a: RunArtifacts, profile: SubnetProfile) => Eligibility | null;
  /** What the machine would net, by the subnet's law (null with a warning when it cannot be priced). */
  earnings?: (
    a: RunArtifacts,
    profile: SubnetProfile,
    measured: { result: RunResult; eligibility: Eligibility | null; measure: WorkloadSections['measure'] },
  ) => { earnings: Earnings | null; warnings: string[] };
}

export function evaluateArtifacts(a: RunArtifacts, profile: SubnetProfile, hooks: EvaluateHooks = {}): RunResult {
  const c = a.context;
  const workload = workloadOf(profile, c.profile.file);
  const sections = workload.evaluate(a, profile);
  const gpus = c.environment.gpus;
  const assigned = gpus.available ? gpus.assignedDeviceIds.length > 0 : false;
  const notSampled = !gpus.available
    ? `power not measured: no NVIDIA GPU (${gpus.reason})`
    : !assigned
      ? 'power not measured: this miner was given no GPU'
      : null;
  const limits: Record<string, number | null> = {};
  if (gpus.available) for (const d of gpus.devices) limits[d.uuid] = d.powerLimitW;
  const energy = energySection({
    notSampled,
    trace: assigned ? a.gpuSamples : null,
    phases: c.phases,
    counts: sections.energyCounts,
    enforcedLimitW: limits,
  });
  const phases = c.phases;
  const timeline =
    assigned && a.gpuSamples && phases
      ? powerTimeline(a.gpuSamples, [
          ...(phases.idle ? [{ name: 'idle baseline', ...phases.idle }] : []),
          { name: 'warm-up', ...phases.warmup },
          { name: 'measured load', ...phases.measure },
        ])
      : undefined;
  const caching = c.caching ? cachingVerdict(c.caching) : undefined;
  const load = sections.result.load;
  const o = c.options;
  const rules = {
    ...DEFAULT_VALIDITY,
    ...(typeof o.minQueries === 'number' ? { minQueries: o.minQueries } : {}),
    ...(typeof o.minDurationS === 'number' ? { minDurationS: o.minDurationS } : {}),
  };
  const failure = c.failure;
  const validity = validityVerdict(
    {
      ...(failure ? { failure: failure.message } : {}),
      ...(failure?.code === 'MINER_CRASHED' ? { minerRestarted: failure.message } : {}),
      ...(load
        ? {
            replay: {
              measured: load.measured,
              errorRate: load.errorRate,
              windowSeconds: load.windowSeconds,
              sendLagP99Ms: load.arrival.open ? load.sendLag.p99Ms : null, // a closed loop keeps no schedule
              eventLoop: load.eventLoop,
              ...(caching ? { caching } : {}),
              ...(load.sweep ? { sweepKnee: load.sweep.kneeRatePerS } : {}),
            },
          }
        : {}),
      other: [...sections.invalid, ...c.validityNotes],
    },
    rules,
  );
  const warnings = [...c.warnings];
  if (energy.measured) for (const f of energy.flags) warnings.push(`energy: ${f.message}`);
  if (c.environment.runtime.image?.baseImage)
    warnings.push(
      `miner image built on the local base image ${c.environment.runtime.image.baseImage}, not the Dockerfile's registry default`,
    );
  const rel = (p: string) => path.relative(a.folder.dir, p);
  const measureSeconds =
    load?.windowSeconds ?? (phases ? Math.max(0, (phases.measure.endMs - phases.measure.startMs) / 1000) : 0);
  const result: RunResult = {
    schemaVersion: SCHEMA_VERSION,
    minerbench: { version: c.minerbenchVersion },
    runId: c.runId,
    status: !failure ? 'completed' : failure.code === 'INTERRUPTED' ? 'interrupted' : 'failed',
    ...(failure ? { error: failure } : {}),
    subnet: c.subnet,
    workload: c.workload,
    times: { startedAt: c.startedAt, endedAt: c.endedAt ?? c.startedAt, measureSeconds },
    config: runConfigOf(c),
    environment: c.environment,
    eligibility: null,
    earnings: null,
    chain: c.chain,
    ...sections.result,
    ...(caching ? { caching } : {}),
    energy,
    ...(timeline ? { powerTimeline: timeline } : {}),
    validity,
    warnings,
    artifacts: {
      context: rel(a.folder.context),
      ...(c.replay ? { records: rel(a.folder.records), responses: rel(a.folder.responses) } : {}),
      ...(c.queries ? { queries: rel(a.folder.queries) } : {}),
      ...(a.gpuSamples ? { gpuSamples: rel(a.folder.gpuSamples) } : {}),
      ...(a.gpuSamples && existsSync(a.folder.gpuSampleLines) ? { gpuSampleLines: rel(a.folder.gpuSampleLines) } : {}),
      ...(a.chain ? { chainSnapshot: rel(a.folder.chainSnapshot) } : {}),
      // the run's services (artifacts/uploads.json lists every upload with its size and sha256)
      ...(existsSync(path.join(a.folder.artifactsDir, UPLOADS_ARTIFACT))
        ? { uploads: `artifacts/${UPLOADS_ARTIFACT}`, services: `artifacts/${SERVICES_ARTIFACT}` }
        : {}),
      ...sections.artifacts,
      minerLog: rel(a.folder.minerLog),
      buildLog: rel(a.folder.buildLog),
      report: rel(a.folder.report),
    },
  };
  result.eligibility = hooks.eligibility?.(a, profile) ?? null;
  if (hooks.earnings) {
    const e = hooks.earnings(a, profile, {
      result,
      eligibility: result.eligibility,
      measure: sections.measure,
    });
    result.earnings = e.earnings;
    for (const w of e.warnings) result.warnings.push(w);
  }
  return runResultSchema.parse(result);
}
