// compareFigures: a regression only where tonight's and the baseline's 95 % intervals do not overlap, in the worse direction.
import { describe, expect, it } from 'vitest';
import { compareFigures } from '../../harness/fleet/compare-figures.ts';

const f = (value: number, half: number) => ({ value, lo: value - half, hi: value + half });

describe('compareFigures', () => {
  it('slower p50 whose interval clears the baseline is a regression; overlapping is the same', () => {
    const [p50] = compareFigures([{ p50Ms: f(30, 2) }], [{ p50Ms: f(20, 1) }, { p50Ms: f(20, 1) }], ['p50Ms']);
    expect(p50).toMatchObject({
      metric: 'p50Ms',
      verdict: 'regression',
      tonight: { value: 30, lo: 28, hi: 32 },
      baseline: { value: 20, lo: 19, hi: 21 },
    });
    expect(p50!.change).toBeCloseTo(0.5, 10);
    expect(compareFigures([{ p50Ms: f(21.5, 1) }], [{ p50Ms: f(20, 1) }], ['p50Ms'])[0]!.verdict).toBe('same');
  });

  it('higher capacity is an improvement, lower a regression; quality and errors by their own direction', () => {
    expect(
      compareFigures([{ capacityQps: f(120, 5) }], [{ capacityQps: f(100, 5) }], ['capacityQps'])[0]!.verdict,
    ).toBe('improvement');
    expect(compareFigures([{ capacityQps: f(80, 4) }], [{ capacityQps: f(100, 5) }], ['capacityQps'])[0]!.verdict).toBe(
      'regression',
    );
    expect(compareFigures([{ errorRate: f(5, 1) }], [{ errorRate: f(0.5, 0.4) }], ['errorRate'])[0]!.verdict).toBe(
      'regression',
    );
    expect(compareFigures([{ quality: f(0.9, 0.01) }], [{ quality: f(1, 0) }], ['quality'])[0]!.verdict).toBe(
      'regression',
    );
  });

  it('tonight alone has no baseline; repeats widen the interval by their spread (t, 95 %)', () => {
    expect(compareFigures([{ p50Ms: f(30, 1) }], [], ['p50Ms'])[0]).toMatchObject({
      verdict: 'no-baseline',
      baseline: null,
      change: null,
    });
    // Three baseline nights 18, 20, 22 (own half-width 1): sd 2, t(2) = 4.303, half = 4.303 * 2 / sqrt(3) = 4.969
    const [c] = compareFigures(
      [{ p50Ms: f(24, 0.5) }],
      [{ p50Ms: f(18, 1) }, { p50Ms: f(20, 1) }, { p50Ms: f(22, 1) }],
      ['p50Ms'],
    );
    expect(c!.baseline!.hi).toBeCloseTo(24.969, 3);
    expect(c!.verdict).toBe('same');
  });

  it('a metric measured on neither side is left out; one missing tonight is not-measured', () => {
    expect(compareFigures([{}], [{}], ['joulesPerQuery'])).toEqual([]);
    expect(compareFigures([{}], [{ joulesPerQuery: f(2, 0.1) }], ['joulesPerQuery'])[0]!.verdict).toBe('not-measured');
  });
});
