// Tests tracePlan / traceSpan: what a trace run sends and how long it lasts, by hand and against the real open loop.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readQueriesFile } from '../../harness/load/queries-file.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import { traceSchedule } from '../../harness/load/trace-arrival.ts';
import { spanText, tracePlan, traceSpan } from '../../harness/load/trace-plan.ts';
import { VirtualClock } from '../../harness/load/virtual-clock.ts';
import { collectRecords, fakeTransport } from './fake-transport.ts';

const at = (...ts: number[]) => ts.map((t, i) => ({ t, synapse: 'Dummy', body: {}, line: i + 1 }));
const T = at(0, 1, 2, 10, 30, 31);
const TEMPLATE = path.resolve(import.meta.dirname, '../../subnets/template/queries/sample.jsonl');

describe('tracePlan', () => {
  it('the template trace (720 queries over 4.9 h) at 1x: 20 warm-up + 700 measured = 720 sent, and a warning', () => {
    const queries = readQueriesFile(TEMPLATE, { monotonic: true });
    expect(queries).toHaveLength(720);
    const p = tracePlan(queries, { warmup: 20, count: null, durationS: null, timeScale: 1 });
    expect([p.warmup, p.measured, p.total]).toEqual([20, 700, 720]);
    // The first query is at t = 31.365 s, the last at 17676.259 s: 17644.894 s = 4 h 54 m 4.9 s.
    expect(p.spanS).toBeCloseTo(17_644.894, 6);
    // --time-scale 20 would leave 882.2 s (> 600); 30 leaves 588.2 s = 9 m 48 s.
    expect(p.warning).toBe(
      '--arrival trace: the trace spans 4 h 54 m at --time-scale 1 (720 queries, the last sent 4 h 54 m after the first); ' +
        'use --time-scale 30 to replay it in 9 m 48 s, or use --duration to measure a part of it',
    );
    // --queries 720 asks for more than the file has after the warm-up: still 720 sent.
    expect(tracePlan(queries, { warmup: 20, count: 720, durationS: null, timeScale: 1 }).total).toBe(720);
    // At --time-scale 60: 17644.894 / 60 = 294.1 s, under 10 minutes: no warning.
    expect(tracePlan(queries, { warmup: 20, count: null, durationS: null, timeScale: 60 }).warning).toBeNull();
  });

  it('counts by hand: the file once, fewer measured when the file runs out, the span of what is sent', () => {
    // warm-up 2 (t 0, 1), then min(10, 6 - 2) = 4 measured; span 31 - 0 = 31 s, 15.5 s at 2x.
    expect(tracePlan(T, { warmup: 2, count: 10, durationS: null, timeScale: 2 })).toEqual({
      warmup: 2,
      measured: 4,
      total: 6,
      spanS: 15.5,
      warning: null,
    });
    // --queries 1: t 0, 1, 2 sent; span 2 s.
    expect(tracePlan(T, { warmup: 2, count: 1, durationS: null, timeScale: 1 })).toMatchObject({ total: 3, spanS: 2 });
    // A warm-up longer than the file: all of it is warm-up, nothing measured.
    expect(tracePlan(at(0, 1), { warmup: 5, count: null, durationS: null, timeScale: 1 })).toMatchObject({
      warmup: 2,
      measured: 0,
      total: 2,
    });
  });

  it('with --duration: the queries whose offset from the first measured one is under it', () => {
    // Window opens at t 2; at 1x, t 10 is 8 s later (>= 5): 1 measured. At 4x, t 10 is 2 s, t 30 is 7 s: 2 measured.
    expect(tracePlan(T, { warmup: 2, count: null, durationS: 5, timeScale: 1 })).toMatchObject({
      measured: 1,
      total: 3,
      spanS: 2,
    });
    expect(tracePlan(T, { warmup: 2, count: 99, durationS: 5, timeScale: 4 })).toMatchObject({
      measured: 2,
      total: 4,
      spanS: 2.5,
    });
  });

  it.each([
    [{ warmup: 2, count: 10, durationS: null, timeScale: 2 }],
    [{ warmup: 0, count: 3, durationS: null, timeScale: 1 }],
    [{ warmup: 2, count: null, durationS: 5, timeScale: 1 }],
    [{ warmup: 2, count: null, durationS: 5, timeScale: 4 }],
    [{ warmup: 1, count: null, durationS: 100, timeScale: 1 }],
  ])('agrees with what the real open loop sends (%j)', async (o) => {
    const clock = new VirtualClock();
    const transport = fakeTransport(clock, () => 50);
    const got = collectRecords();
    const out = got.with(
      await clock.run(
        runOpenLoop({
          queries: T,
          schedule: traceSchedule(T, o.timeScale),
          warmup: o.warmup,
          // As the run hands them over: a count, or a duration (then no count).
          ...(o.durationS === null ? { count: o.count ?? T.length } : { durationS: o.durationS }),
          maxInFlight: 100,
          whenFull: 'drop',
          transport,
          endpoint: { host: '127.0.0.1', port: 1, hotkey: 'x' },
          timeoutS: 12,
          clock,
          signal: new AbortController().signal,
          onRecord: got.onRecord,
        }),
      ),
    );
    const p = tracePlan(T, o);
    expect(out.records).toHaveLength(p.total);
    expect(out.records.filter((r) => r.warmup)).toHaveLength(p.warmup);
    expect(transport.sent[transport.sent.length - 1]).toBe(p.spanS * 1000);
  });
});

describe('traceSpan and spanText', () => {
  it('reads the first and last t, divided by the time scale', () => {
    expect(traceSpan(T, 1)).toBe(31);
    expect(traceSpan(T, 10)).toBe(3.1);
    expect(traceSpan(at(5), 1)).toBe(0);
    expect(traceSpan([], 1)).toBe(0);
  });

  it('writes hours and minutes, minutes and seconds, or seconds', () => {
    expect(spanText(17_644.894)).toBe('4 h 54 m'); // 4 x 3600 = 14400; 3244.894 / 60 = 54.08
    expect(spanText(294.08)).toBe('4 m 54 s');
    expect(spanText(12.54)).toBe('12.5 s');
  });
});
