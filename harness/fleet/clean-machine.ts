// Cleaning a fleet machine: stale runners of earlier nights and the miners a dead runner left behind.
import type Docker from 'dockerode';
import { PID_LABEL, RUN_LABEL } from '../runtime/container-spec.ts';
import { RUNNER_LABEL } from './runner-spec.ts';

const gone = (e: unknown) => (e as { statusCode?: number }).statusCode === 404;

async function remove(docker: Docker, id: string): Promise<void> {
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
  } catch (e) {
    if (!gone(e)) throw e;
  }
}

/** Removes this machine's runner containers that are not running; returns the names of any still running (busy). */
export async function removeStaleRunners(
  docker: Docker,
  machine: string,
): Promise<{ removed: string[]; running: string[] }> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${RUNNER_LABEL}=${machine}`] } });
  const removed: string[] = [];
  const running: string[] = [];
  for (const c of list) {
    const name = c.Names[0]?.replace(/^\//, '') ?? c.Id;
    if (c.State === 'running') running.push(name);
    else {
      await remove(docker, c.Id);
      removed.push(name);
    }
  }
  return { removed, running };
}

/** Removes a runner and every miner container and network it owned (labelled with its host pid). */
export async function removeRunnerAndMiners(
  docker: Docker,
  container: Docker.Container,
  runnerPid: number | undefined,
): Promise<string[]> {
  const removed: string[] = [];
  if (runnerPid) {
    const miners = await docker.listContainers({
      all: true,
      filters: { label: [RUN_LABEL, `${PID_LABEL}=${runnerPid}`] },
    });
    for (const c of miners) {
      await remove(docker, c.Id);
      removed.push(c.Labels[RUN_LABEL] ?? c.Id);
    }
    // The runs' own networks (miner-network.ts), once their containers are gone.
    const networks = await docker.listNetworks({ filters: { label: [RUN_LABEL, `${PID_LABEL}=${runnerPid}`] } });
    for (const n of networks) {
      try {
        await docker.getNetwork(n.Id).remove();
      } catch (e) {
        if (!gone(e)) throw e;
      }
    }
  }
  await remove(docker, container.id);
  return removed;
}
