// importRun: indexes one copied-back run folder in the central results index (<results>/minerbench.db).
import path from 'node:path';
import { readResult } from '../results/read-result.ts';
import { storeRun } from '../results/store-run.ts';

/** The one place the fleet hands a run to the results store; idempotent (a re-import of the same file is 'unchanged'). */
export async function importRun(resultsDir: string, runDir: string): Promise<string> {
  const file = path.join(runDir, 'result.json');
  return storeRun(resultsDir, readResult(file), file);
}
