// rebuildIndex: empties the index and fills it again from the result files, all in one transaction.
import { readFileSync } from 'node:fs';
import { asMinerbenchError } from '../errors.ts';
import { findResultFiles } from './find-result-files.ts';
import { sha256Hex } from './hash-text.ts';
import type { ImportReport } from './import-results.ts';
import { writeRun } from './index-run.ts';
import { indexError, type IndexDb } from './open-index.ts';
import { parseResult } from './read-result.ts';
import type { RunResult } from '../model/result/run-result.ts';

/** Reads every result.json under the folders first, then swaps the index content at once: readers see old or new. */
export function rebuildIndex(db: IndexDb, folders: readonly string[]): ImportReport {
  const report: ImportReport = { added: [], updated: [], unchanged: [], failed: [] };
  const parsed: Array<{ file: string; result: RunResult; sha: string }> = [];
  for (const file of folders.flatMap((d) => findResultFiles(d))) {
    try {
      const text = readFileSync(file, 'utf8');
      parsed.push({ file, result: parseResult(text, file), sha: sha256Hex(text) });
    } catch (e) {
      report.failed.push({ file, error: asMinerbenchError(e, 'RESULT_INVALID') });
    }
  }
  try {
    db.transaction(() => {
      db.exec('DELETE FROM figures; DELETE FROM runs; DELETE FROM machines; DELETE FROM subnets;');
      for (const p of parsed) {
        try {
          writeRun(db, p.result, { path: p.file, sha256: p.sha });
          report.added.push(p.file);
        } catch (e) {
          if ((e as { code?: string }).code !== 'RUN_ID_CONFLICT') throw e;
          report.failed.push({ file: p.file, error: asMinerbenchError(e) });
        }
      }
    }).immediate();
  } catch (e) {
    throw indexError(e, db.name, db.pragma('busy_timeout', { simple: true }) as number);
  }
  return report;
}
