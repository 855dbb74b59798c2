// procIdentity: what tells one process from another that later gets its pid (start time, group), read from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  /** Parent pid (field 4). */
  ppid: number;
  /** Process group id (field 5 of /proc/<pid>/stat). */
  pgid: number;
  /** Clock ticks after boot when it started (field 22): a reused pid has another. */
  startTime: string;
  /** R, S, Z (zombie)... */
  state: string;
}

/** /proc/<pid>/stat parsed; undefined when the process is gone or there is no /proc. */
export function readProcStat(pid: number, procRoot = '/proc'): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ')': fields start after the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const pgid = Number(rest[2]);
  const startTime = rest[19];
  if (!Number.isInteger(pgid) || !startTime) return undefined;
  return { pid, ppid: Number(rest[1]), pgid, startTime, state: rest[0] ?? '?' };
}

/** Whether /proc describes processes here (Linux); elsewhere nothing can be verified, so nothing is signalled. */
export function hasProcfs(procRoot = '/proc'): boolean {
  return readProcStat(process.pid, procRoot) !== undefined;
}

/** The value of one variable in the process's initial environment, or undefined (not set, not readable, gone). */
export function procEnvValue(pid: number, name: string, procRoot = '/proc'): string | undefined {
  let raw: string;
  try {
    raw = readFileSync(`${procRoot}/${pid}/environ`, 'latin1');
  } catch {
    return undefined;
  }
  const prefix = `${name}=`;
  for (const entry of raw.split('\0')) if (entry.startsWith(prefix)) return entry.slice(prefix.length);
  return undefined;
}

/** The process's command line as its words; [] when gone or unreadable. */
export function procCommandLine(pid: number, procRoot = '/proc'): string[] {
  try {
    return readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** Pids of every process on this machine (from /proc); [] without /proc. */
export function allPids(procRoot = '/proc'): number[] {
  try {
    return readdirSync(procRoot)
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return [];
  }
}

/** This process and its ancestors up to pid 1 (a minerbench started through npx or a shell has parents that look like it). */
export function ownLineage(procRoot = '/proc'): Set<number> {
  const out = new Set<number>();
  for (let pid = process.pid; pid > 0 && !out.has(pid);) {
    out.add(pid);
    const s = readProcStat(pid, procRoot);
    if (!s) break;
    pid = s.ppid;
  }
  return out;
}

/** Pids of the live members of a process group (zombies left out). */
export function processGroupMembers(pgid: number, procRoot = '/proc'): number[] {
  const out: number[] = [];
  let names: string[];
  try {
    names = readdirSync(procRoot);
  } catch {
    return out;
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    const s = readProcStat(Number(n), procRoot);
    if (s && s.pgid === pgid && s.state !== 'Z') out.push(s.pid);
  }
  return out;
}

/** Alive with the same start time: the very process that was recorded, not a later one with its pid. */
export function sameProcess(pid: number, startTime: string, procRoot = '/proc'): boolean {
  const s = readProcStat(pid, procRoot);
  return s !== undefined && s.state !== 'Z' && s.startTime === startTime;
}

/** This process's own start time (for labels and pidfiles that name it as owner); '' where there is no /proc. */
export function ownStartTime(): string {
  return readProcStat(process.pid)?.startTime ?? '';
}
