// indexedRunOf: the index's view of one result (what queryRuns returns), built from the result itself, without a DB.
import { machineIdentity } from './machine-identity.ts';
import { earningsCurrency, runFigures } from '../evaluate/run-figures.ts';
import type { IndexedRun } from './query-runs.ts';
import type { RunResult } from '../model/result/run-result.ts';

export function indexedRunOf(r: RunResult, resultPath: string): IndexedRun {
  const m = machineIdentity(r.environment);
  return {
    runId: r.runId,
    resultPath,
    subnet: { ...r.subnet },
    machine: { id: m.id, name: m.name, hostname: m.hostname, gpuSummary: m.gpuSummary },
    startedAt: r.times.startedAt,
    status: r.status,
    verdict: r.validity.verdict,
    reasons: r.validity.reasons,
    currency: earningsCurrency(r.earnings),
    minerbenchVersion: r.minerbench.version,
    figures: runFigures(r),
  };
}
