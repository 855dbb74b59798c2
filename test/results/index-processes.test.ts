// Tests the index across processes: two concurrent writers lose nothing; kill -9 during an import leaves it consistent.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeShared } from '../support/describe-shared.ts';
import { SHARED_FIXTURES_PRESENT } from '../support/shared-fixtures.ts';
import { importResults } from '../../harness/results/import-results.ts';
import { indexPath, openIndex } from '../../harness/results/open-index.ts';
import { fleetResults } from '../fixtures/results/synthetic-results.ts';
import { runFigures } from '../../harness/evaluate/run-figures.ts';
import { tempDir, writeResult } from './support/temp-store.ts';

const WORKER = fileURLToPath(new URL('./support/import-worker.ts', import.meta.url));
const REBUILDER = fileURLToPath(new URL('./support/rebuild-worker.ts', import.meta.url));

function worker(
  args: string[],
  onLine?: (line: string, kill: () => void) => void,
  script = WORKER,
): Promise<{ code: number | null; signal: string | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buf = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let k;
      while ((k = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, k);
        buf = buf.slice(k + 1);
        lines.push(line);
        onLine?.(line, () => child.kill('SIGKILL'));
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code && code !== 0 ? reject(new Error(stderr)) : resolve({ code, signal, lines }),
    );
  });
}

let src: string;
/** 200 evaluated GPU runs (built from the recorded H100 trace): made only when ../shared/fixtures is there. */
const results = SHARED_FIXTURES_PRESENT ? fleetResults(10, 20) : [];
beforeAll(() => {
  src = tempDir('mb-src-');
  for (const r of results) writeResult(src, r);
});
afterAll(() => rmSync(src, { recursive: true, force: true }));

describeShared('index shared by processes', () => {
  it('two processes importing at once lose nothing', async () => {
    const out = tempDir();
    const runs = path.join(src, 'runs');
    const half = results.map((r) => path.join(runs, r.runId, 'result.json'));
    const [a, b] = await Promise.all([worker([out, ...half.slice(0, 100)]), worker([out, ...half.slice(100)])]);
    expect(a.lines.at(-1)).toBe('end 100 0');
    expect(b.lines.at(-1)).toBe('end 100 0');
    const db = openIndex(indexPath(out));
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 200 });
    expect(db.prepare('SELECT count(DISTINCT machine_id) AS n FROM machines').get()).toEqual({ n: 10 });
    db.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('kill -9 in the middle of an import leaves every indexed run whole, and a re-import finishes it', async () => {
    const out = tempDir();
    const killed = await worker([out, src], (line, kill) => {
      if (line === '60 added') kill();
    });
    expect(killed.signal).toBe('SIGKILL');
    const db = openIndex(indexPath(out));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(60);
    expect(n).toBeLessThan(200);
    const partial = db
      .prepare('SELECT run_id FROM runs WHERE (SELECT count(*) FROM figures f WHERE f.run_id = runs.run_id) <> ?')
      .all(Object.keys(runFigures(results[0]!)).length);
    expect(partial).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM figures WHERE run_id NOT IN (SELECT run_id FROM runs)').get()).toEqual(
      { n: 0 },
    );
    const again = importResults(db, [src], { outDir: out });
    expect(again.failed).toEqual([]);
    expect(again.added.length + again.unchanged.length).toBe(200);
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 200 });
    db.close();
    rmSync(out, { recursive: true, force: true });
  });

  // A rebuild that paused after reading the files (as a long one does) and one that holds the lock: an import finishing
  // in either window is in the rebuilt index. Before the fix the first case lost it: the rebuild deleted every row and
  // wrote back only what it had read before the import.
  for (const pauseAt of ['read', 'locked'] as const) {
    it(`an import during import --rebuild (rebuild paused at '${pauseAt}') is in the index afterwards`, async () => {
      const out = tempDir();
      const runs = path.join(src, 'runs');
      const file = (k: number) => path.join(runs, results[k]!.runId, 'result.json');
      // 10 runs already in the store and its index
      expect((await worker([out, ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(file)])).lines.at(-1)).toBe('end 10 0');
      const go = path.join(out, 'go');
      let importing: ReturnType<typeof worker> | undefined;
      const rebuilding = worker(
        [out, pauseAt, go],
        (line) => {
          if (line !== `${pauseAt} 10`) return;
          // The 11th run arrives while the rebuild is in its window; the rebuild goes on once it is done (or waiting).
          importing = worker([out, file(10)]);
          if (pauseAt === 'read') void importing.then(() => writeFileSync(go, ''));
          else setTimeout(() => writeFileSync(go, ''), 500);
        },
        REBUILDER,
      );
      const rebuilt = await rebuilding;
      const imported = await importing!;
      // Either the import copied the 11th run into the store before the rebuild re-listed its folders under the lock (the
      // rebuild indexes it, the import finds it unchanged), or the import waited for the lock and added it after: in
      // both orders it ends up indexed, which is what matters.
      const byRebuild = rebuilt.lines.at(-1) === 'end 11 0' && imported.lines.includes('1 unchanged');
      const byImport = imported.lines.at(-1) === 'end 1 0';
      expect(byRebuild || byImport, `${imported.lines.join('|')} / ${rebuilt.lines.join('|')}`).toBe(true);
      if (pauseAt === 'read') expect(rebuilt.lines.at(-1)).toBe('end 11 0');
      const db = openIndex(indexPath(out));
      expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 11 });
      expect(db.prepare('SELECT count(*) AS n FROM runs WHERE run_id = ?').get(results[10]!.runId)).toEqual({ n: 1 });
      db.close();
      rmSync(out, { recursive: true, force: true });
    }, 60_000);
  }
});
