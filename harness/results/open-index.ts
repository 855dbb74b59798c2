// openIndex: opens (creating if needed) the SQLite results index in WAL mode; maps SQLite failures to clear errors.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MinerbenchError } from '../errors.ts';
import { INDEX_SCHEMA, INDEX_SCHEMA_VERSION } from './index-schema.ts';

export type IndexDb = Database.Database;

export interface OpenIndexOptions {
  /** How long to wait for another minerbench's write to finish before giving up (ms); default 10 s. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

/** .minerbench/minerbench.db under the output folder. */
export function indexPath(outDir: string): string {
  return path.join(outDir, 'minerbench.db');
}

export function openIndex(file: string, opts: OpenIndexOptions = {}): IndexDb {
  const timeout = opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let db: IndexDb | undefined;
  try {
    if (!opts.readonly) mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { timeout, fileMustExist: Boolean(opts.readonly) });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > INDEX_SCHEMA_VERSION) {
      throw new MinerbenchError(
        'INDEX_INVALID',
        `${file} is a results index of version ${version}; this minerbench knows version ${INDEX_SCHEMA_VERSION}`,
        {
          hint: 'use the newer minerbench, or move the file away and rebuild it from the result files: minerbench import --rebuild',
        },
      );
    }
    if (!opts.readonly) {
      const d = db;
      // Two minerbench processes opening a new index at once can meet SQLITE_BUSY outside the busy handler
      // (the switch to WAL, the schema); both steps are idempotent, so they are retried until the timeout.
      retryWhileBusy(() => d.pragma('journal_mode = WAL'), timeout);
      d.pragma('synchronous = NORMAL');
      d.pragma('foreign_keys = ON');
      if (version < INDEX_SCHEMA_VERSION) {
        retryWhileBusy(
          () => d.exec(`BEGIN IMMEDIATE; ${INDEX_SCHEMA} PRAGMA user_version = ${INDEX_SCHEMA_VERSION}; COMMIT;`),
          timeout,
          () => {
            if (d.inTransaction) d.exec('ROLLBACK');
          },
        );
      }
    }
    return db;
  } catch (e) {
    db?.close();
    throw indexError(e, file, timeout);
  }
}

/** A SQLite failure as a MinerbenchError that says what happened to which file and what to do. */
export function indexError(e: unknown, file: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): MinerbenchError {
  if (e instanceof MinerbenchError) return e;
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message ?? String(e);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new MinerbenchError(
      'INDEX_LOCKED',
      `the results index ${file} is locked by another minerbench (waited ${(busyTimeoutMs / 1000).toFixed(1)} s)`,
      {
        hint: 'wait for the other minerbench to finish and try again; result files are safe, and minerbench import indexes them later',
        cause: e,
      },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/.test(msg)) {
    return new MinerbenchError('INDEX_INVALID', `${file} is not a minerbench results index (${msg})`, {
      hint: `minerbench import --rebuild --out ${path.dirname(file)} moves it aside (kept as ${path.basename(file)}.damaged-<time>) and rebuilds the index from the result files`,
      cause: e,
    });
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new MinerbenchError('STORE_FAILED', `cannot open the results index ${file} (${msg})`, {
      hint: 'check that the folder exists and is writable',
      cause: e,
    });
  }
  return new MinerbenchError('STORE_FAILED', `results index ${file}: ${msg}`, { cause: e });
}

/** Runs fn again while SQLite answers BUSY or LOCKED, for up to timeoutMs (synchronous, like better-sqlite3). */
function retryWhileBusy<T>(fn: () => T, timeoutMs: number, undo?: () => void): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return fn();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      undo?.();
      if (!/^SQLITE_(BUSY|LOCKED)/.test(code) || Date.now() >= deadline) throw e;
      Atomics.wait(pause, 0, 0, 25);
    }
  }
}
