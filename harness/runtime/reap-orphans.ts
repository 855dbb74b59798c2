// reapDockerOrphans: removes minerbench containers and networks whose run on this host is gone (a killed earlier run).
import type Docker from 'dockerode';
import { judgeOwner, RUN_LABEL, thisOwner, type Owner } from './owner-labels.ts';

export interface DockerReapReport {
  /** Run ids whose containers or networks were removed. */
  reaped: string[];
  /** Labelled things left alone although they looked like ours, and why (the CLI prints each). */
  ignored: Array<{ what: string; reason: string }>;
}

const statusOf = (e: unknown) => (e as { statusCode?: number }).statusCode;

/**
 * Containers first (a network cannot go while one is attached), then networks. Only what carries our labels, names
 * this host and a dead owner (pid gone, or reused: another start time) is removed; other hosts' are not ours to judge.
 */
export async function reapDockerOrphans(docker: Docker, here: Owner = thisOwner()): Promise<DockerReapReport> {
  const report: DockerReapReport = { reaped: [], ignored: [] };
  const note = (runId: string) => report.reaped.includes(runId) || report.reaped.push(runId);
  const containers = await docker.listContainers({ all: true, filters: { label: [RUN_LABEL] } });
  for (const c of containers) {
    const name = c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);
    const owner = judgeOwner(c.Labels, here);
    if (owner.state === 'unknown') report.ignored.push({ what: `container ${name}`, reason: owner.reason });
    if (owner.state !== 'dead') continue;
    try {
      await docker.getContainer(c.Id).remove({ force: true, v: true });
      note(c.Labels[RUN_LABEL]!);
    } catch (e) {
      if (statusOf(e) !== 404) report.ignored.push({ what: `container ${name}`, reason: (e as Error).message });
    }
  }
  const networks = await docker.listNetworks({ filters: { label: [RUN_LABEL] } });
  for (const n of networks) {
    const owner = judgeOwner(n.Labels, here);
    if (owner.state === 'unknown') report.ignored.push({ what: `network ${n.Name}`, reason: owner.reason });
    if (owner.state !== 'dead') continue;
    try {
      await docker.getNetwork(n.Id).remove();
      note(n.Labels![RUN_LABEL]!);
    } catch (e) {
      if (statusOf(e) !== 404) report.ignored.push({ what: `network ${n.Name}`, reason: (e as Error).message });
    }
  }
  return report;
}
