// Tests of the process-miner reaper on real processes: only a miner minerbench started, whose owner is dead, is stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readProcStat } from '../../harness/runtime/proc-identity.ts';
import {
  pidfileDir,
  reapProcessMiners,
  RUN_ID_ENV,
  writePidfile,
  type Pidfile,
} from '../../harness/runtime/process-pidfiles.ts';

const children: ChildProcess[] = [];
let root: string;

function startSleep(opts: { detached: boolean; env?: Record<string, string> }): ChildProcess {
  const c = spawn('sleep', ['60'], { detached: opts.detached, stdio: 'ignore', env: { ...process.env, ...opts.env } });
  children.push(c);
  return c;
}

const alive = (pid: number) => {
  const s = readProcStat(pid);
  return s !== undefined && s.state !== 'Z';
};

/** A pid that was alive a moment ago and is gone now (a killed minerbench). */
async function deadPid(): Promise<number> {
  const c = spawn('true');
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

/** A pidfile as minerbench writes it, naming `pid`, owned by a dead minerbench; `over` plants something else. */
async function plant(runId: string, pid: number, over: Partial<Pidfile> = {}): Promise<string> {
  const stat = readProcStat(pid)!;
  const record: Pidfile = {
    v: 1,
    runId,
    pid,
    pgid: stat.pgid,
    startTime: stat.startTime,
    command: ['sleep', '60'],
    ownerPid: await deadPid(),
    ownerStartTime: '1',
    ...over,
  };
  mkdirSync(pidfileDir(root), { recursive: true, mode: 0o700 });
  const file = path.join(pidfileDir(root), `${runId}.json`);
  writeFileSync(file, JSON.stringify(record));
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mb-pids-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('reapProcessMiners', () => {
  it('stops the process group of a miner it started whose minerbench is dead', async () => {
    const miner = startSleep({ detached: true, env: { [RUN_ID_ENV]: 'run-a' } });
    await plant('run-a', miner.pid!);
    const exited = new Promise((r) => miner.on('exit', (_c, sig) => r(sig)));
    const r = reapProcessMiners(root);
    expect(r).toEqual({ reaped: ['run-a'], ignored: [] });
    expect(await exited).toBe('SIGKILL');
    expect(readdirSync(pidfileDir(root))).toEqual([]);
  });

  it('leaves a live unrelated process alone: a planted file naming it (start time, group right) lacks the run id', async () => {
    const unrelated = startSleep({ detached: true });
    const file = await plant('planted', unrelated.pid!);
    const r = reapProcessMiners(root);
    expect(r.reaped).toEqual([]);
    expect(r.ignored).toEqual([
      {
        file,
        reason: `pid ${unrelated.pid} has no ${RUN_ID_ENV} in its environment (or it cannot be read): not a miner minerbench started; the file is removed`,
      },
    ]);
    expect(alive(unrelated.pid!)).toBe(true);
  });

  it('leaves a process that got a recorded pid later alone (its start time differs)', async () => {
    const later = startSleep({ detached: true, env: { [RUN_ID_ENV]: 'run-b' } });
    const file = await plant('run-b', later.pid!, { startTime: '12' });
    const r = reapProcessMiners(root);
    expect(r.ignored).toEqual([{ file, reason: expect.stringMatching(/not at 12: a later process has that pid/) }]);
    expect(alive(later.pid!)).toBe(true);
  });

  it('never signals pid 1 or a group the miner does not lead', async () => {
    const one = await plant('pid-one', 1, { pid: 1, pgid: 1, startTime: '1' });
    // Not detached: the sleep sits in this test process's group, which a kill(-pid) must never reach.
    const inOurGroup = startSleep({ detached: false, env: { [RUN_ID_ENV]: 'run-c' } });
    const mismatch = await plant('run-c', inOurGroup.pid!, { pgid: inOurGroup.pid! });
    const r = reapProcessMiners(root);
    expect(r.reaped).toEqual([]);
    expect(r.ignored).toEqual(
      expect.arrayContaining([
        { file: one, reason: 'pid 1 / group 1: pid 1 and below are never signalled; the file is removed' },
        {
          file: mismatch,
          reason: `pid ${inOurGroup.pid} is in process group ${readProcStat(process.pid)!.pgid}, not the recorded group ${inOurGroup.pid}; the file is removed`,
        },
      ]),
    );
    expect(alive(inOurGroup.pid!)).toBe(true);
  });

  it('leaves the miner of a live run alone and says nothing about it', () => {
    const miner = startSleep({ detached: true, env: { [RUN_ID_ENV]: 'live' } });
    writePidfile('live', miner.pid!, ['sleep', '60'], root); // owned by this (live) process
    expect(reapProcessMiners(root)).toEqual({ reaped: [], ignored: [] });
    expect(alive(miner.pid!)).toBe(true);
  });

  it('acts on nothing in a folder others may write to, and refuses to write there', async () => {
    const miner = startSleep({ detached: true, env: { [RUN_ID_ENV]: 'run-d' } });
    await plant('run-d', miner.pid!);
    chmodSync(pidfileDir(root), 0o777);
    const r = reapProcessMiners(root);
    expect(r).toEqual({
      reaped: [],
      ignored: [
        {
          file: pidfileDir(root),
          reason: 'the pidfile folder is not safe to act on: others may write to it (mode 777); nothing was signalled',
        },
      ],
    });
    expect(alive(miner.pid!)).toBe(true);
    expect(() => writePidfile('run-e', miner.pid!, ['sleep'], root)).toThrow(/not safe to use: others may write to it/);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'acts on nothing in a folder owned by another user (needs root to set one up)',
    async () => {
      const miner = startSleep({ detached: true, env: { [RUN_ID_ENV]: 'run-f' } });
      await plant('run-f', miner.pid!);
      chownSync(root, 65534, 65534);
      const r = reapProcessMiners(root);
      expect(r.reaped).toEqual([]);
      expect(r.ignored[0]!.reason).toMatch(/belongs to uid 65534, not to you \(uid 0\); nothing was signalled/);
      expect(alive(miner.pid!)).toBe(true);
    },
  );

  it('removes a file that is not a pidfile of this version without signalling anything', async () => {
    const unrelated = startSleep({ detached: true });
    mkdirSync(pidfileDir(root), { recursive: true, mode: 0o700 });
    const old = path.join(pidfileDir(root), 'old.json');
    // The format of earlier versions: no start time, no group, no owner start time.
    writeFileSync(old, JSON.stringify({ runId: 'old', pid: unrelated.pid, ownerPid: await deadPid() }));
    const r = reapProcessMiners(root);
    expect(r.ignored).toEqual([{ file: old, reason: expect.stringMatching(/^not a pidfile of this minerbench/) }]);
    expect(alive(unrelated.pid!)).toBe(true);
  });
});
