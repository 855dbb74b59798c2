// buildMorningReport: per machine, subnet and scenario, tonight against the previous N nights, from the ledgers and result files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readResult } from '../results/read-result.ts';
import { runFigures, type RunFigures } from '../evaluate/run-figures.ts';
import { compareFigures, type MetricComparison } from './compare-figures.ts';
import { listNights, readLedger, readNight, type MachineNight } from './fleet-ledger.ts';

export interface ReportRun {
  runId: string;
  repeat: number;
  verdict?: string;
  /** Relative to the morning report file. */
  report: string;
}

export interface ReportSeries {
  subnet: string;
  scenario: string;
  runs: ReportRun[];
  baselineRuns: number;
  metrics: MetricComparison[];
}

export interface ReportMachine {
  machine: string;
  endpoint: string;
  labels: Record<string, string>;
  status: MachineNight['status'];
  error?: { code: string; message: string };
  planned: number;
  completed: number;
  failed: Array<{ key: string; error?: string }>;
  series: ReportSeries[];
}

export interface Regression {
  machine: string;
  subnet: string;
  scenario: string;
  metric: MetricComparison;
}

export interface MorningReport {
  kind: 'minerbench-morning-report';
  night: string;
  fleet: string;
  generatedAt: string;
  /** The earlier nights the baseline is made of. */
  baselineNights: string[];
  machines: ReportMachine[];
  regressions: Regression[];
}

/** Where the night's report files go: <results>/fleet/morning-<night>.{html,json}. */
export function morningReportPaths(resultsDir: string, night: string): { html: string; json: string; dir: string } {
  const dir = path.join(resultsDir, 'fleet');
  return { dir, html: path.join(dir, `morning-${night}.html`), json: path.join(dir, `morning-${night}.json`) };
}

type Completed = { subnet: string; scenario: string; repeat: number; runId: string; verdict?: string };

function completedRuns(resultsDir: string, l: MachineNight | undefined): Completed[] {
  return Object.values(l?.jobs ?? {}).filter(
    (j) => j.status === 'completed' && j.runId && existsSync(path.join(resultsDir, 'runs', j.runId, 'result.json')),
  ) as Completed[];
}

export function buildMorningReport(
  resultsDir: string,
  night: string,
  opts: { fleet: string; baselineNights: number; now?: Date },
): MorningReport {
  const baselineNights = listNights(resultsDir)
    .filter((n) => n < night)
    .slice(-opts.baselineNights);
  const figuresCache = new Map<string, RunFigures>();
  const figuresOf = (runId: string) => {
    if (!figuresCache.has(runId))
      figuresCache.set(runId, runFigures(readResult(path.join(resultsDir, 'runs', runId, 'result.json'))));
    return figuresCache.get(runId)!;
  };
  const machines: ReportMachine[] = [];
  const regressions: Regression[] = [];
  for (const l of readNight(resultsDir, night)) {
    const done = completedRuns(resultsDir, l);
    const base = baselineNights.flatMap((n) => completedRuns(resultsDir, readLedger(resultsDir, n, l.machine)));
    const groups = new Map<string, Completed[]>();
    for (const r of done)
      groups.set(`${r.subnet}\0${r.scenario}`, [...(groups.get(`${r.subnet}\0${r.scenario}`) ?? []), r]);
    const series: ReportSeries[] = [];
    for (const runs of groups.values()) {
      const { subnet, scenario } = runs[0]!;
      const baseRuns = base.filter((b) => b.subnet === subnet && b.scenario === scenario);
      const metrics = compareFigures(
        runs.map((r) => figuresOf(r.runId)),
        baseRuns.map((r) => figuresOf(r.runId)),
      );
      for (const m of metrics)
        if (m.verdict === 'regression') regressions.push({ machine: l.machine, subnet, scenario, metric: m });
      series.push({
        subnet,
        scenario,
        baselineRuns: baseRuns.length,
        metrics,
        runs: runs
          .sort((a, b) => a.repeat - b.repeat)
          .map((r) => ({
            runId: r.runId,
            repeat: r.repeat,
            ...(r.verdict ? { verdict: r.verdict } : {}),
            report: `../runs/${r.runId}/report.html`,
          })),
      });
    }
    const failed = Object.values(l.jobs)
      .filter((j) => j.status !== 'completed')
      .map((j) => ({ key: j.key, ...(j.error ? { error: `${j.error.code}: ${j.error.message}` } : {}) }));
    machines.push({
      machine: l.machine,
      endpoint: l.endpoint,
      labels: l.labels,
      status: l.status,
      ...(l.error ? { error: l.error } : {}),
      planned: l.planned,
      completed: done.length,
      failed,
      series: series.sort((a, b) => `${a.subnet}/${a.scenario}`.localeCompare(`${b.subnet}/${b.scenario}`)),
    });
  }
  return {
    kind: 'minerbench-morning-report',
    night,
    fleet: opts.fleet,
    generatedAt: (opts.now ?? new Date()).toISOString(),
    baselineNights,
    machines,
    regressions,
  };
}
