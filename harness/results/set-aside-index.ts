// setAsideIndex: moves a damaged results index (and its WAL files) out of the way, kept for inspection, so it can be rebuilt.
import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';
import { INDEX_SCHEMA_VERSION } from './index-schema.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether the file is an SQLite database whose user_version is above ours (a newer minerbench's index, not damage). */
export function isNewerIndex(file: string): boolean {
  const head = Buffer.alloc(100);
  let n: number;
  try {
    const fd = openSync(file, 'r');
    try {
      n = readSync(fd, head, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  // The database header: the magic string at 0, user_version as a 4-byte big-endian integer at offset 60.
  return n === 100 && head.toString('latin1', 0, 16) === SQLITE_MAGIC && head.readUInt32BE(60) > INDEX_SCHEMA_VERSION;
}

/** Renames <file>, <file>-wal and <file>-shm to <file>.damaged-<time>[...]; returns the new name of the index. */
export function setAsideIndex(file: string, now = new Date()): string {
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, aside + ext);
  return aside;
}
