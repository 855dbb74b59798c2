// compareReportHtml: the self-contained comparison report (machines per subnet, subnets per machine) of indexed runs.
import { MinerbenchError } from '../harness/errors.ts';
import type { IndexedRun } from '../harness/results/query-runs.ts';
import { buildComparison } from './compare-data.ts';
import { generateReport } from './generate-report.ts';

export function compareReportHtml(runs: readonly IndexedRun[], title = 'minerbench comparison'): string {
  if (!runs.length)
    throw new MinerbenchError('NO_MATCHING_RUNS', 'no runs to compare', {
      hint: 'minerbench history lists the indexed runs; loosen --subnet / --machine / --since, or import results first',
    });
  return generateReport('compare', buildComparison(runs), title);
}
