// scoreRecords: the subnet's own validator reward for every measured response; a throwing scorer is an error value.
import type { ReplayProfile, ScoreInput } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestRecord } from '../model/request-record.ts';

export interface ScoredRecords {
  scores: number[];
  /** Problems with the scorer itself (never the miner's fault). */
  warnings: string[];
}

export function scoreRecords(
  score: ReplayProfile['score'],
  records: readonly RequestRecord[],
  responses: ReadonlyArray<Record<string, unknown> | null>,
  queryOf: (r: RequestRecord) => CapturedQuery,
): ScoredRecords {
  const warnings: string[] = [];
  const scores = records.map((record, k) => {
    const input: ScoreInput = {
      query: queryOf(record),
      response: record.status === 'ok' ? (responses[k] ?? null) : null,
      record,
    };
    try {
      const s = score(input);
      if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > 1) {
        if (warnings.length < 5)
          warnings.push(`score() returned ${String(s)} for query ${record.i} (line ${record.line}); counted as 0`);
        return 0;
      }
      return s;
    } catch (e) {
      if (warnings.length < 5)
        warnings.push(
          `score() threw for query ${record.i} (line ${record.line}): ${(e as Error).message}; counted as 0`,
        );
      return 0;
    }
  });
  return { scores, warnings };
}
