// Where the shared recordings live (../shared/fixtures from the repository root) and a one-line skip when absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/fixtures beside the repository. */
export const SHARED_FIXTURES = path.resolve(REPO, '../shared/fixtures');

export function sharedFixture(rel: string): string {
  return path.join(SHARED_FIXTURES, rel);
}

export function readSharedFixture(rel: string): string {
  return readFileSync(sharedFixture(rel), 'utf8');
}

/** Why a test that needs these recordings is skipped, or null when they are all there. */
export function missingShared(...rels: string[]): string | null {
  const gone = rels.filter((r) => !existsSync(sharedFixture(r)));
  return gone.length ? `shared recordings absent (${gone.join(', ')} under ${SHARED_FIXTURES})` : null;
}
