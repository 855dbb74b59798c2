// checkOutputDir / checkOutputFile: an output folder (--out, a fleet's results) or an output file's folder (--output,
// --html, a snapshot or capture file) exists or can be made, is a folder (not a file, not under a file) and is writable;
// checked before anything starts, so a run never measures for minutes and then cannot save.
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MinerbenchError } from '../errors.ts';

interface Problem {
  why: string;
  hint: string;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** What is wrong with `abs` as a folder to write into, or null; creates nothing that was not there. */
function folderProblem(abs: string): Problem | null {
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
    return { why: `cannot be read (${errno(e)})`, hint: 'choose another folder' };
  }
  if (!st.isDirectory())
    return {
      why: probe === abs ? 'is a file, not a folder' : `lies under ${probe}, which is a file`,
      hint: 'give a folder path (it is created if missing)',
    };
  try {
    // Mode bits, a read-only mount (EROFS) and the immutable attribute (EPERM, even for root) all show here.
    accessSync(probe, constants.W_OK | constants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EROFS' ? 'is on a read-only file system' : code === 'EPERM' ? 'is read-only' : 'is not writable';
    return {
      why: probe === abs ? `${why} (${code ?? 'access'})` : `cannot be created: ${probe} ${why} (${code ?? 'access'})`,
      hint: 'choose a folder you can write to, or fix its permissions',
    };
  }
  // Creating the missing folders for real is the only sure test; what this check made is removed again.
  if (missing.length) {
    try {
      mkdirSync(abs, { recursive: true });
    } catch (e) {
      return { why: `cannot be created (${errno(e)})`, hint: 'choose a folder you can write to' };
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
  return null;
}

/** Throws STORE_FAILED (42) naming the flag, the path and the fix; creates nothing that was not there. */
export function checkOutputDir(dir: string, flag: string): void {
  const p = folderProblem(path.resolve(dir));
  if (p) throw new MinerbenchError('STORE_FAILED', `${flag} ${dir}: ${p.why}`, { hint: p.hint });
}

export interface OutputFileRules {
  /** The command never overwrites (a capture): an existing file is refused. */
  mustNotExist?: boolean;
}

/** An output file: not a folder, writable if it exists, refused if it exists and must not; its folder as above. */
export function checkOutputFile(file: string, flag: string, rules: OutputFileRules = {}): void {
  const abs = path.resolve(file);
  const fail = (why: string, hint: string) => new MinerbenchError('STORE_FAILED', `${flag} ${file}: ${why}`, { hint });
  let st;
  try {
    st = statSync(abs);
  } catch {
    st = null; // missing (or under a file): the folder check below says which
  }
  if (st?.isDirectory()) throw fail('is a folder, not a file', 'give a file path (the folder is created if missing)');
  if (st && rules.mustNotExist)
    throw fail('exists, and is never overwritten', 'choose a new file, or move the old one away');
  if (st) {
    try {
      accessSync(abs, constants.W_OK);
    } catch (e) {
      throw fail(`is not writable (${errno(e)})`, 'choose a file you can write to, or fix its permissions');
    }
  }
  const dir = path.dirname(abs);
  const p = folderProblem(dir);
  if (!p) return;
  if (p.why.startsWith('is a file')) throw fail(`lies under ${dir}, which is a file`, 'give a file path in a folder');
  throw fail(/^(lies under|cannot be)/.test(p.why) ? p.why : `its folder ${dir} ${p.why}`, p.hint);
}
