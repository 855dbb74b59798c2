// Tests the trend model: nights, and regressions only where the intervals of two nights do not overlap.
import { describe, expect, it } from 'vitest';
import { itShared } from '../support/describe-shared.ts';
import { indexedRunOf } from '../../harness/results/indexed-run-of.ts';
import { buildTrend, changeOf, nightOf } from '../../reports/trend-data.ts';
import { nightlyResults } from '../fixtures/results/synthetic-results.ts';

describe('trend', () => {
  it('puts a 23:50 and a 02:10 run in the same night, named by the morning', () => {
    expect(nightOf('2026-11-19T23:50:00.000Z')).toBe('2026-11-20');
    expect(nightOf('2026-11-20T02:10:00.000Z')).toBe('2026-11-20');
    expect(nightOf('2026-11-20T13:00:00.000Z')).toBe('2026-11-21');
  });

  it('calls a change a regression only when the intervals part', () => {
    expect(changeOf(null, { value: 1, lo: 0, hi: 2 }, 'lower')).toBe('first');
    expect(changeOf({ value: 100, lo: 90, hi: 110 }, { value: 115, lo: 105, hi: 125 }, 'lower')).toBe('noise');
    expect(changeOf({ value: 100, lo: 90, hi: 110 }, { value: 130, lo: 120, hi: 140 }, 'lower')).toBe('regression');
    expect(changeOf({ value: 100, lo: 90, hi: 110 }, { value: 130, lo: 120, hi: 140 }, 'higher')).toBe('improvement');
  });

  itShared('finds the p99 regression of the machine that slowed down on night 8, and none on the other', () => {
    const t = buildTrend(nightlyResults(10, 7).map((r) => indexedRunOf(r, 'x')));
    expect(t.series.map((s) => s.machine.name)).toEqual([
      'gpu-00 (1x NVIDIA H100 80GB HBM3)',
      'gpu-01 (1x NVIDIA H100 80GB HBM3)',
    ]);
    const [steady, slowed] = t.series;
    expect(steady!.nights).toHaveLength(10);
    expect(steady!.metrics.p99Ms!.filter((p) => p.change === 'regression')).toEqual([]);
    const p99 = slowed!.metrics.p99Ms!;
    expect(p99.filter((p) => p.change === 'regression').map((p) => p.night)).toEqual(['2026-11-08']);
    expect(p99.slice(8).map((p) => p.change)).toEqual(['noise', 'noise']);
  });
});
