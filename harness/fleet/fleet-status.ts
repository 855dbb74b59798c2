// fleetStatus: the last night of every machine found in the ledgers, with its morning-report regressions. Pure reads.
import { existsSync, readFileSync } from 'node:fs';
import { listNights, readNight, type MachineNight } from './fleet-ledger.ts';
import { morningReportPaths, type MorningReport } from './morning-report.ts';

export interface MachineStatusRow {
  machine: string;
  night: string;
  status: MachineNight['status'];
  completed: number;
  planned: number;
  failed: number;
  regressions: number | null;
  endedAt: string | null;
  error: string | null;
}

export function fleetStatus(resultsDir: string): MachineStatusRow[] {
  const latest = new Map<string, MachineNight>();
  for (const night of listNights(resultsDir)) for (const l of readNight(resultsDir, night)) latest.set(l.machine, l);
  const reports = new Map<string, MorningReport | null>();
  const reportOf = (night: string) => {
    if (!reports.has(night)) {
      const f = morningReportPaths(resultsDir, night).json;
      reports.set(night, existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as MorningReport) : null);
    }
    return reports.get(night)!;
  };
  return [...latest.values()]
    .sort((a, b) => a.machine.localeCompare(b.machine))
    .map((l) => {
      const jobs = Object.values(l.jobs);
      const report = reportOf(l.night);
      return {
        machine: l.machine,
        night: l.night,
        status: l.status,
        completed: jobs.filter((j) => j.status === 'completed').length,
        planned: l.planned,
        failed: jobs.filter((j) => j.status !== 'completed').length,
        regressions: report ? report.regressions.filter((r) => r.machine === l.machine).length : null,
        endedAt: l.endedAt ?? null,
        error: l.error ? `${l.error.code}: ${l.error.message}` : null,
      };
    });
}
