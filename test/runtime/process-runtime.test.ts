// Tests of ProcessRuntime on a real process: an allow-listed environment, a pidfile with the run id, nothing left after stop.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MinerProfile } from '../../harness/config/subnet-profile.ts';
import { pidfileDir } from '../../harness/runtime/process-pidfiles.ts';
import { ProcessRuntime } from '../../harness/runtime/process.ts';
import { processMinerEnv } from '../../harness/runtime/miner-env.ts';
import template from '../../subnets/template/profile.ts';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function profileRunning(command: string[]): MinerProfile {
  return { ...template, miner: { ...template.miner, process: { command }, env: { FROM_PROFILE: 'yes' } } };
}

describe('processMinerEnv', () => {
  it('passes the allow-list, the profile env and its own variables, nothing else', () => {
    const env = processMinerEnv(
      {
        PATH: '/usr/bin',
        HOME: '/home/a',
        LC_TIME: 'C',
        AWS_SECRET_ACCESS_KEY: 's',
        GITHUB_TOKEN: 't',
        NODE_OPTIONS: 'x',
      },
      { FROM_PROFILE: 'yes' },
      { MINER_PORT: '9000' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/a', LC_TIME: 'C', FROM_PROFILE: 'yes', MINER_PORT: '9000' });
  });
});

describe('ProcessRuntime', () => {
  it('gives the miner only allow-listed variables, records it, and removes its pidfile on stop', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mb-proc-'));
    const rt = new ProcessRuntime({
      runId: 'proc-env-1',
      profile: profileRunning(['sh', '-c', 'env; echo done-env; sleep 30']),
      pluginDir: process.cwd(),
      minerHotkey: '5Fhotkey',
      readyProbe: async () => false,
      now: () => 0,
      env: { PATH: process.env.PATH, HOME: '/tmp', SECRET_TOKEN: 'do-not-leak', MINERBENCH_OUT: '/x' },
      stateDir: root,
    });
    await rt.start();
    for (let i = 0; i < 100 && !(await rt.logs()).includes('done-env'); i++)
      await new Promise((r) => setTimeout(r, 20));
    const log = await rt.logs();
    expect(readdirSync(pidfileDir(root))).toEqual(['proc-env-1.json']);
    await rt.stop();
    const vars = log
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => l.slice(0, l.indexOf('=')))
      .filter((k) => k !== 'PWD' && k !== 'SHLVL' && k !== '_'); // set by sh itself
    expect(vars.sort()).toEqual(
      ['FROM_PROFILE', 'HOME', 'MINERBENCH_RUN_ID', 'MINER_HOST', 'MINER_HOTKEY_SS58', 'MINER_PORT', 'PATH'].sort(),
    );
    expect(log).toContain('MINERBENCH_RUN_ID=proc-env-1\n');
    expect(log).not.toContain('do-not-leak');
    expect(existsSync(path.join(pidfileDir(root), 'proc-env-1.json'))).toBe(false);
    const user = rt.describe().user!;
    expect(user.id).toBe(`${process.getuid!()}:${process.getgid!()}`);
    expect(user.root).toBe(process.getuid!() === 0);
  });
});
