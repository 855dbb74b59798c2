// userStateDir: minerbench's per-user folder for pidfiles and run locks, created 0700 and refused when it is not ours.
import { lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MinerbenchError } from '../errors.ts';

/** <tmpdir>/minerbench-<uid>: one folder per user, so no other user can plant or remove our files. */
export function userStateDir(): string {
  return path.join(os.tmpdir(), `minerbench-${process.getuid?.() ?? 'user'}`);
}

/** Why a folder cannot be trusted with pidfiles (someone else's, writable by others, a link), or null when it can. */
export function untrustedDirReason(dir: string): string | null {
  let st;
  try {
    st = lstatSync(dir);
  } catch (e) {
    return `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (!st.isDirectory()) return 'it is not a folder';
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return `it belongs to uid ${st.uid}, not to you (uid ${uid})`;
  if (st.mode & 0o022) return `others may write to it (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}

/** The folder (or a sub-folder of it), created with mode 0700; throws RUNTIME_FAILED when it exists but is not trusted. */
export function ensureStateDir(sub: string, root = userStateDir()): string {
  for (const dir of [root, path.join(root, sub)]) {
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new MinerbenchError(
          'RUNTIME_FAILED',
          `cannot create minerbench's state folder ${dir}: ${(e as Error).message}`,
          {
            hint: 'check that the temporary folder (TMPDIR) is writable',
          },
        );
      }
    }
    const why = untrustedDirReason(dir);
    if (why) {
      throw new MinerbenchError('RUNTIME_FAILED', `minerbench's state folder ${dir} is not safe to use: ${why}`, {
        hint: `remove it (or chmod 700 it if it is yours); minerbench creates it again with mode 0700`,
      });
    }
  }
  return path.join(root, sub);
}
