// RunFolder: the paths of one run's output (runs/<runId>/: result.json, report.html, artifacts/) and its run id.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface RunFolder {
  runId: string;
  dir: string;
  artifactsDir: string;
  result: string;
  report: string;
  records: string;
  minerLog: string;
  buildLog: string;
}

/** 20261122-034501-template-a1b2: sortable by time, unique across machines and parallel runs. */
export function newRunId(subnetId: string, at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
  return `${stamp}-${subnetId}-${randomBytes(2).toString('hex')}`;
}

export function runFolder(outDir: string, runId: string): RunFolder {
  const dir = path.resolve(outDir, 'runs', runId);
  const artifactsDir = path.join(dir, 'artifacts');
  return {
    runId,
    dir,
    artifactsDir,
    result: path.join(dir, 'result.json'),
    report: path.join(dir, 'report.html'),
    records: path.join(artifactsDir, 'records.jsonl'),
    minerLog: path.join(artifactsDir, 'miner.log'),
    buildLog: path.join(artifactsDir, 'build.log'),
  };
}

export function createRunFolder(f: RunFolder): void {
  mkdirSync(f.artifactsDir, { recursive: true });
}
