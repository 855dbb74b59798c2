// Tests of ProgressMeter in virtual time: events every 500 ms and at the end; the rate is the recent one, not the average.
import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../harness/workload/progress-meter.ts';

describe('ProgressMeter', () => {
  it('reports the current rate over the last 3 s after a slowdown, and time left from it', () => {
    const m = new ProgressMeter(0, 200, null);
    const events = [];
    // 100 queries at 100/s, then 100 at 10/s.
    for (let i = 1; i <= 100; i++) events.push(m.record(true, i * 10));
    for (let i = 1; i <= 100; i++) events.push(m.record(true, 1000 + i * 100));
    const emitted = events.filter((e) => e !== undefined);
    expect(emitted[0]).toMatchObject({ done: 1, okQps: 100 });
    const last = emitted[emitted.length - 1]!;
    expect(last).toMatchObject({ done: 200, total: 200, remainingS: 0 });
    expect(last.okQps).toBeCloseTo(10, 5); // the average since the start would be 18.2/s
    expect(last.elapsedS).toBe(11);
    const mid = emitted.find((e) => e!.done >= 120)!;
    expect(mid.remainingS).toBeGreaterThan(0);
  });

  it('does not count failures in the rate and counts down a timed run', () => {
    const m = new ProgressMeter(1000, null, 10);
    m.record(false, 1500);
    const e = m.record(true, 2100)!;
    expect(e).toMatchObject({ done: 2, total: null });
    expect(e.remainingS).toBeCloseTo(8.9, 5);
  });

  it('counts down a known schedule (a trace) rather than guessing from a burst of fast answers', () => {
    // 720 queries due over 17,645 s; the first 11 answers come in a burst of 10 per second (events at 0.1, 0.6, 1.1 s).
    const m = new ProgressMeter(0, 720, null, 17_645);
    let e;
    for (let i = 1; i <= 11; i++) e = m.record(true, i * 100) ?? e;
    // 1.1 s elapsed: 17,643.9 s of schedule left (the rate alone would say (720 - 11) / 10 per s = 70.9 s).
    expect(e).toMatchObject({ done: 11, total: 720, elapsedS: 1.1 });
    expect(e!.remainingS).toBeCloseTo(17_643.9, 9);
    // Past the schedule's end, answers still due come from the rate again: 0 left at the last.
    const late = new ProgressMeter(0, 2, null, 1);
    late.record(true, 500);
    expect(late.record(true, 3000)).toMatchObject({ done: 2, remainingS: 0 });
  });
});
