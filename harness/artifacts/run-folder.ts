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
  /** Everything evaluation needs besides the streamed files: options, environment, phases (artifacts/context.json). */
  context: string;
  /** One RequestRecord per line, in the order queries completed. */
  records: string;
  /** The parsed response of each record (and what `inspect` found), line for line with records.jsonl. */
  responses: string;
  /** The queries file the run replayed, as it was. */
  queries: string;
  /** The GPU sampler's header (fields, gaps, errors) and, beside it, its samples streamed one per line. */
  gpuSamples: string;
  gpuSampleLines: string;
  /** The chain snapshot the earnings used (the subnet's entry). */
  chainSnapshot: string;
  minerLog: string;
  buildLog: string;
  /** The law table the run priced with, as it was (so a re-evaluation prices with the same table). */
  lawTable: string;
  /** The stress program's output lines, times on the run clock (stress workload). */
  stress: string;
}

/** 20261122-034501-template-a1b2: sortable by time, unique across machines and parallel runs. */
export function newRunId(subnetId: string, at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
  return `${stamp}-${subnetId}-${randomBytes(2).toString('hex')}`;
}

/** The folder of an existing run (its id is the folder's name). */
export function runFolderAt(dir: string): RunFolder {
  const abs = path.resolve(dir);
  const artifactsDir = path.join(abs, 'artifacts');
  const a = (f: string) => path.join(artifactsDir, f);
  return {
    runId: path.basename(abs),
    dir: abs,
    artifactsDir,
    result: path.join(abs, 'result.json'),
    report: path.join(abs, 'report.html'),
    context: a('context.json'),
    records: a('records.jsonl'),
    responses: a('responses.jsonl'),
    queries: a('queries.jsonl'),
    gpuSamples: a('gpu-samples.json'),
    gpuSampleLines: a('gpu-samples.jsonl'),
    chainSnapshot: a('chain-snapshot.json'),
    minerLog: a('miner.log'),
    buildLog: a('build.log'),
    lawTable: a('law-table.json'),
    stress: a('stress.jsonl'),
  };
}

export function runFolder(outDir: string, runId: string): RunFolder {
  return runFolderAt(path.resolve(outDir, 'runs', runId));
}

export function createRunFolder(f: RunFolder): void {
  mkdirSync(f.artifactsDir, { recursive: true });
}
