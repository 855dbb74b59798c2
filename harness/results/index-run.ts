// indexRun: adds one result to the index (its run, machine, subnet and figures) in one transaction; idempotent.
import { MinerbenchError } from '../errors.ts';
import { machineIdentity } from './machine-identity.ts';
import { indexError, type IndexDb } from './open-index.ts';
import { earningsCurrency, runFigures } from '../evaluate/run-figures.ts';
import type { RunResult } from '../model/result/run-result.ts';

export interface IndexedFile {
  /** Absolute path of the result.json: the source of truth the row points to. */
  path: string;
  sha256: string;
}

export type IndexOutcome = 'added' | 'updated' | 'unchanged';

/** The statements of one run, without a transaction of its own (rebuild wraps many in one). */
export function writeRun(db: IndexDb, r: RunResult, file: IndexedFile, now = new Date()): IndexOutcome {
  const old = db.prepare('SELECT result_path AS path, result_sha256 AS sha FROM runs WHERE run_id = ?').get(r.runId) as
    { path: string; sha: string } | undefined;
  if (old && old.sha === file.sha256) return 'unchanged';
  if (old && old.path !== file.path) {
    throw new MinerbenchError(
      'RUN_ID_CONFLICT',
      `two different results claim run id ${r.runId}: ${old.path} (indexed) and ${file.path}`,
      {
        hint: 'one of them was copied and edited, or restored from another version; keep the right one and run minerbench import --rebuild',
      },
    );
  }
  const m = machineIdentity(r.environment);
  db.prepare(
    'INSERT INTO machines (machine_id, name, hostname, gpu_uuids, gpu_summary) VALUES (?, ?, ?, ?, ?) ON CONFLICT(machine_id) DO NOTHING',
  ).run(m.id, m.name, m.hostname, JSON.stringify(m.gpuUuids), m.gpuSummary);
  db.prepare(
    'INSERT INTO subnets (subnet_id, netuid, title) VALUES (?, ?, ?) ON CONFLICT(subnet_id) DO UPDATE SET netuid = excluded.netuid, title = excluded.title',
  ).run(r.subnet.id, r.subnet.netuid, r.subnet.title);
  db.prepare('DELETE FROM figures WHERE run_id = ?').run(r.runId);
  db.prepare(
    `INSERT OR REPLACE INTO runs (run_id, result_path, result_sha256, schema_version, minerbench_version, subnet_id, machine_id,
      started_at, ended_at, status, verdict, reasons, currency, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.runId,
    file.path,
    file.sha256,
    r.schemaVersion,
    r.minerbench.version,
    r.subnet.id,
    m.id,
    r.times.startedAt,
    r.times.endedAt,
    r.status,
    r.validity.verdict,
    JSON.stringify(r.validity.reasons),
    earningsCurrency(r.earnings),
    now.toISOString(),
  );
  const fig = db.prepare('INSERT INTO figures (run_id, metric, value, lo, hi) VALUES (?, ?, ?, ?, ?)');
  for (const [metric, f] of Object.entries(runFigures(r))) fig.run(r.runId, metric, f.value, f.lo, f.hi);
  return old ? 'updated' : 'added';
}

/** One run in one write transaction: a reader, or a process killed half-way, never sees part of it. */
export function indexRun(db: IndexDb, r: RunResult, file: IndexedFile): IndexOutcome {
  try {
    return db.transaction(() => writeRun(db, r, file)).immediate();
  } catch (e) {
    throw indexError(e, db.name, db.pragma('busy_timeout', { simple: true }) as number);
  }
}
