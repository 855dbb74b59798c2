// storeRun: the STORE phase of a run: indexes its result.json in <out>/minerbench.db (the file is already written).
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../artifacts/sha256-hex.ts';
import { indexRun, type IndexOutcome } from './index-run.ts';
import { indexPath, openIndex, type OpenIndexOptions } from './open-index.ts';
import type { RunResult } from '../model/result/run-result.ts';

export function storeRun(
  outDir: string,
  result: RunResult,
  resultFile: string,
  opts: OpenIndexOptions = {},
): IndexOutcome {
  const db = openIndex(indexPath(outDir), opts);
  try {
    return indexRun(db, result, { path: resultFile, sha256: sha256Hex(readFileSync(resultFile)) });
  } finally {
    db.close();
  }
}
