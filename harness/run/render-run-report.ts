// renderRunReport: writes report.html beside result.json.
import { generateReport } from '../../reports/generate-report.ts';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import type { RunFolder } from '../artifacts/run-folder.ts';
import type { RunResult } from '../model/result/run-result.ts';

export function renderRunReport(result: RunResult, folder: RunFolder): void {
  writeFileAtomic(
    folder.report,
    generateReport('run', result, `minerbench · ${result.subnet.title} · ${result.runId}`),
  );
}
