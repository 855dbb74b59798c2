// otherRuns: the minerbench runs active on this machine besides this process's (lock files, pidfiles, containers,
// processes), so a run can say it shared the machine; registerRun leaves the lock file others find.
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { z } from 'zod';
import { judgeOwner, RUN_LABEL, thisOwner } from './owner-labels.ts';
import { allPids, ownLineage, procCommandLine, sameProcess } from './proc-identity.ts';
import { pidfileDir } from './process-pidfiles.ts';
import { ensureStateDir, untrustedDirReason, userStateDir } from './user-state-dir.ts';

export interface OtherRun {
  /** How it was seen. */
  source: 'lock file' | 'pidfile' | 'container' | 'process';
  runId?: string;
  /** The minerbench process, where known. */
  pid?: number;
  /** One line for the output and the result's validity reason. */
  detail: string;
}

const lockSchema = z.object({
  runId: z.string(),
  pid: z.number().int(),
  startTime: z.string(),
  host: z.string(),
  startedAt: z.string(),
});
type RunLock = z.infer<typeof lockSchema>;

export interface RunRegistration {
  file: string;
  /** Removes the lock file; safe to call twice. */
  release(): void;
}

/** Writes <state dir>/runs/<runId>.json naming this process (pid and start time) while the run is active. */
export function registerRun(runId: string, root = userStateDir(), now = new Date()): RunRegistration {
  const dir = ensureStateDir('runs', root);
  const me = thisOwner();
  const file = path.join(dir, `${runId}.json`);
  const lock: RunLock = { runId, pid: me.pid, startTime: me.startTime, host: me.host, startedAt: now.toISOString() };
  writeFileSync(file, JSON.stringify(lock), { mode: 0o600 });
  return { file, release: () => rmSync(file, { force: true }) };
}

function readJsonFiles(dir: string): Array<{ file: string; data: unknown }> {
  if (!lstatSync(dir, { throwIfNoEntry: false }) || untrustedDirReason(dir)) return [];
  const out: Array<{ file: string; data: unknown }> = [];
  for (const n of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const file = path.join(dir, n);
    try {
      out.push({ file, data: JSON.parse(readFileSync(file, 'utf8')) });
    } catch {
      /* a file being written, or not ours: nothing to say about a run */
    }
  }
  return out;
}

/** A process running `minerbench run ...` or `minerbench fleet runner` (any user: command lines are public). */
function isMinerbenchRun(argv: string[]): boolean {
  for (let k = 0; k < argv.length - 1; k++) {
    if (!/(^|\/)minerbench(\.js)?$/.test(argv[k]!)) continue;
    const cmd = argv[k + 1];
    if (cmd === 'run' || (cmd === 'fleet' && argv[k + 2] === 'runner')) return true;
  }
  return false;
}

/**
 * Every other minerbench run active on this machine now: lock files and pidfiles of this user whose owner lives (stale
 * ones of dead owners are removed), miner containers on the engine whose owner lives (any user), and `minerbench run`
 * processes (any user). Runs of this process (several subnets at once) are not "other" unless includeOwnProcess.
 */
export async function otherRuns(
  o: { docker?: Docker; root?: string; includeOwnProcess?: boolean } = {},
): Promise<OtherRun[]> {
  const root = o.root ?? userStateDir();
  const mine = o.includeOwnProcess ? new Set<number>() : ownLineage();
  const found: OtherRun[] = [];
  const seen = (runId: string | undefined, pid: number | undefined) =>
    found.some((f) => (runId !== undefined && f.runId === runId) || (pid !== undefined && f.pid === pid));

  for (const { file, data } of readJsonFiles(path.join(root, 'runs'))) {
    const r = lockSchema.safeParse(data);
    if (!r.success) continue;
    const l = r.data;
    if (!sameProcess(l.pid, l.startTime)) {
      rmSync(file, { force: true }); // its minerbench is gone
      continue;
    }
    if (mine.has(l.pid)) continue;
    found.push({
      source: 'lock file',
      runId: l.runId,
      pid: l.pid,
      detail: `run ${l.runId} (minerbench pid ${l.pid}, since ${l.startedAt})`,
    });
  }
  for (const { data } of readJsonFiles(pidfileDir(root))) {
    const p = data as { runId?: unknown; ownerPid?: unknown; ownerStartTime?: unknown; pid?: unknown };
    if (typeof p.runId !== 'string' || typeof p.ownerPid !== 'number' || typeof p.ownerStartTime !== 'string') continue;
    if (!sameProcess(p.ownerPid, p.ownerStartTime) || mine.has(p.ownerPid) || seen(p.runId, p.ownerPid)) continue;
    found.push({
      source: 'pidfile',
      runId: p.runId,
      pid: p.ownerPid,
      detail: `run ${p.runId}: a process miner (pid ${String(p.pid)}) of minerbench pid ${p.ownerPid}`,
    });
  }
  if (o.docker) {
    const here = thisOwner();
    const list = await o.docker.listContainers({ all: false, filters: { label: [RUN_LABEL] } });
    for (const c of list) {
      const runId = c.Labels[RUN_LABEL];
      const pid = Number(c.Labels['minerbench.pid']);
      const owner = judgeOwner(c.Labels, here);
      if (owner.state === 'dead' || mine.has(pid) || seen(runId, undefined)) continue;
      const name = c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);
      found.push({
        source: 'container',
        ...(runId ? { runId } : {}),
        ...(owner.state === 'live' ? { pid } : {}),
        detail:
          owner.state === 'elsewhere'
            ? `container ${name} of run ${runId}, started by minerbench on ${c.Labels['minerbench.host']}`
            : `container ${name} of run ${runId} (minerbench pid ${c.Labels['minerbench.pid']})`,
      });
    }
  }
  for (const pid of allPids()) {
    if (mine.has(pid) || seen(undefined, pid)) continue;
    const argv = procCommandLine(pid);
    if (!isMinerbenchRun(argv)) continue;
    found.push({ source: 'process', pid, detail: `minerbench process ${pid}: ${argv.join(' ').slice(0, 160)}` });
  }
  return found;
}
