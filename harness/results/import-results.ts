// importResults: copies result files from elsewhere (another machine, a fleet) into runs/<runId>/ and indexes each.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asMinerbenchError, MinerbenchError } from '../errors.ts';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import { findResultFiles } from './find-result-files.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';
import { indexRun, type IndexOutcome } from './index-run.ts';
import type { IndexDb } from './open-index.ts';
import { parseResult } from './read-result.ts';
import { runFolder } from '../artifacts/run-folder.ts';

export interface ImportFailure {
  file: string;
  error: MinerbenchError;
}

export interface ImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: ImportFailure[];
}

export interface ImportOptions {
  /** The store's output folder: results land in <outDir>/runs/<runId>/result.json. */
  outDir: string;
  /** Called after each file, for progress. */
  onFile?: (file: string, outcome: IndexOutcome | 'failed', done: number, total: number) => void;
}

/** Every result.json found under the targets; one bad file is reported and skipped, never fatal to the others. */
export function importResults(db: IndexDb, targets: readonly string[], opts: ImportOptions): ImportReport {
  const files = targets.flatMap((t) => findResultFiles(t));
  const report: ImportReport = { added: [], updated: [], unchanged: [], failed: [] };
  files.forEach((file, k) => {
    let outcome: IndexOutcome | 'failed';
    try {
      outcome = importOne(db, file, opts.outDir);
      report[outcome].push(file);
    } catch (e) {
      const error = asMinerbenchError(e, 'STORE_FAILED');
      if (error.code === 'INDEX_LOCKED' || error.code === 'INDEX_INVALID') throw error;
      report.failed.push({ file, error });
      outcome = 'failed';
    }
    opts.onFile?.(file, outcome, k + 1, files.length);
  });
  return report;
}

function importOne(db: IndexDb, file: string, outDir: string): IndexOutcome {
  const text = readFileSync(file, 'utf8');
  const result = parseResult(text, file);
  const sha = sha256Hex(text);
  const dest = runFolder(outDir, result.runId);
  if (path.resolve(file) !== dest.result) {
    if (existsSync(dest.result)) {
      if (sha256Hex(readFileSync(dest.result)) !== sha) {
        throw new MinerbenchError(
          'RUN_ID_CONFLICT',
          `${file} claims run id ${result.runId}, which ${dest.result} already holds with different content`,
          {
            hint: 'one of the two was edited or comes from another version of the run; keep the right one',
          },
        );
      }
    } else {
      mkdirSync(dest.dir, { recursive: true });
      const report = path.join(path.dirname(file), 'report.html');
      if (existsSync(report)) copyFileSync(report, dest.report);
      writeFileAtomic(dest.result, text);
    }
  }
  return indexRun(db, result, { path: dest.result, sha256: sha });
}
