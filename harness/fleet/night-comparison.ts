// writeNightComparison: the comparison report of one night's runs (machines side by side per subnet) beside the morning report.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareReportHtml } from '../../reports/compare-report-html.ts';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import { indexedRunOf } from '../results/indexed-run-of.ts';
import { readResult } from '../results/read-result.ts';
import type { MorningReport } from './morning-report.ts';

/** Writes the comparison of tonight's completed runs; returns its path, or undefined when no run completed. */
export function writeNightComparison(resultsDir: string, report: MorningReport, file: string): string | undefined {
  const files = report.machines
    .flatMap((m) => m.series.flatMap((s) => s.runs.map((r) => path.join(resultsDir, 'runs', r.runId, 'result.json'))))
    .filter((f) => existsSync(f));
  if (!files.length) return undefined;
  const runs = files.map((f) => indexedRunOf(readResult(f), f));
  writeFileAtomic(file, compareReportHtml(runs, `minerbench fleet ${report.fleet}: night ${report.night}`));
  return file;
}
