// readOnlyFolder: a folder this process really cannot write into. As root, mode bits do not stop writes, so the folder
// gets the immutable attribute (chattr +i: refused with EPERM even to root, on ext4/xfs/btrfs); as another user, mode
// 0555. Where neither works (root on tmpfs, no CAP_LINUX_IMMUTABLE), the caller skips with the reason.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ReadOnlyFolder {
  dir: string;
  /** How it was made read-only, for the test's name and messages. */
  how: string;
  release(): void;
}

export function readOnlyFolder(): ReadOnlyFolder | { skip: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minerbench-ro-'));
  const root = process.getuid?.() === 0;
  const release = (undo: () => void) => () => {
    try {
      undo();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  if (!root) {
    chmodSync(dir, 0o555);
    return { dir, how: 'mode 0555', release: release(() => chmodSync(dir, 0o755)) };
  }
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `running as root and chattr +i failed here (${(e as Error).message.split('\n')[0]})` };
  }
  const ro = { dir, how: 'chattr +i (immutable, refused even to root)', release: release(() => chattr(dir, '-i')) };
  // Prove it: a write must fail, or the test would prove nothing.
  try {
    writeFileSync(path.join(dir, 'probe'), 'x');
  } catch {
    return ro;
  }
  ro.release();
  return { skip: 'chattr +i did not stop a write here' };
}

function chattr(dir: string, flag: string): void {
  execFileSync('chattr', [flag, dir], { stdio: 'pipe' });
}
