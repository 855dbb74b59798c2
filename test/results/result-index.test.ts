// Tests the SQLite results index: indexing, querying, rebuild from files, import, conflicts, locks and bad files.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itShared } from '../support/describe-shared.ts';
import { importResults } from '../../harness/results/import-results.ts';
import { indexRun } from '../../harness/results/index-run.ts';
import { indexPath, openIndex, type IndexDb } from '../../harness/results/open-index.ts';
import { queryRuns, sinceInstant } from '../../harness/results/query-runs.ts';
import { rebuildIndex } from '../../harness/results/rebuild-index.ts';
import { sha256Hex } from '../../harness/artifacts/sha256-hex.ts';
import { storeRun } from '../../harness/results/store-run.ts';
import { readGolden, varyCpu } from '../fixtures/results/synthetic-results.ts';
import { tempDir, writeResult } from './support/temp-store.ts';

let dir: string;
let db: IndexDb;
beforeEach(() => {
  dir = tempDir();
  db = openIndex(indexPath(dir));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const cpu = readGolden('cpu');
/** The GPU golden needs the recorded H100 trace (../shared/fixtures): made on first use, by guarded tests only. */
let gpuCache: ReturnType<typeof readGolden> | undefined;
const gpuGolden = () => (gpuCache ??= readGolden('gpu'));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('results index', () => {
  it('opens in WAL mode with its schema version', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  itShared('indexes a run with its machine, subnet and figures, once', () => {
    const file = writeResult(dir, gpuGolden());
    const sha = sha256Hex(readFileSync(file));
    expect(indexRun(db, gpuGolden(), { path: file, sha256: sha })).toBe('added');
    expect(indexRun(db, gpuGolden(), { path: file, sha256: sha })).toBe('unchanged');
    const [run] = queryRuns(db);
    expect(run!.runId).toBe(gpuGolden().runId);
    expect(run!.machine.name).toBe('gpu-07 (1x NVIDIA H100 80GB HBM3)');
    expect(run!.subnet).toEqual(gpuGolden().subnet);
    expect(run!.figures.p99Ms!.value).toBe(gpuGolden().latency!.p99Ms);
    expect(Object.keys(run!.figures)).toHaveLength(9); // every figure but net per day (no earnings priced)
  });

  it('filters by subnet, machine and since', () => {
    const runs = [
      varyCpu({ runId: 'a', subnetId: 'sn1', hostname: 'h1', startedAt: '2026-11-01T02:00:00.000Z' }),
      varyCpu({ runId: 'b', subnetId: 'sn2', hostname: 'h1', startedAt: '2026-11-10T02:00:00.000Z' }),
      varyCpu({ runId: 'c', subnetId: 'sn1', hostname: 'h2', startedAt: '2026-11-20T02:00:00.000Z' }),
    ];
    for (const r of runs) indexRun(db, r, { path: writeResult(dir, r), sha256: r.runId });
    const ids = (f: Parameters<typeof queryRuns>[1]) =>
      queryRuns(db, f, new Date('2026-11-21T00:00:00Z')).map((x) => x.runId);
    expect(ids({})).toEqual(['c', 'b', 'a']);
    expect(ids({ subnet: 'sn1' })).toEqual(['c', 'a']);
    expect(ids({ machine: 'h1' })).toEqual(['b', 'a']);
    expect(ids({ since: '2026-11-05' })).toEqual(['c', 'b']);
    expect(ids({ since: '2d' })).toEqual(['c']);
    expect(ids({ subnet: 'sn3' })).toEqual([]);
  });

  it('reads --since as a date or a span', () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect(sinceInstant('36h', now)).toBe('2026-11-19T12:00:00.000Z');
    expect(sinceInstant('1w', now)).toBe('2026-11-14T00:00:00.000Z');
    expect(code(() => sinceInstant('yesterday', now))).toBe('USAGE');
  });

  itShared('rebuilds from the result files alone, skipping bad files and naming them', () => {
    writeResult(dir, gpuGolden());
    writeResult(dir, cpu);
    writeResult(dir, { ...cpu, runId: 'broken' }, '{"schemaVersion": 1, "runId": "bro');
    writeResult(dir, { ...cpu, runId: 'future' }, JSON.stringify({ ...cpu, runId: 'future', schemaVersion: 7 }));
    const report = rebuildIndex(db, [path.join(dir, 'runs')]);
    expect(report.added).toHaveLength(2);
    expect(report.failed.map((f) => [path.basename(path.dirname(f.file)), f.error.code]).sort()).toEqual([
      ['broken', 'RESULT_INVALID'],
      ['future', 'RESULT_SCHEMA_UNKNOWN'],
    ]);
    expect(
      queryRuns(db)
        .map((r) => r.runId)
        .sort(),
    ).toEqual([cpu.runId, gpuGolden().runId].sort());
    rmSync(path.join(dir, 'runs', cpu.runId), { recursive: true });
    rebuildIndex(db, [path.join(dir, 'runs')]);
    expect(queryRuns(db).map((r) => r.runId)).toEqual([gpuGolden().runId]);
  });

  itShared(
    'imports results from another machine into runs/<runId>/ and indexes them; a re-import changes nothing',
    () => {
      const other = tempDir('mb-other-');
      writeResult(other, gpuGolden());
      writeFileSync(path.join(other, 'runs', gpuGolden().runId, 'report.html'), '<!doctype html>');
      writeResult(other, cpu);
      const first = importResults(db, [other], { outDir: dir });
      expect(first.added).toHaveLength(2);
      expect(existsSync(path.join(dir, 'runs', gpuGolden().runId, 'result.json'))).toBe(true);
      expect(existsSync(path.join(dir, 'runs', gpuGolden().runId, 'report.html'))).toBe(true);
      expect(importResults(db, [other], { outDir: dir }).unchanged).toHaveLength(2);
      expect(queryRuns(db)[0]!.resultPath).toBe(path.join(dir, 'runs', cpu.runId, 'result.json'));
      rmSync(other, { recursive: true, force: true });
    },
  );

  it('refuses a second, different result claiming the same run id, and keeps the first', () => {
    const a = tempDir('mb-a-');
    const b = tempDir('mb-b-');
    writeResult(a, cpu);
    writeResult(b, { ...cpu, warnings: ['edited'] });
    importResults(db, [a], { outDir: dir });
    const report = importResults(db, [b], { outDir: dir });
    expect(report.failed.map((f) => f.error.code)).toEqual(['RUN_ID_CONFLICT']);
    expect(report.failed[0]!.error.message).toContain(cpu.runId);
    expect(JSON.parse(readFileSync(path.join(dir, 'runs', cpu.runId, 'result.json'), 'utf8')).warnings).toEqual(
      cpu.warnings,
    );
    const elsewhere = writeResult(b, { ...cpu, warnings: ['edited again'] });
    expect(code(() => indexRun(db, cpu, { path: elsewhere, sha256: 'other' }))).toBe('RUN_ID_CONFLICT');
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  itShared('indexes a run where it was written (the STORE phase)', () => {
    const file = writeResult(dir, gpuGolden());
    expect(storeRun(dir, gpuGolden(), file)).toBe('added');
    expect(queryRuns(db).map((r) => r.runId)).toEqual([gpuGolden().runId]);
  });

  itShared('waits for a lock held by another writer, then says the index is locked', () => {
    const holder = openIndex(indexPath(dir));
    holder.exec('BEGIN IMMEDIATE');
    const waiting = openIndex(indexPath(dir), { busyTimeoutMs: 300 });
    const file = writeResult(dir, gpuGolden());
    let err: { code: string; message: string } | undefined;
    try {
      indexRun(waiting, gpuGolden(), { path: file, sha256: 'x' });
    } catch (e) {
      err = e as typeof err;
    }
    holder.exec('ROLLBACK');
    holder.close();
    expect(err?.code).toBe('INDEX_LOCKED');
    expect(err?.message).toContain('locked by another minerbench (waited 0.3 s)');
    expect(indexRun(waiting, gpuGolden(), { path: file, sha256: 'x' })).toBe('added');
    waiting.close();
  });

  it('says clearly when the file is not an index, or an index of a newer minerbench', () => {
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'this is a text file, not SQLite '.repeat(200));
    expect(code(() => openIndex(junk))).toBe('INDEX_INVALID');
    const newer = path.join(dir, 'newer.db');
    const n = openIndex(newer);
    n.pragma('user_version = 9');
    n.close();
    expect(code(() => openIndex(newer))).toBe('INDEX_INVALID');
  });
});
