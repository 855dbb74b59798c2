// Vitest global setup: says once, at the start of a run, that the tests needing ../shared/fixtures will be skipped.
import { SHARED_FIXTURES_PRESENT, SHARED_FIXTURES_SKIP_REASON } from './shared-fixtures.ts';

export default function sharedFixturesNotice(): void {
  // Each vitest project runs the global setup; the variable keeps it to one line per run.
  if (SHARED_FIXTURES_PRESENT || process.env['SHARED_FIXTURES_NOTICE_SHOWN']) return;
  process.env['SHARED_FIXTURES_NOTICE_SHOWN'] = '1';
  console.log(`Skipping the tests that replay recordings: ${SHARED_FIXTURES_SKIP_REASON}.`);
}
