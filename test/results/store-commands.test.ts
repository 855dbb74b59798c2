// Tests the history, import, report and compare commands through main(): output, files written and exit codes.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itShared } from '../support/describe-shared.ts';
import { main } from '../../harness/cli/bin.ts';
import { indexPath, openIndex } from '../../harness/results/open-index.ts';
import { fleetResults, readGolden } from '../fixtures/results/synthetic-results.ts';
import { tempDir, writeResult } from './support/temp-store.ts';

let src: string;
let out: string;
beforeEach(() => {
  src = tempDir('mb-src-');
  out = tempDir('mb-out-');
});
afterEach(() => {
  rmSync(src, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--out', out], {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    isTTY: false,
    signal: new AbortController().signal,
    cwd: src,
    env: { MINERBENCH_INDEX_WAIT_MS: '200' },
  });
  return { code, stdout, stderr };
}

describe('store commands', () => {
  itShared('import, then history as a table and as JSON, filtered', async () => {
    for (const r of fleetResults(2, 2)) writeResult(src, r);
    const imp = await cli('import', src);
    expect(imp.code).toBe(0);
    expect(imp.stderr).toContain('imported: 4 added, 0 updated, 0 already indexed, 0 failed');
    const table = await cli('history', '--subnet', 'sn1');
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^run\s+started \(UTC\)\s+subnet\s+machine\s+verdict\s+p99 ms\s+q\/s\s+quality\s+J\/query$/,
    );
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['20261120-020000-sn1-m1', '20261120-020000-sn1-m0']);
    const json = JSON.parse((await cli('history', '--machine', 'gpu-00', '--json')).stdout) as Array<{ runId: string }>;
    expect(json.map((r) => r.runId)).toEqual(['20261120-020000-sn1-m0', '20261120-020000-sn0-m0']);
    const none = await cli('history', '--subnet', 'nope');
    expect(none.code).toBe(46);
    expect(none.stderr).toContain('NO_MATCHING_RUNS');
  });

  it('import reports each bad file with its code, keeps the good ones, and exits with the worst code', async () => {
    const good = readGolden('cpu');
    writeResult(src, good);
    writeResult(src, { ...good, runId: 'truncated' }, JSON.stringify(good).slice(0, 300));
    writeResult(src, { ...good, runId: 'future' }, JSON.stringify({ ...good, runId: 'future', schemaVersion: 3 }));
    const r = await cli('import', src);
    expect(r.code).toBe(41);
    expect(r.stderr).toContain('1 added');
    expect(r.stderr).toContain('RESULT_INVALID');
    expect(r.stderr).toContain('RESULT_SCHEMA_UNKNOWN');
  });

  it('a second result with the same run id is refused with exit 45', async () => {
    const a = readGolden('cpu');
    writeResult(src, a);
    expect((await cli('import', src)).code).toBe(0);
    const other = tempDir('mb-other-');
    writeResult(other, { ...a, warnings: ['hand edited'] });
    const r = await cli('import', other);
    expect(r.code).toBe(45);
    expect(r.stderr).toContain(`claims run id ${a.runId}`);
    rmSync(other, { recursive: true, force: true });
  });

  it('waits for a locked index, then exits 43 with a clear message', async () => {
    writeResult(src, readGolden('cpu'));
    const holder = openIndex(indexPath(out));
    holder.exec('BEGIN IMMEDIATE');
    const r = await cli('import', src);
    holder.exec('ROLLBACK');
    holder.close();
    expect(r.code).toBe(43);
    expect(r.stderr).toContain('is locked by another minerbench (waited 0.2 s)');
  });

  it('a file that is not a database exits 44 and says how to rebuild', async () => {
    writeFileSync(indexPath(out), 'not sqlite at all '.repeat(300));
    const r = await cli('history');
    expect(r.code).toBe(44);
    expect(r.stderr).toContain('minerbench import --rebuild');
  });

  itShared(
    'a damaged index: import fails with 44 and names the fix, and that fix (import --rebuild) works',
    async () => {
      for (const r of fleetResults(1, 2)) writeResult(out, r);
      writeFileSync(indexPath(out), 'not sqlite at all '.repeat(300));
      const imp = await cli('import', src);
      expect(imp.code).toBe(44);
      expect(imp.stderr).toContain(`fix: minerbench import --rebuild --out ${out} moves it aside`);
      const fix = await cli('import', '--rebuild');
      expect(fix.code, fix.stderr).toBe(0);
      expect(fix.stderr).toMatch(/minerbench\.db is damaged; moved aside to .+minerbench\.db\.damaged-\d{4}-/);
      expect(fix.stderr).toContain('rebuilt: 2 added');
      const aside = readdirSync(out).filter((f) => f.startsWith('minerbench.db.damaged-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(out, aside[0]!), 'utf8')).toBe('not sqlite at all '.repeat(300));
      expect(JSON.parse((await cli('history', '--json')).stdout)).toHaveLength(2);
    },
  );

  it('an index of a newer minerbench is not treated as damaged: --rebuild refuses it and leaves it be', async () => {
    const db = openIndex(indexPath(out));
    db.pragma('user_version = 99');
    db.close();
    const r = await cli('import', '--rebuild');
    expect(r.code).toBe(44);
    expect(r.stderr).toContain('is a results index of version 99');
    expect(readdirSync(out).filter((f) => f.includes('damaged'))).toEqual([]);
  });

  itShared('rebuilds the index from the files in runs/', async () => {
    for (const r of fleetResults(1, 3)) writeResult(out, r);
    const r = await cli('import', '--rebuild');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rebuilt: 3 added');
    expect(JSON.parse((await cli('history', '--json')).stdout)).toHaveLength(3);
  });

  itShared('report regenerates a run report by run id; compare and trend write one file each', async () => {
    for (const r of fleetResults(2, 2)) writeResult(src, r);
    await cli('import', src);
    const id = '20261120-020000-sn0-m1';
    const run = await cli('report', id);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(out, 'runs', id, 'report.html'), 'utf8')).toContain(id);
    const cmp = await cli('compare', '--subnet', 'sn0');
    expect(cmp.code).toBe(0);
    expect(cmp.stderr).toContain('compare report of 2 run(s)');
    expect(existsSync(path.join(out, 'compare.html'))).toBe(true);
    const trend = await cli('report', '--trend', '-o', 'trend-file.html');
    expect(trend.code).toBe(0);
    expect(existsSync(path.join(src, 'trend-file.html'))).toBe(true);
    expect((await cli('compare', '--machine', 'nobody')).code).toBe(46);
    expect((await cli('report', 'no-such-run')).code).toBe(46);
  });

  itShared('compare works from result files alone, without an index', async () => {
    for (const r of fleetResults(2, 1)) writeResult(src, r);
    const r = await cli('compare', src, '-o', 'c.html');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(src, 'c.html'), 'utf8')).toContain('minerbench-data');
    expect(existsSync(indexPath(out))).toBe(false);
  });
});
