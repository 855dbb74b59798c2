// describeShared / itShared: describe() and it() for tests that read ../shared/fixtures, skipped with the reason
// in their title where the folder is absent (a user's clone).
import { describe, it } from 'vitest';
import { SHARED_FIXTURES_PRESENT, SHARED_FIXTURES_SKIP_REASON } from './shared-fixtures.ts';

/**
 * describe() for tests that read ../shared/fixtures. Where it is absent the suite is skipped and its body is never
 * run (so it may read recordings while collecting); it shows one skipped test whose title says why.
 */
export function describeShared(name: string, body: () => void): void {
  if (SHARED_FIXTURES_PRESENT) describe(name, body);
  else describe.skip(name, () => it(`skipped: ${SHARED_FIXTURES_SKIP_REASON}`, () => {}));
}

/** it() for one test that reads ../shared/fixtures; skipped where it is absent, the reason in its title. */
export function itShared(name: string, body: () => unknown | Promise<unknown>, timeout?: number): void {
  if (SHARED_FIXTURES_PRESENT) it(name, body, timeout);
  else it.skip(`${name} (skipped: ${SHARED_FIXTURES_SKIP_REASON})`, () => {});
}
