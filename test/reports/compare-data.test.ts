// Tests the comparison model: cells per subnet x machine, best per column, within-noise marks, INVALID never best.
import { describe, expect, it } from 'vitest';
import type { IndexedRun } from '../../harness/results/query-runs.ts';
import { buildComparison } from '../../reports/compare-data.ts';

function run(
  runId: string,
  subnet: string,
  machine: string,
  figures: IndexedRun['figures'],
  verdict = 'VALID',
  startedAt = '2026-11-20T02:00:00.000Z',
): IndexedRun {
  return {
    runId,
    resultPath: `/r/${runId}`,
    subnet: { id: subnet, netuid: 1, title: `Subnet ${subnet}` },
    machine: { id: machine, name: `host-${machine}`, hostname: `host-${machine}`, gpuSummary: '' },
    startedAt,
    status: 'completed',
    verdict,
    reasons: [],
    currency: 'USD',
    minerbenchVersion: '0.1.0',
    figures,
  };
}

describe('buildComparison', () => {
  it('marks the best of each column and the values within noise of it', () => {
    const c = buildComparison([
      run('a', 's1', 'm1', { p99Ms: { value: 100, lo: 95, hi: 105 }, capacityQps: { value: 50, lo: 48, hi: 52 } }),
      run('b', 's1', 'm2', { p99Ms: { value: 104, lo: 101, hi: 108 }, capacityQps: { value: 40, lo: 39, hi: 41 } }),
      run('c', 's1', 'm3', { p99Ms: { value: 130, lo: 120, hi: 140 }, capacityQps: { value: 51, lo: 49, hi: 53 } }),
    ]);
    const marks = Object.fromEntries(c.bySubnet[0]!.rows.map((r) => [c.cells[r.cell]!.machine, r.marks]));
    expect(marks).toEqual({
      m1: { p99Ms: 'best', capacityQps: 'noise' },
      m2: { p99Ms: 'noise', capacityQps: '' },
      m3: { p99Ms: '', capacityQps: 'best' },
    });
    expect(c.byMachine.map((g) => g.key)).toEqual(['m1', 'm2', 'm3']);
    expect(c.currency).toBe('USD');
  });

  it('averages repeated runs of a cell and reports the latest verdict; an INVALID cell is never best', () => {
    const c = buildComparison([
      run('a1', 's1', 'm1', { capacityQps: { value: 10, lo: 9.9, hi: 10.1 } }, 'VALID', '2026-11-19T02:00:00.000Z'),
      run('a2', 's1', 'm1', { capacityQps: { value: 14, lo: 13.9, hi: 14.1 } }, 'VALID', '2026-11-20T02:00:00.000Z'),
      run('b', 's1', 'm2', { capacityQps: { value: 99, lo: 98, hi: 100 } }, 'INVALID'),
      run('c', 's1', 'm3', { capacityQps: { value: 5, lo: 4.9, hi: 5.1 } }),
    ]);
    const m1 = c.cells.find((x) => x.machine === 'm1')!;
    expect(m1.runs).toBe(2);
    expect(m1.latestRunId).toBe('a2');
    // mean 12, sd 2.828, t(1) = 12.706: half-width 12.706 * 2.828 / sqrt(2) = 25.412
    expect(m1.figures.capacityQps!.value).toBe(12);
    expect(m1.figures.capacityQps!.hi).toBeCloseTo(37.412, 3);
    const marks = Object.fromEntries(c.bySubnet[0]!.rows.map((r) => [c.cells[r.cell]!.machine, r.marks.capacityQps]));
    expect(marks).toEqual({ m1: 'best', m2: undefined, m3: 'noise' });
  });

  it('marks nothing in a table of one', () => {
    const c = buildComparison([run('a', 's1', 'm1', { p99Ms: { value: 1, lo: 1, hi: 1 } })]);
    expect(c.bySubnet[0]!.rows[0]!.marks).toEqual({});
  });
});
