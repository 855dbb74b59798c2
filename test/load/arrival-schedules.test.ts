// Tests of the open-loop schedules (constant, poisson, trace) with literal offsets.
import { describe, expect, it } from 'vitest';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { poissonSchedule } from '../../harness/load/poisson-arrival.ts';
import { traceSchedule } from '../../harness/load/trace-arrival.ts';
import { queriesOf } from './fake-transport.ts';

const q = queriesOf(1)[0]!;
const offsets = (s: { targetStartMs: (i: number, q: never) => number | null }, n: number) =>
  Array.from({ length: n }, (_, i) => s.targetStartMs(i, q as never));

describe('constantSchedule', () => {
  it('puts query i at i/rate seconds from the origin and ends before endMs', () => {
    expect(offsets(constantSchedule(4), 5)).toEqual([0, 250, 500, 750, 1000]);
    expect(offsets(constantSchedule(1000, 3), 4)).toEqual([0, 1, 2, null]);
  });
  it('refuses a rate <= 0', () => {
    expect(() => constantSchedule(0)).toThrow('rate must be > 0, got 0');
    expect(() => constantSchedule(-5)).toThrow('rate must be > 0, got -5');
  });
});

describe('poissonSchedule', () => {
  it('is the same schedule for the same seed, and answers the same offset when asked twice', () => {
    const a = poissonSchedule(10, 7);
    const b = poissonSchedule(10, 7);
    const first = offsets(a, 4).map((x) => Math.round(x! * 1000) / 1000);
    expect(first).toEqual(offsets(b, 4).map((x) => Math.round(x! * 1000) / 1000));
    expect(first[0]).toBe(0);
    expect(a.targetStartMs(2, q)).toBe(a.targetStartMs(2, q));
  });
  it('has the requested mean rate over many gaps (seed 1: 20,000 gaps at 50/s)', () => {
    const s = poissonSchedule(50, 1);
    const last = s.targetStartMs(20_000, q)!;
    expect(Math.round((20_000 / last) * 1000 * 10) / 10).toBe(50.3);
  });
});

describe('traceSchedule', () => {
  it('replays the captured spacing from the first query, divided by the time scale', () => {
    const qs = queriesOf(4, (k) => [31.365, 43.447, 43.447, 72.349][k]!);
    expect(offsets(traceSchedule(qs), 5).map((x) => (x === null ? null : Math.round(x)))).toEqual([
      0,
      12082,
      12082,
      40984,
      null,
    ]);
    expect(offsets(traceSchedule(qs, 2), 4).map((x) => Math.round(x!))).toEqual([0, 6041, 6041, 20492]);
  });
});
