// recordedMachine: the machine side of an estimate as a run recorded it: its facts (context.machineFacts, or what the
// environment section says for runs that recorded none), its gates' verdict and what its workload measured. Pure.
import type { MachineFacts } from '../model/machine-facts.ts';
import type { MachineMeasure } from '../model/machine-measure.ts';
import type { Eligibility } from '../model/result/eligibility-section.ts';
import type { RunResult } from '../model/result/run-result.ts';
import type { RunContext } from '../model/run-context.ts';
import type { WorkloadSections } from '../workload/workload-kind.ts';

/** A run that recorded no machine facts (minerbench before 0.2): the GPUs its environment section lists, nothing more. */
export function machineFactsOf(c: RunContext): MachineFacts {
  if (c.machineFacts) return c.machineFacts;
  const g = c.environment.gpus;
  return {
    probedAt: c.startedAt,
    gpuSource: g.available
      ? "the run's environment section (this run recorded no machine facts: names and power limits only)"
      : `no NVIDIA GPU: ${g.reason}`,
    driverVersion: g.available ? g.driver : null,
    cudaVersion: g.available ? g.cuda : null,
    gpus: g.available
      ? g.devices
          .filter((d) => g.assignedDeviceIds.length === 0 || d.assigned)
          .map((d) => ({
            index: d.index,
            uuid: d.uuid || null,
            name: d.name,
            memoryTotalMiB: null,
            utilizationGpuPct: null,
            memoryUsedMiB: null,
            virtualizationMode: null,
            ccMode: null,
            nvenc: null,
            nvencSource: null,
            architecture: null,
            powerLimitW: d.powerLimitW,
          }))
      : [],
    cpu: { model: null, ccFlags: [], source: null },
  };
}

/** A subnet that declares no gates takes every machine. */
export const NO_GATES: Eligibility = { eligible: true, gates: [], reasons: [] };

/** What the laws price, from the run's result and its workload's figures. */
export function machineMeasureOf(
  c: RunContext,
  result: RunResult,
  eligibility: Eligibility | null,
  measure: WorkloadSections['measure'],
): MachineMeasure {
  const energyW = result.energy.measured ? result.energy.meanW : null;
  return {
    origin: `run ${c.runId}`,
    facts: machineFactsOf(c),
    eligibility: eligibility ?? NO_GATES,
    meanPowerW: measure.meanPowerW ?? energyW,
    replay: measure.replay,
    tokens: measure.tokens,
    stress: measure.stress ?? null,
    window: measure.window ?? null,
  };
}
