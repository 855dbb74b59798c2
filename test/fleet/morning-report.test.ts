// buildMorningReport and fleetStatus over real ledgers and result files: tonight against earlier nights, per machine.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../support/describe-shared.ts';
import { writeLedger, type MachineNight } from '../../harness/fleet/fleet-ledger.ts';
import { fleetStatus } from '../../harness/fleet/fleet-status.ts';
import { buildMorningReport } from '../../harness/fleet/morning-report.ts';
import { renderMorningReport } from '../../harness/fleet/render-morning-report.ts';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { goldenGpu } from '../support/golden-runs.ts';

/** The recorded run with every latency scaled, evaluated for real. */
function result(runId: string, scale: number): RunResult {
  return goldenGpu({ runId, latencyScale: scale });
}

function night(dir: string, n: string, machine: string, scale: number, labels: Record<string, string> = {}): void {
  const jobs: MachineNight['jobs'] = {};
  for (const repeat of [1, 2]) {
    const runId = `${n.replaceAll('-', '')}-000000-template-${machine}${repeat}`;
    mkdirSync(path.join(dir, 'runs', runId), { recursive: true });
    writeFileSync(path.join(dir, 'runs', runId, 'result.json'), JSON.stringify(result(runId, scale)));
    jobs[`template/smoke/${repeat}`] = {
      key: `template/smoke/${repeat}`,
      subnet: 'template',
      scenario: 'smoke',
      repeat,
      runId,
      status: 'completed',
      verdict: 'VALID',
      endedAt: `${n}T23:00:00Z`,
    };
  }
  writeLedger(dir, {
    machine,
    night: n,
    endpoint: `unix:///run/${machine}.sock`,
    labels,
    status: 'completed',
    startedAt: `${n}T22:00:00Z`,
    endedAt: `${n}T23:00:00Z`,
    attempts: 1,
    planned: 2,
    jobs,
  });
}

describeShared('morning report', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minerbench-morning-'));
  for (const n of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']) {
    night(dir, n, 'fast', 1);
    night(dir, n, 'slowed', 1);
  }
  night(dir, '2026-11-20', 'fast', 1, { note: '<script>alert(1)</script>' });
  night(dir, '2026-11-20', 'slowed', 3);

  it('flags the machine whose latency tripled against the previous N nights, and only it', () => {
    const r = buildMorningReport(dir, '2026-11-20', { fleet: 'test', baselineNights: 3 });
    expect(r.baselineNights).toEqual(['2026-11-17', '2026-11-18', '2026-11-19']);
    const regressions = r.regressions.map((g) => `${g.machine} ${g.subnet}/${g.scenario} ${g.metric.metric}`);
    expect(regressions).toContain('slowed template/smoke p50Ms');
    expect(regressions.filter((g) => g.startsWith('fast'))).toEqual([]);
    const fast = r.machines.find((m) => m.machine === 'fast')!;
    expect(fast.series[0]!.baselineRuns).toBe(6);
    expect(fast.series[0]!.metrics.find((m) => m.metric === 'p50Ms')!.verdict).toBe('same');
    expect(fast.series[0]!.runs.map((x) => x.report)).toEqual([
      '../runs/20261120-000000-template-fast1/report.html',
      '../runs/20261120-000000-template-fast2/report.html',
    ]);
  });

  it('renders one self-contained page with every text escaped and links into the run reports', () => {
    const html = renderMorningReport(buildMorningReport(dir, '2026-11-20', { fleet: 'test', baselineNights: 3 }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('note=&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="../runs/20261120-000000-template-slowed1/report.html">');
    expect(html).toMatch(/<tr class="regression"><td>p50 latency<\/td>/);
  });

  it('fleet status shows the last night of every machine', () => {
    writeFileSync(
      path.join(dir, 'fleet', 'morning-2026-11-20.json'),
      JSON.stringify(buildMorningReport(dir, '2026-11-20', { fleet: 'test', baselineNights: 3 })),
    );
    const rows = fleetStatus(dir);
    expect(rows.map((r) => [r.machine, r.night, r.status, r.completed, r.planned])).toEqual([
      ['fast', '2026-11-20', 'completed', 2, 2],
      ['slowed', '2026-11-20', 'completed', 2, 2],
    ]);
    expect(rows.find((r) => r.machine === 'slowed')!.regressions).toBeGreaterThan(0);
    expect(rows.find((r) => r.machine === 'fast')!.regressions).toBe(0);
  });
});
