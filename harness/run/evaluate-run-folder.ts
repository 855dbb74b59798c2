// evaluateRunFolder: EVALUATE for a run folder: reads its artifacts and evaluates them; when evaluation itself fails
// (a broken plugin, a bug), the measurement is kept and the result says so: status failed, EVALUATION_FAILED, and how to
// re-evaluate once fixed.
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { asMinerbenchError, MinerbenchError } from '../errors.ts';
import { runResultSchema, SCHEMA_VERSION, type RunResult } from '../model/result/run-result.ts';
import type { RunContext } from '../model/run-context.ts';
import { evaluateArtifacts, type EvaluateHooks } from './evaluate-artifacts.ts';
import { readRunArtifacts } from './run-artifacts.ts';
import { runConfigOf } from './run-config-of.ts';

export interface EvaluatedRun {
  result: RunResult;
  /** Set when evaluation failed: the result is a failed one that keeps what the context knows. */
  evaluationError?: MinerbenchError;
}

export function evaluateRunFolder(dir: string, profile: SubnetProfile, hooks: EvaluateHooks = {}): EvaluatedRun {
  const a = readRunArtifacts(dir);
  try {
    return { result: evaluateArtifacts(a, profile, hooks) };
  } catch (e) {
    const cause = asMinerbenchError(e);
    const err = new MinerbenchError(
      'EVALUATION_FAILED',
      `the run measured, but evaluating it failed: ${cause.message}`,
      {
        hint: `the artifacts are kept in ${a.folder.artifactsDir}; fix the cause, then run: minerbench evaluate ${dir}`,
        details: cause.details,
        cause: e,
      },
    );
    return { result: failedResult(a.context, err), evaluationError: err };
  }
}

/** A result that says evaluation failed, built from the context alone (so it cannot fail the same way). */
function failedResult(c: RunContext, err: MinerbenchError): RunResult {
  return runResultSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    minerbench: { version: c.minerbenchVersion },
    runId: c.runId,
    status: 'failed',
    error: err.toJSON(),
    subnet: c.subnet,
    workload: c.workload,
    times: { startedAt: c.startedAt, endedAt: c.endedAt ?? c.startedAt, measureSeconds: 0 },
    config: runConfigOf(c),
    environment: c.environment,
    eligibility: null,
    earnings: null,
    chain: c.chain,
    energy: { measured: false, reason: 'not evaluated: evaluation failed' },
    validity: { verdict: 'INVALID', reasons: [err.message] },
    warnings: c.warnings,
    artifacts: {
      context: 'artifacts/context.json',
      records: 'artifacts/records.jsonl',
      responses: 'artifacts/responses.jsonl',
    },
  });
}
