// sharedFixture: paths into ../shared/fixtures (recordings from public repositories, never committed here) and
// whether the folder is there (it is absent in a user's clone); no vitest here, benchmarks and scripts use it too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/support/shared-fixtures.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the recordings are: ../shared/fixtures beside the repository, or SHARED_FIXTURES_DIR when set (point it at a
 * folder that does not exist to see what a clone without the recordings runs). Not a MINERBENCH_* name on purpose:
 * the CLI reports unknown MINERBENCH_* variables, and tests hand their environment to the CLI.
 */
export const SHARED_FIXTURES_DIR = resolve(
  process.env['SHARED_FIXTURES_DIR'] || join(REPO_ROOT, '..', 'shared', 'fixtures'),
);

export const SHARED_FIXTURES_PRESENT =
  existsSync(join(SHARED_FIXTURES_DIR, 'gpu')) && existsSync(join(SHARED_FIXTURES_DIR, 'chain'));

/** The one line a skipped test or suite carries. */
export const SHARED_FIXTURES_SKIP_REASON = `../shared/fixtures (recorded nvidia-smi output and chain traffic) not found at ${SHARED_FIXTURES_DIR}`;

/** The absolute path of a file or folder under ../shared/fixtures, e.g. sharedFixture('gpu/xml/k8s-test-infra/qx-h100.xml'). */
export function sharedFixture(relPath: string): string {
  return join(SHARED_FIXTURES_DIR, relPath);
}

export function readSharedFixture(relPath: string): string {
  return readFileSync(sharedFixture(relPath), 'utf8');
}

/** Every file under a shared folder whose name ends with `ext`, relative to that folder, sorted; [] when absent. */
export function sharedFixtureFiles(dir: string, ext: string): string[] {
  if (!SHARED_FIXTURES_PRESENT) return [];
  return readdirSync(sharedFixture(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort();
}

/** ../shared/fixtures (or SHARED_FIXTURES_DIR): the name some tests use. */
export const SHARED_FIXTURES = SHARED_FIXTURES_DIR;

/** Why a test that needs these recordings is skipped, or null when they are all there. */
export function missingShared(...rels: string[]): string | null {
  const gone = rels.filter((r) => !existsSync(sharedFixture(r)));
  return gone.length ? `shared recordings absent (${gone.join(', ')} under ${SHARED_FIXTURES_DIR})` : null;
}
