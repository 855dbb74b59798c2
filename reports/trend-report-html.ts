// trendReportHtml: the self-contained trend report (each subnet x machine over nights, regressions marked) of indexed runs.
import { MinerbenchError } from '../harness/errors.ts';
import type { IndexedRun } from '../harness/results/query-runs.ts';
import { generateReport } from './generate-report.ts';
import { buildTrend } from './trend-data.ts';

export function trendReportHtml(runs: readonly IndexedRun[], title = 'minerbench trend'): string {
  if (!runs.length)
    throw new MinerbenchError('NO_MATCHING_RUNS', 'no runs for a trend', {
      hint: 'minerbench history lists the indexed runs; loosen --subnet / --machine / --since, or import results first',
    });
  return generateReport('trend', buildTrend(runs), title);
}
