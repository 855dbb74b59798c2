// Pidfiles of miners run as local processes, so a later run can stop the miners of a killed one (like container labels).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pidAlive } from './pid-alive.ts';

export const PIDFILE_DIR = path.join(os.tmpdir(), 'minerbench-pids');

interface Pidfile {
  runId: string;
  pid: number;
  ownerPid: number;
}

export function writePidfile(runId: string, pid: number, dir = PIDFILE_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${runId}.json`);
  writeFileSync(file, JSON.stringify({ runId, pid, ownerPid: process.pid } satisfies Pidfile));
  return file;
}

/** Stops the process groups of miners whose minerbench is gone; returns their run ids. */
export function reapProcessOrphans(dir = PIDFILE_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const reaped: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let p: Pidfile;
    try {
      p = JSON.parse(readFileSync(file, 'utf8')) as Pidfile;
    } catch {
      rmSync(file, { force: true });
      continue;
    }
    if (p.ownerPid === process.pid || pidAlive(p.ownerPid)) continue;
    if (pidAlive(p.pid)) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
      }
      reaped.push(p.runId);
    }
    rmSync(file, { force: true });
  }
  return reaped;
}
