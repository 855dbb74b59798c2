// Temporary store folders for the index tests: write result files where a run would, clean up after.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunResult } from '../../../harness/model/result/run-result.ts';

export function tempDir(prefix = 'mb-store-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** <dir>/runs/<runId>/result.json, as runBenchmark writes it. */
export function writeResult(dir: string, r: RunResult, text = JSON.stringify(r, null, 2)): string {
  const folder = path.join(dir, 'runs', r.runId);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'result.json');
  writeFileSync(file, text);
  return file;
}
