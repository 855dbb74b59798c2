// runFleet: every machine of a fleet in parallel (bounded), results imported as they arrive, then the morning report.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import PQueue from 'p-queue';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import type { ResolvedFleet } from './fleet-machine.ts';
import { importRun } from './import-run.ts';
import type { MachineEvent, MachineOutcome } from './machine-outcome.ts';
import { buildMorningReport, morningReportPaths, type MorningReport } from './morning-report.ts';
import { renderMorningReport } from './render-morning-report.ts';
import { writeNightComparison } from './night-comparison.ts';
import { RunnerImages } from './runner-image.ts';
import { runMachine } from './run-machine.ts';

export interface RunFleetInput {
  fleet: ResolvedFleet;
  night: string;
  signal: AbortSignal;
  emit: (e: MachineEvent) => void;
  /** Only these machines (by name) [default: all]. */
  only?: string[];
  idleMs?: number;
}

export interface FleetOutcome {
  night: string;
  machines: MachineOutcome[];
  report: MorningReport;
  reportFiles: { html: string; json: string; compare?: string };
  /** 0, FLEET_REGRESSION (60) or FLEET_INCOMPLETE (61), or INTERRUPTED (130). */
  exit: 'ok' | 'regression' | 'incomplete' | 'interrupted';
}

export async function runFleet(input: RunFleetInput): Promise<FleetOutcome> {
  const { fleet } = input;
  const images = new RunnerImages();
  const queue = new PQueue({ concurrency: fleet.concurrency });
  const chosen = fleet.machines.filter((m) => !input.only || input.only.includes(m.name));
  const outcomes = await Promise.all(
    chosen.map((machine) =>
      queue.add(
        () =>
          runMachine({
            machine,
            night: input.night,
            resultsDir: fleet.resultsDir,
            runner: fleet.runner,
            images,
            signal: input.signal,
            emit: input.emit,
            onRun: async (dir) => void (await importRun(fleet.resultsDir, dir)),
            ...(input.idleMs ? { idleMs: input.idleMs } : {}),
          }),
        { throwOnTimeout: true },
      ),
    ),
  );
  const report = buildMorningReport(fleet.resultsDir, input.night, {
    fleet: fleet.name,
    baselineNights: fleet.baselineNights,
  });
  const files = morningReportPaths(fleet.resultsDir, input.night);
  mkdirSync(files.dir, { recursive: true });
  writeFileAtomic(files.json, JSON.stringify(report, null, 2));
  writeFileAtomic(files.html, renderMorningReport(report));
  const compare = writeNightComparison(fleet.resultsDir, report, path.join(files.dir, `compare-${input.night}.html`));
  const exit = input.signal.aborted
    ? 'interrupted'
    : report.regressions.length
      ? 'regression'
      : outcomes.some((o) => o.status !== 'completed')
        ? 'incomplete'
        : 'ok';
  return {
    night: input.night,
    machines: outcomes,
    report,
    reportFiles: { html: files.html, json: files.json, ...(compare ? { compare } : {}) },
    exit,
  };
}
