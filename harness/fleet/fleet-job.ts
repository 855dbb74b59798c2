// FleetJob: one unit of a night on one machine (subnet x scenario x repeat) and expandJobs to list them. Pure.
import type { Scenario } from './plan-schema.ts';

/** The scenario's run options by option key (the flags runBenchmark gets), validated by the plan's schema. */
export type JobOptions = Readonly<Record<string, unknown>>;

export interface FleetJob {
  /** template/standard/1: unique within a machine and night; what resuming matches on. */
  key: string;
  subnet: string;
  scenario: string;
  repeat: number;
  options: JobOptions;
}

export function jobKey(subnet: string, scenario: string, repeat: number): string {
  return `${subnet}/${scenario}/${repeat}`;
}

/** Repeat-major order (every subnet and scenario once, then again), so slow drift over the night spreads over all of them. */
export function expandJobs(
  subnets: readonly string[],
  scenarios: ReadonlyArray<[string, Scenario]>,
  repeats: number,
): FleetJob[] {
  const jobs: FleetJob[] = [];
  for (let repeat = 1; repeat <= repeats; repeat++) {
    for (const subnet of subnets) {
      for (const [scenario, s] of scenarios) {
        const { description: _d, ...options } = s;
        jobs.push({ key: jobKey(subnet, scenario, repeat), subnet, scenario, repeat, options });
      }
    }
  }
  return jobs;
}
