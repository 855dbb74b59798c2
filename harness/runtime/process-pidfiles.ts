// Pidfiles of miners run as local processes, so a later run can stop the miners of a killed one, and only those.
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  hasProcfs,
  ownStartTime,
  procEnvValue,
  processGroupMembers,
  readProcStat,
  sameProcess,
} from './proc-identity.ts';
import { ensureStateDir, untrustedDirReason, userStateDir } from './user-state-dir.ts';

/** The variable every process miner gets: its run id, checked before any signal so only our own miners are stopped. */
export const RUN_ID_ENV = 'MINERBENCH_RUN_ID';

/** <user state dir>/pids: created 0700 at the first spawn. */
export function pidfileDir(root = userStateDir()): string {
  return path.join(root, 'pids');
}

const pidfileSchema = z.strictObject({
  v: z.literal(1),
  runId: z.string().regex(/^[A-Za-z0-9._-]+$/),
  pid: z.number().int(),
  pgid: z.number().int(),
  startTime: z.string().min(1),
  command: z.array(z.string()),
  ownerPid: z.number().int(),
  ownerStartTime: z.string().min(1),
});
export type Pidfile = z.infer<typeof pidfileSchema>;

export interface IgnoredPidfile {
  file: string;
  reason: string;
}

export interface ProcessReapReport {
  /** Run ids whose miners were stopped (their minerbench was gone). */
  reaped: string[];
  /** Files (or the folder) left alone or removed without signalling anything, and why: the CLI prints each. */
  ignored: IgnoredPidfile[];
}

/**
 * Records a just-spawned miner: its pid, its process group (it leads its own), its start time from /proc and the
 * owner (this process, with its start time). Throws RUNTIME_FAILED when the state folder cannot be trusted.
 */
export function writePidfile(runId: string, pid: number, command: string[], root = userStateDir()): string | undefined {
  const dir = ensureStateDir('pids', root);
  const stat = readProcStat(pid);
  // Already gone (it exited at once; its exit is reported as such) or no /proc to identify it by: nothing to record.
  if (!stat) return undefined;
  const file = path.join(dir, `${runId}.json`);
  const record: Pidfile = {
    v: 1,
    runId,
    pid,
    pgid: stat.pgid,
    startTime: stat.startTime,
    command,
    ownerPid: process.pid,
    ownerStartTime: ownStartTime(),
  };
  writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
  return file;
}

/** Whether the process that wrote the pidfile still runs (the same process: pid and start time). */
function ownerAlive(p: Pidfile): boolean {
  return sameProcess(p.ownerPid, p.ownerStartTime);
}

/** Why the live process `pid` is not the miner the file recorded, or null when it is. */
function notOurMiner(p: Pidfile, pid: number, checkStart: boolean): string | null {
  const s = readProcStat(pid);
  if (!s) return `pid ${pid} is gone`;
  if (checkStart && s.startTime !== p.startTime)
    return `pid ${pid} started at tick ${s.startTime}, not at ${p.startTime}: a later process has that pid`;
  if (s.pgid !== p.pgid) return `pid ${pid} is in process group ${s.pgid}, not the recorded group ${p.pgid}`;
  const marker = procEnvValue(pid, RUN_ID_ENV);
  if (marker !== p.runId)
    return marker === undefined
      ? `pid ${pid} has no ${RUN_ID_ENV} in its environment (or it cannot be read): not a miner minerbench started`
      : `pid ${pid} belongs to run ${marker}, not ${p.runId}`;
  return null;
}

/** One pidfile: stop the miner's group if the file is ours, its owner is dead and the process is the recorded one. */
function reapOne(file: string, report: ProcessReapReport): void {
  const ignore = (reason: string, remove: boolean) => {
    report.ignored.push({ file, reason: remove ? `${reason}; the file is removed` : reason });
    if (remove) rmSync(file, { force: true });
  };
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (!st) return;
  const uid = process.getuid?.();
  if (!st.isFile()) return ignore('not a regular file', false);
  if (uid !== undefined && st.uid !== uid) return ignore(`it belongs to uid ${st.uid}, not to you`, false);
  let p: Pidfile;
  try {
    const r = pidfileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!r.success)
      return ignore(`not a pidfile of this minerbench (${r.error.issues[0]?.message ?? 'bad shape'})`, true);
    p = r.data;
  } catch (e) {
    return ignore(`not valid JSON (${(e as Error).message})`, true);
  }
  if (ownerAlive(p)) return; // a live run's miner
  if (p.pid <= 1 || p.pgid <= 1)
    return ignore(`pid ${p.pid} / group ${p.pgid}: pid 1 and below are never signalled`, true);
  if (p.pgid !== p.pid)
    return ignore(`group ${p.pgid} is not led by the miner ${p.pid}, as minerbench starts them`, true);
  if (readProcStat(p.pid)) {
    const why = notOurMiner(p, p.pid, true);
    if (why) return ignore(why, true);
    try {
      process.kill(-p.pgid, 'SIGKILL');
      report.reaped.push(p.runId);
    } catch (e) {
      return ignore(
        `could not stop group ${p.pgid}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        false,
      );
    }
  } else {
    // The miner itself is gone; what is left of its group (its children) is ours only if it carries the run id.
    const left = processGroupMembers(p.pgid).filter((pid) => notOurMiner(p, pid, false) === null);
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    if (left.length) report.reaped.push(p.runId);
  }
  rmSync(file, { force: true });
}

/** Stops the miners of killed runs, after checking each is one minerbench started; returns what it did and skipped. */
export function reapProcessMiners(root = userStateDir()): ProcessReapReport {
  const report: ProcessReapReport = { reaped: [], ignored: [] };
  const dir = pidfileDir(root);
  if (!lstatSync(dir, { throwIfNoEntry: false })) return report;
  for (const d of [root, dir]) {
    const why = untrustedDirReason(d);
    if (why) {
      report.ignored.push({
        file: d,
        reason: `the pidfile folder is not safe to act on: ${why}; nothing was signalled`,
      });
      return report;
    }
  }
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length && !hasProcfs()) {
    for (const n of names)
      report.ignored.push({ file: path.join(dir, n), reason: 'no /proc here to verify the process: left alone' });
    return report;
  }
  for (const name of names) reapOne(path.join(dir, name), report);
  return report;
}
