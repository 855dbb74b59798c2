// runConfigOf: the result's config section (what the run was asked to do), from its run context alone.
import type { ResolvedRunConfig } from '../model/result/run-result.ts';
import type { RunContext } from '../model/run-context.ts';

export function runConfigOf(c: RunContext): ResolvedRunConfig {
  return {
    subnet: c.subnet.id,
    options: c.options,
    origin: c.origin,
    workload: c.workload.kind,
    law: c.law.kind,
    queriesFile: c.queries?.file ?? null,
    queriesSha256: c.queries?.sha256 ?? null,
    timeoutS: c.timeout?.s ?? null,
    timeoutSource: c.timeout?.source ?? null,
    validatorQps: c.validatorQps,
  };
}
