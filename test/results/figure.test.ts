// Tests the noise-interval arithmetic of figures: single values, aggregation of repeated runs, overlap.
import { describe, expect, it } from 'vitest';
import { aggregateFigures, figure, overlaps, t95 } from '../../harness/evaluate/figure.ts';

describe('figure', () => {
  it('orders the bounds around the value', () => {
    expect(figure(10, -2)).toEqual({ value: 10, lo: 8, hi: 12 });
    expect(figure(10, Number.NaN)).toEqual({ value: 10, lo: 10, hi: 10 });
  });

  it('keeps one run as it is and has nothing for none', () => {
    expect(aggregateFigures([{ value: 5, lo: 4, hi: 7 }])).toEqual({ value: 5, lo: 4, hi: 7 });
    expect(aggregateFigures([])).toBeNull();
  });

  it('uses the t interval of the mean when runs disagree more than their own noise', () => {
    // values 10, 12, 14: mean 12, sd 2, t(2) = 4.303, half-width 4.303 * 2 / sqrt(3) = 4.9687
    const f = aggregateFigures([figure(10, 0.1), figure(12, 0.1), figure(14, 0.1)])!;
    expect(f.value).toBe(12);
    expect(f.hi - f.value).toBeCloseTo(4.9687, 3);
  });

  it('keeps the runs own noise when it is the larger', () => {
    const f = aggregateFigures([figure(10, 3), figure(10.2, 3)])!;
    expect(f.value).toBeCloseTo(10.1, 10);
    expect(f.hi - f.value).toBeCloseTo(3, 10);
  });

  it('t quantiles fall back to 1.96 for large samples', () => {
    expect(t95(1)).toBe(12.706);
    expect(t95(30)).toBe(2.042);
    expect(t95(200)).toBe(1.96);
  });

  it('overlap means within noise', () => {
    expect(overlaps({ value: 1, lo: 0, hi: 2 }, { value: 3, lo: 2, hi: 4 })).toBe(true);
    expect(overlaps({ value: 1, lo: 0, hi: 1.9 }, { value: 3, lo: 2, hi: 4 })).toBe(false);
  });
});
