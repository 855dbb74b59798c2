// Tests of otherRuns with real processes: another run's lock file, a `minerbench run` process, and not our own runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otherRuns, registerRun } from '../../harness/runtime/other-runs.ts';

const WORKER = fileURLToPath(new URL('./support/run-lock-worker.ts', import.meta.url));
const children: ChildProcess[] = [];
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mb-runs-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function startWorker(runId: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['--import', 'tsx', WORKER, runId, root], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(c);
  return new Promise((resolve) =>
    c.stdout!.on('data', (d: Buffer) => d.toString().includes('registered') && resolve(c)),
  );
}

describe('otherRuns', () => {
  it("sees another process's run while it lives, and forgets it (removing its lock) once it is killed", async () => {
    const w = await startWorker('other-run-1');
    const lock = path.join(root, 'runs', 'other-run-1.json');
    expect((await otherRuns({ root })).filter((r) => r.pid === w.pid)).toEqual([
      {
        source: 'lock file',
        runId: 'other-run-1',
        pid: w.pid,
        detail: expect.stringMatching(new RegExp(`^run other-run-1 \\(minerbench pid ${w.pid}, since \\d{4}-`)),
      },
    ]);
    w.kill('SIGKILL');
    await new Promise((r) => w.on('exit', r));
    expect((await otherRuns({ root })).filter((r) => r.pid === w.pid)).toEqual([]);
    expect(existsSync(lock)).toBe(false);
  });

  it("does not count this process's own runs, unless asked", async () => {
    const mine = registerRun('my-run', root);
    expect((await otherRuns({ root })).filter((r) => r.runId === 'my-run')).toEqual([]);
    expect((await otherRuns({ root, includeOwnProcess: true })).filter((r) => r.runId === 'my-run')).toHaveLength(1);
    mine.release();
    expect(existsSync(mine.file)).toBe(false);
  });

  it('sees a `minerbench run` process of any user by its command line', async () => {
    const c = spawn(
      process.execPath,
      ['-e', 'setInterval(() => {}, 60000)', '/opt/mb/bin/minerbench.js', 'run', 'template'],
      {
        stdio: 'ignore',
      },
    );
    children.push(c);
    let seen = await otherRuns({ root });
    for (let i = 0; i < 100 && !seen.some((r) => r.pid === c.pid); i++) {
      await new Promise((r) => setTimeout(r, 50)); // until it has exec'd with that command line
      seen = await otherRuns({ root });
    }
    expect(seen.filter((r) => r.pid === c.pid)).toEqual([
      {
        source: 'process',
        pid: c.pid,
        detail: `minerbench process ${c.pid}: ${process.execPath} -e setInterval(() => {}, 60000) /opt/mb/bin/minerbench.js run template`,
      },
    ]);
    c.kill('SIGKILL');
  });
});
