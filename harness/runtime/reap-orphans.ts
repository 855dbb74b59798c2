// reapOrphans: removes minerbench containers whose owning process on this host is gone (a killed earlier run).
import os from 'node:os';
import type Docker from 'dockerode';
import { HOST_LABEL, PID_LABEL, RUN_LABEL } from './container-spec.ts';
import { pidAlive } from './pid-alive.ts';

/** Returns the run ids whose containers were removed. Containers of live runs (this host) are left alone. */
export async function reapOrphans(docker: Docker, host = os.hostname()): Promise<string[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [RUN_LABEL] } });
  const reaped: string[] = [];
  for (const c of list) {
    const pid = Number(c.Labels[PID_LABEL]);
    const sameHost = c.Labels[HOST_LABEL] === host;
    if (sameHost && Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) continue;
    if (sameHost && pid === process.pid) continue;
    if (!sameHost && c.Labels[HOST_LABEL]) continue; // another coordinator's engine view: not ours to judge
    try {
      await docker.getContainer(c.Id).remove({ force: true });
      reaped.push(c.Labels[RUN_LABEL] ?? c.Id);
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 404) throw e;
    }
  }
  return reaped;
}
