// Checks that no file of the project is a byte copy of a recording in ../shared/fixtures (those are never committed).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { itShared } from './describe-shared.ts';
import { REPO_ROOT, SHARED_FIXTURES_DIR } from './shared-fixtures.ts';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every non-empty file under ../shared/fixtures by its hash, as paths relative to it. */
function sharedHashes(): Map<string, string> {
  const byHash = new Map<string, string>();
  for (const rel of readdirSync(SHARED_FIXTURES_DIR, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = join(SHARED_FIXTURES_DIR, rel);
    const s = statSync(file);
    if (s.isFile() && s.size > 0 && !byHash.has(sha256(file))) byHash.set(sha256(file), rel);
  }
  return byHash;
}

/** The project's files: tracked, and new ones git does not ignore (so a copy is caught before it is committed). */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split('\0').filter((f) => f !== '');
}

itShared('no file of the project is a byte copy of a file in ../shared/fixtures', () => {
  const shared = sharedHashes();
  expect(shared.size).toBeGreaterThan(100); // the gpu and chain recordings are there to compare with
  const files = projectFiles();
  expect(files).toContain('package.json');
  const copies: string[] = [];
  for (const rel of files) {
    const file = join(REPO_ROOT, rel);
    let s;
    try {
      s = statSync(file);
    } catch {
      continue; // deleted in the work tree, not yet committed
    }
    if (!s.isFile() || s.size === 0) continue;
    const same = shared.get(sha256(file));
    if (same) copies.push(`${rel} is a copy of ../shared/fixtures/${same}`);
  }
  expect(copies).toEqual([]);
});
