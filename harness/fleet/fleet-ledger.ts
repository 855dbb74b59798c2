// MachineNight ledger: what one machine did on one night (each job's latest run), under <results>/fleet/nights/<night>/.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import type { FleetJob } from './fleet-job.ts';

export interface LedgerJob {
  key: string;
  subnet: string;
  scenario: string;
  repeat: number;
  /** The run folder is <results>/runs/<runId>; null when the job failed before one existed. */
  runId: string | null;
  status: 'completed' | 'failed' | 'interrupted';
  verdict?: 'VALID' | 'INVALID';
  error?: { code: string; message: string };
  endedAt: string;
}

export type MachineStatus = 'running' | 'completed' | 'incomplete' | 'failed' | 'unreachable' | 'interrupted';

export interface MachineNight {
  machine: string;
  night: string;
  /** The endpoint URL as written in the fleet file (no key, no certificate). */
  endpoint: string;
  labels: Record<string, string>;
  status: MachineStatus;
  error?: { code: string; message: string };
  startedAt: string;
  endedAt?: string;
  attempts: number;
  planned: number;
  jobs: Record<string, LedgerJob>;
}

export function nightsDir(resultsDir: string): string {
  return path.join(resultsDir, 'fleet', 'nights');
}

export function ledgerFile(resultsDir: string, night: string, machine: string): string {
  return path.join(nightsDir(resultsDir), night, `${machine}.json`);
}

export function readLedger(resultsDir: string, night: string, machine: string): MachineNight | undefined {
  const f = ledgerFile(resultsDir, night, machine);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as MachineNight) : undefined;
}

export function writeLedger(resultsDir: string, l: MachineNight): void {
  const f = ledgerFile(resultsDir, l.night, l.machine);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileAtomic(f, JSON.stringify(l, null, 2));
}

/** Every night folder, oldest first. */
export function listNights(resultsDir: string): string[] {
  const d = nightsDir(resultsDir);
  return existsSync(d)
    ? readdirSync(d)
        .filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n))
        .sort()
    : [];
}

/** Every machine ledger of one night. */
export function readNight(resultsDir: string, night: string): MachineNight[] {
  const d = path.join(nightsDir(resultsDir), night);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(d, f), 'utf8')) as MachineNight);
}

/** Jobs still to run tonight: those without a completed run (a failed or interrupted one is tried again). */
export function pendingJobs(jobs: readonly FleetJob[], ledger: MachineNight | undefined): FleetJob[] {
  return jobs.filter((j) => ledger?.jobs[j.key]?.status !== 'completed');
}
