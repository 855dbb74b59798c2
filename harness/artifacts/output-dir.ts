// checkOutputDir: an output folder (--out, --output's folder, a fleet folder) exists or can be made, is a folder, and is
// writable; checked before anything starts so a run never measures for minutes and then cannot save.
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MinerbenchError } from '../errors.ts';

/** Throws STORE_FAILED (42) naming the flag, the path and the fix; creates nothing that was not there (a probe folder is removed). */
export function checkOutputDir(dir: string, flag: string): void {
  const abs = path.resolve(dir);
  const fail = (why: string, hint: string) => new MinerbenchError('STORE_FAILED', `${flag} ${dir}: ${why}`, { hint });
  // The nearest existing ancestor decides: it must be a folder we can write into.
  let probe = abs;
  const missing: string[] = [];
  while (!existsSync(probe)) {
    missing.push(probe);
    const up = path.dirname(probe);
    if (up === probe) break;
    probe = up;
  }
  let st;
  try {
    st = statSync(probe);
  } catch (e) {
    throw fail(
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      'choose another folder',
    );
  }
  if (!st.isDirectory())
    throw fail(
      probe === abs ? 'is a file, not a folder' : `lies under ${probe}, which is a file`,
      'give a folder path (it is created if missing)',
    );
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
  } catch {
    throw fail(
      probe === abs ? 'is not writable by this user' : `cannot be created: ${probe} is not writable by this user`,
      'choose a folder you can write to, or fix its permissions',
    );
  }
  // A read-only file system passes access(); creating the folders for real is the only sure test.
  if (missing.length) {
    try {
      mkdirSync(abs, { recursive: true });
    } catch (e) {
      throw fail(
        `cannot be created (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        'choose a folder you can write to',
      );
    } finally {
      for (const m of missing) {
        try {
          rmdirSync(m);
        } catch {
          // not empty or already gone: leave it
        }
      }
    }
  }
}
