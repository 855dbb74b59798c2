// rebuildIndex: fills the index again from the result files under the write lock, so nothing indexed meanwhile is lost.
import { existsSync, readFileSync } from 'node:fs';
import { asMinerbenchError } from '../errors.ts';
import { findResultFiles } from './find-result-files.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';
import type { ImportReport } from './import-results.ts';
import { writeRun } from './index-run.ts';
import { indexError, type IndexDb } from './open-index.ts';
import { parseResult } from './read-result.ts';
import type { RunResult } from '../model/result/run-result.ts';

export interface RebuildOptions {
  /** 'read': the files were parsed (no lock held yet); 'locked': the write lock is held, the swap follows. */
  onPhase?: (phase: 'read' | 'locked', files: number) => void;
}

interface Parsed {
  file: string;
  result: RunResult;
  sha: string;
}

const filesUnder = (folders: readonly string[]) =>
  folders.filter((d) => existsSync(d)).flatMap((d) => findResultFiles(d));

/**
 * Parses every result.json first (the slow part, without the lock), then takes the write lock, lists the folders
 * again and re-reads every file (re-parsing only what changed), keeps rows whose file lies elsewhere but still holds
 * what was indexed, and swaps the content in one transaction: a run or import that finished before the lock is in the
 * new index, one that finishes after it writes into the new index; readers see old or new.
 */
export function rebuildIndex(db: IndexDb, folders: readonly string[], opts: RebuildOptions = {}): ImportReport {
  const early = new Map<string, Omit<Parsed, 'file'>>();
  for (const file of filesUnder(folders)) {
    try {
      const text = readFileSync(file, 'utf8');
      early.set(file, { result: parseResult(text, file), sha: sha256Hex(text) });
    } catch {
      /* reported under the lock, where the file is read again */
    }
  }
  opts.onPhase?.('read', early.size);
  let report: ImportReport = { added: [], updated: [], unchanged: [], failed: [] };
  try {
    db.transaction(() => {
      report = { added: [], updated: [], unchanged: [], failed: [] };
      opts.onPhase?.('locked', early.size);
      const parsed: Parsed[] = [];
      const read = (file: string) => {
        try {
          const text = readFileSync(file, 'utf8');
          const sha = sha256Hex(text);
          const known = early.get(file);
          parsed.push({ file, sha, result: known && known.sha === sha ? known.result : parseResult(text, file) });
        } catch (e) {
          report.failed.push({ file, error: asMinerbenchError(e, 'RESULT_INVALID') });
        }
      };
      const files = filesUnder(folders);
      for (const f of files) read(f);
      // Rows pointing outside the folders (indexed where they lay) survive while their file still holds that result.
      const listed = new Set(files);
      const rows = db.prepare('SELECT result_path AS path, result_sha256 AS sha FROM runs').all() as Array<{
        path: string;
        sha: string;
      }>;
      for (const r of rows) {
        if (listed.has(r.path) || !existsSync(r.path)) continue;
        if (sha256Hex(readFileSync(r.path)) === r.sha) read(r.path);
      }
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
