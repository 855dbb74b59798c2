// storeAndRender: STORE and RENDER: result.json written atomically, indexed, and the report beside it. A report that
// cannot be rendered leaves the result (marked failed, with how to re-render) rather than losing it.
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import type { RunFolder } from '../artifacts/run-folder.ts';
import { MinerbenchError } from '../errors.ts';
import type { RunEventSink } from '../model/run-events.ts';
import type { RunResult } from '../model/result/run-result.ts';
import { reindexAdvice } from '../results/reindex-advice.ts';
import { storeRun } from '../results/store-run.ts';
import { renderRunReport } from './render-run-report.ts';

export interface Stored {
  result: RunResult;
  renderError?: MinerbenchError;
}

export function storeAndRender(result: RunResult, folder: RunFolder, outDir: string, emit: RunEventSink): Stored {
  const write = (r: RunResult) => {
    try {
      writeFileAtomic(folder.result, JSON.stringify(r, null, 2));
    } catch (e) {
      throw new MinerbenchError('STORE_FAILED', `could not write ${folder.result}: ${(e as Error).message}`, {
        hint: `the artifacts are in ${folder.artifactsDir}; free space or fix permissions, then run: minerbench evaluate ${folder.dir}`,
      });
    }
  };
  write(result);
  emit({ type: 'phase', phase: 'render' });
  let renderError: MinerbenchError | undefined;
  let final = result;
  try {
    renderRunReport(result, folder);
  } catch (e) {
    renderError = new MinerbenchError(
      'EVALUATION_FAILED',
      `the run was evaluated, but its report could not be rendered: ${(e as Error).message}`,
      {
        hint: `result.json is kept; re-render with: minerbench evaluate ${folder.dir}`,
        cause: e,
      },
    );
    final = { ...result, status: 'failed', error: renderError.toJSON() };
    write(final);
  }
  try {
    storeRun(outDir, final, folder.result);
  } catch (e) {
    emit({
      type: 'warning',
      message: `result saved but not indexed (${(e as Error).message}); index it later with: ${reindexAdvice(e, outDir, folder.dir)}`,
    });
  }
  return { result: final, ...(renderError ? { renderError } : {}) };
}
