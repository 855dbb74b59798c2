// ownerLabels / judgeOwner: the labels that tie a container or network to the minerbench run that made it, and whether that run lives.
import os from 'node:os';
import { pidAlive } from './pid-alive.ts';
import { ownStartTime, readProcStat } from './proc-identity.ts';

export const RUN_LABEL = 'minerbench.run';
export const PID_LABEL = 'minerbench.pid';
export const HOST_LABEL = 'minerbench.host';
/** The owner's start time (/proc/<pid>/stat), so an owner pid reused by another process reads as dead. */
export const OWNER_START_LABEL = 'minerbench.owner-start';

export interface Owner {
  pid: number;
  host: string;
  /** '' where there is no /proc (then only the pid is compared). */
  startTime: string;
}

export function thisOwner(): Owner {
  return { pid: process.pid, host: os.hostname(), startTime: ownStartTime() };
}

export function ownerLabels(runId: string, owner: Owner): Record<string, string> {
  return {
    [RUN_LABEL]: runId,
    [PID_LABEL]: String(owner.pid),
    [HOST_LABEL]: owner.host,
    ...(owner.startTime ? { [OWNER_START_LABEL]: owner.startTime } : {}),
  };
}

export type OwnerState =
  | { state: 'live' }
  /** Its run is gone: what it labels may be removed. */
  | { state: 'dead' }
  /** Another machine's (an engine shared by several coordinators): not ours to judge. */
  | { state: 'elsewhere' }
  /** Labels missing or malformed: left alone, and said why. */
  | { state: 'unknown'; reason: string };

/** Whether the run that labelled a container or network still runs on this host. */
export function judgeOwner(labels: Record<string, string> | undefined, here: Owner = thisOwner()): OwnerState {
  const l = labels ?? {};
  if (!l[RUN_LABEL]) return { state: 'unknown', reason: `no ${RUN_LABEL} label` };
  const host = l[HOST_LABEL];
  if (!host) return { state: 'unknown', reason: `no ${HOST_LABEL} label, so its owner cannot be checked` };
  if (host !== here.host) return { state: 'elsewhere' };
  const pid = Number(l[PID_LABEL]);
  if (!Number.isInteger(pid) || pid < 1)
    return { state: 'unknown', reason: `${PID_LABEL}=${l[PID_LABEL] ?? ''} is not a pid` };
  if (pid === here.pid && (!l[OWNER_START_LABEL] || l[OWNER_START_LABEL] === here.startTime)) return { state: 'live' };
  const stat = readProcStat(pid);
  if (stat === undefined || stat.state === 'Z') {
    // No /proc (not Linux): fall back to a signal-0 probe of the pid.
    if (stat === undefined && !readProcStat(process.pid)) return pidAlive(pid) ? { state: 'live' } : { state: 'dead' };
    return { state: 'dead' };
  }
  const start = l[OWNER_START_LABEL];
  return start && start !== stat.startTime ? { state: 'dead' } : { state: 'live' };
}
