// runReportHtml: the self-contained report of one run, from its result.
import type { RunResult } from '../harness/model/result/run-result.ts';
import { generateReport } from './generate-report.ts';

export function runReportHtml(result: RunResult): string {
  return generateReport('run', result, `minerbench · ${result.subnet.title} · ${result.runId}`);
}
