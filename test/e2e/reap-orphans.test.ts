// reapDockerOrphans on the real engine: only containers and networks labelled by a dead run of this host are removed.
import { spawn } from 'node:child_process';
import os from 'node:os';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeRunnerAndMiners } from '../../harness/fleet/clean-machine.ts';
import { otherRuns } from '../../harness/runtime/other-runs.ts';
import { ownerLabels, thisOwner } from '../../harness/runtime/owner-labels.ts';
import { readProcStat } from '../../harness/runtime/proc-identity.ts';
import { reapDockerOrphans } from '../../harness/runtime/reap-orphans.ts';
import { ensureDockerEngine } from '../support/docker-engine.ts';

const TEST = { 'minerbench.test': `reap-${process.pid}` };
let docker: Docker;

async function deadPid(): Promise<number> {
  const c = spawn('true');
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

const network = (name: string, labels: Record<string, string>) =>
  docker.createNetwork({ Name: name, Internal: true, Labels: { ...labels, ...TEST } });
const container = (name: string, labels: Record<string, string>) =>
  docker.createContainer({
    name,
    Image: 'minerbench/python-base:bookworm',
    Cmd: ['sleep', '60'],
    Labels: { ...labels, ...TEST },
  });
const exists = async (list: Array<{ Labels?: Record<string, string> | null }>, run: string) =>
  list.some((x) => x.Labels?.['minerbench.run'] === run);

beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

afterAll(async () => {
  const filters = { label: [`minerbench.test=reap-${process.pid}`] };
  for (const c of await docker.listContainers({ all: true, filters }))
    await docker.getContainer(c.Id).remove({ force: true });
  for (const n of await docker.listNetworks({ filters })) await docker.getNetwork(n.Id).remove();
});

describe('reapDockerOrphans (real engine)', () => {
  it('removes what a dead run of this host left, keeps live runs, other hosts and unlabelled owners, and says why', async () => {
    const me = thisOwner();
    const p = process.pid;
    const dead = { pid: await deadPid(), host: me.host, startTime: '1' };
    // Our own pid with another start time: the run that had this pid before us (a reboot, a reused pid) is dead.
    const reused = { ...me, startTime: `${me.startTime}0` };
    await network(`mb-test-dead-${p}`, ownerLabels(`dead-${p}`, dead));
    await network(`mb-test-reused-${p}`, ownerLabels(`reused-${p}`, reused));
    await network(`mb-test-live-${p}`, ownerLabels(`live-${p}`, me));
    await container(`mb-test-dead-${p}`, ownerLabels(`dead-${p}`, dead));
    await container(`mb-test-other-${p}`, ownerLabels(`other-${p}`, { ...dead, host: `not-${os.hostname()}` }));
    await container(`mb-test-nohost-${p}`, { 'minerbench.run': `nohost-${p}`, 'minerbench.pid': String(dead.pid) });

    const r = await reapDockerOrphans(docker);
    expect(r.reaped).toEqual(expect.arrayContaining([`dead-${p}`, `reused-${p}`]));
    expect(r.reaped).not.toContain(`live-${p}`);
    expect(r.reaped).not.toContain(`other-${p}`);
    expect(r.ignored).toContainEqual({
      what: `container mb-test-nohost-${p}`,
      reason: 'no minerbench.host label, so its owner cannot be checked',
    });
    const filters = { label: [`minerbench.test=reap-${process.pid}`] };
    const nets = await docker.listNetworks({ filters });
    const ctrs = await docker.listContainers({ all: true, filters });
    expect(await exists(nets, `dead-${p}`)).toBe(false);
    expect(await exists(nets, `reused-${p}`)).toBe(false);
    expect(await exists(nets, `live-${p}`)).toBe(true);
    expect(await exists(ctrs, `dead-${p}`)).toBe(false);
    expect(await exists(ctrs, `other-${p}`)).toBe(true);
    expect(await exists(ctrs, `nohost-${p}`)).toBe(true);
  }, 120_000);

  it("otherRuns sees a running miner container of another live minerbench, and not one of this process's", async () => {
    const other = spawn('sleep', ['60']); // stands for another minerbench process on this host
    const p = process.pid;
    const owner = { pid: other.pid!, host: os.hostname(), startTime: readProcStat(other.pid!)!.startTime };
    const theirs = await container(`mb-test-theirs-${p}`, ownerLabels(`theirs-${p}`, owner));
    const ours = await container(`mb-test-ours-${p}`, ownerLabels(`ours-${p}`, thisOwner()));
    for (const c of [theirs, ours]) await c.start();
    try {
      const seen = await otherRuns({ docker, root: `/nonexistent-${p}` });
      expect(seen.filter((r) => r.runId?.endsWith(`-${p}`))).toEqual([
        {
          source: 'container',
          runId: `theirs-${p}`,
          pid: other.pid,
          detail: `container mb-test-theirs-${p} of run theirs-${p} (minerbench pid ${other.pid})`,
        },
      ]);
    } finally {
      other.kill('SIGKILL');
    }
  }, 120_000);

  it("removing a dead fleet runner removes its miners' containers and networks, and nothing of another runner", async () => {
    const p = process.pid;
    const runner = await container(`mb-test-runner-${p}`, {});
    const dead = { pid: 424242, host: os.hostname(), startTime: '1' };
    const otherRunner = { ...dead, pid: 434343 };
    await container(`mb-test-runner-miner-${p}`, ownerLabels(`runner-run-${p}`, dead));
    await network(`mb-test-runner-net-${p}`, ownerLabels(`runner-run-${p}`, dead));
    await network(`mb-test-other-runner-net-${p}`, ownerLabels(`other-runner-run-${p}`, otherRunner));
    expect(await removeRunnerAndMiners(docker, runner, dead.pid)).toEqual([`runner-run-${p}`]);
    const filters = { label: [`minerbench.test=reap-${process.pid}`] };
    const nets = await docker.listNetworks({ filters });
    expect(await exists(nets, `runner-run-${p}`)).toBe(false);
    expect(await exists(nets, `other-runner-run-${p}`)).toBe(true);
    expect(await exists(await docker.listContainers({ all: true, filters }), `runner-run-${p}`)).toBe(false);
  }, 120_000);
});
