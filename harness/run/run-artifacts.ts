// readRunArtifacts: a run folder's artifacts as evaluation reads them: the context, the queries used, the GPU samples,
// the chain snapshot, and lazy readers of the streamed records and responses (constant memory).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withSamples } from '../artifacts/gpu-samples-file.ts';
import { jsonlLines } from '../artifacts/jsonl-lines.ts';
import { runFolderAt, type RunFolder } from '../artifacts/run-folder.ts';
import { MinerbenchError } from '../errors.ts';
import type { SampledTrace } from '../evaluate/energy-section.ts';
import { parseChainSnapshot } from '../chain/chain-snapshot-file.ts';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import type { GpuSamplerArtifact } from '../model/gpu-sampler-artifact.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestRecord } from '../model/request-record.ts';
import { runContextSchema, type RunContext } from '../model/run-context.ts';
import { readQueriesFile } from '../load/queries-file.ts';
import type { ReplayLine, WorkloadArtifacts } from '../workload/workload-kind.ts';

export interface RunArtifacts extends WorkloadArtifacts {
  folder: RunFolder;
  gpuSamples: SampledTrace | null;
  /** The chain snapshot the run used (its subnet's entry), when earnings were asked for. */
  chain: ChainSnapshot | null;
  /** The law table the run priced with (artifacts/law-table.json) and the file it was copied from; null: none. */
  lawTable: { text: string; file: string; origin: string } | null;
}

function unreadable(folder: RunFolder, what: string, why: string): MinerbenchError {
  return new MinerbenchError('RESULT_INVALID', `${folder.dir} cannot be evaluated: ${what} ${why}`, {
    hint: 'point minerbench evaluate at a run folder (runs/<run id>) written by minerbench 0.2 or later, with its artifacts/ intact',
  });
}

function readJson(folder: RunFolder, file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw unreadable(
      folder,
      what,
      `(${path.relative(folder.dir, file)}) is missing or not JSON: ${(e as Error).message}`,
    );
  }
}

/** Opens a run folder's artifacts; throws RESULT_INVALID naming what is missing or broken. */
export function readRunArtifacts(dir: string): RunArtifacts {
  const folder = runFolderAt(dir);
  const parsed = runContextSchema.safeParse(readJson(folder, folder.context, 'its run context'));
  if (!parsed.success)
    throw unreadable(
      folder,
      'its run context',
      `(artifacts/context.json) does not match this minerbench: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  const context: RunContext = parsed.data;
  const queries: CapturedQuery[] | null =
    context.queries && existsSync(folder.queries) ? readQueriesFile(folder.queries) : null;
  if (context.queries && !queries)
    throw unreadable(folder, 'the queries it replayed', '(artifacts/queries.jsonl) are missing');
  let gpuSamples: SampledTrace | null = null;
  if (existsSync(folder.gpuSamples)) {
    const header = readJson(folder, folder.gpuSamples, 'its GPU samples') as GpuSamplerArtifact;
    try {
      gpuSamples = withSamples(header, folder.artifactsDir) as SampledTrace;
    } catch (e) {
      throw unreadable(
        folder,
        'its GPU samples',
        `(artifacts/${header.samplesFile}) are broken: ${(e as Error).message}`,
      );
    }
  }
  let chain: ChainSnapshot | null = null;
  if (existsSync(folder.chainSnapshot)) {
    // Through the snapshot reader: a version-1 snapshot (minerbench 0.1) is migrated, a broken one named.
    try {
      chain = parseChainSnapshot(readJson(folder, folder.chainSnapshot, 'its chain snapshot'), folder.chainSnapshot);
    } catch (e) {
      throw unreadable(folder, 'its chain snapshot', `(artifacts/chain-snapshot.json): ${(e as Error).message}`);
    }
  }
  const t = context.law.table ?? null;
  const lawTable = t
    ? { text: readText(folder, folder.lawTable, 'the law table it priced with'), file: t.file, origin: t.origin }
    : null;
  return {
    folder,
    context,
    queries,
    gpuSamples,
    chain,
    lawTable,
    replayLines: () => replayLines(folder),
    artifactFile: (relative) => artifactFile(folder, relative),
    programLines: () => (existsSync(folder.stress) ? readFileSync(folder.stress, 'utf8').split('\n') : []),
  };
}

function readText(folder: RunFolder, file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw unreadable(folder, what, `(${path.relative(folder.dir, file)}) is missing: ${(e as Error).message}`);
  }
}

/** A file under artifacts/ (never outside it), or null when it is not there. */
function artifactFile(folder: RunFolder, relative: string): Buffer | null {
  const file = path.resolve(folder.artifactsDir, relative);
  if (!file.startsWith(folder.artifactsDir + path.sep)) return null;
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** records.jsonl and responses.jsonl side by side (they are written line for line in the same order). */
function* replayLines(folder: RunFolder): Generator<ReplayLine> {
  if (!existsSync(folder.records)) return;
  const responses = existsSync(folder.responses) ? jsonlLines(folder.responses) : null;
  for (const { line, text } of jsonlLines(folder.records)) {
    let record: RequestRecord;
    try {
      record = JSON.parse(text) as RequestRecord;
    } catch {
      throw unreadable(
        folder,
        'a record',
        `(artifacts/records.jsonl:${line}) is not JSON (a run killed mid-write leaves a torn last line)`,
      );
    }
    const next = responses?.next();
    const r =
      next && !next.done
        ? (JSON.parse(next.value.text) as { i: number; r: Record<string, unknown> | null; x?: unknown })
        : null;
    if (r && r.i !== record.i)
      throw unreadable(
        folder,
        'its responses',
        `(artifacts/responses.jsonl) are out of step with records.jsonl at line ${line}`,
      );
    yield { record, response: r?.r ?? null, ...(r && 'x' in r ? { inspected: r.x } : {}) };
  }
}
