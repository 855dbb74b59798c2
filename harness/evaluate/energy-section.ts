// energySection: the result's energy section from the run's GPU samples, phases and query counts. Pure.
import type { EnergySection, RunPhases } from '../model/result/energy-section.ts';
import { evaluateEnergy, type EnergyTrace } from './energy.ts';

/** What the sampler recorded (a GpuSamplerArtifact is one), with what the report says about the sampler itself. */
export interface SampledTrace extends EnergyTrace {
  fields: string[];
  powerField: string | null;
  restarts: number;
  gaps: Array<{ startMs: number; endMs: number; reason: string }>;
  errors: Array<{ atMs: number; code: string; message: string }>;
}

export interface EnergySectionInput {
  /** Why there are no samples, when there are none (no GPU, no GPU given to this miner, stopped before the load). */
  notSampled: string | null;
  trace: SampledTrace | null;
  phases: RunPhases | null;
  /** Measured queries, those that succeeded and their quality sum; null when the workload counts no queries. */
  counts: { total: number; successful: number; qualitySum: number } | null;
  /** Enforced power limit per GPU UUID, from the inventory. */
  enforcedLimitW: Record<string, number | null>;
}

export function energySection(i: EnergySectionInput): EnergySection {
  if (!i.trace) return { measured: false, reason: i.notSampled ?? 'power not measured: the GPU sampler did not run' };
  const t = i.trace;
  const sampler = {
    fields: t.fields,
    powerField: t.powerField,
    periodMs: t.periodMs,
    restarts: t.restarts,
    gaps: t.gaps,
    errors: t.errors.slice(0, 10),
  };
  if (!i.phases) return { measured: false, reason: 'power not measured: the run stopped before the load', sampler };
  const report = evaluateEnergy({
    trace: t,
    loadWindow: i.phases.measure,
    idleWindow: i.phases.idle,
    queries: i.counts,
    enforcedLimitW: i.enforcedLimitW,
  });
  if (report.energyJ === null)
    return {
      measured: false,
      reason: 'power not measured: the sampler recorded no power for at least one GPU in the load window',
      sampler,
    };
  return { measured: true, ...report, sampler, phases: i.phases };
}
