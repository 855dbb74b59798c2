// Tests of the sweep: the rate plan (pure) and a whole sweep in virtual time against a queueing miner of 50 q/s.
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../harness/load/run-replay.ts';
import { arrivalKind, knownArrivals } from '../../harness/load/arrival-kinds.ts';
import { resolveRunOptions } from '../../harness/run/run-option-table.ts';
import { nextSweepRate, SWEEP_DEFAULTS, sweepKnee } from '../../harness/load/sweep-plan.ts';
import type { SweepStepResult } from '../../harness/model/replay-output.ts';
import { VirtualClock } from '../../harness/load/virtual-clock.ts';
import { collectRecords, fakeTransport, queriesOf, queueingLatency } from './fake-transport.ts';

const step = (ratePerS: number, pass: boolean): SweepStepResult => ({
  step: 0,
  ratePerS,
  sent: 1,
  ok: 1,
  successRate: 1,
  achievedQps: 1,
  p50Ms: 1,
  p99Ms: 1,
  sendLagP99Ms: 0,
  pass,
});
const S = { ...SWEEP_DEFAULTS, startRatePerS: 10, factor: 2, maxRatePerS: 1000, refineSteps: 2 };

describe('nextSweepRate', () => {
  it('rises by the factor, then bisects between the highest pass and the lowest fail', () => {
    expect(nextSweepRate(S, [])).toBe(10);
    expect(nextSweepRate(S, [step(10, true), step(20, true)])).toBe(40);
    expect(nextSweepRate(S, [step(10, true), step(20, true), step(40, false)])).toBe(30);
    expect(nextSweepRate(S, [step(10, true), step(20, true), step(40, false), step(30, true)])).toBe(35);
    expect(
      nextSweepRate(S, [step(10, true), step(20, true), step(40, false), step(30, true), step(35, false)]),
    ).toBeNull();
  });
  it('stops at the maximum rate and reports no feasible step when the first fails', () => {
    expect(nextSweepRate({ ...S, maxRatePerS: 30 }, [step(10, true), step(20, true)])).toBe(30);
    expect(nextSweepRate({ ...S, maxRatePerS: 30 }, [step(10, true), step(20, true), step(30, true)])).toBeNull();
    expect(nextSweepRate(S, [step(10, false)])).toBeNull();
    expect(sweepKnee([step(10, false)])).toBeNull();
    expect(sweepKnee([step(10, true), step(40, false), step(30, true)])).toBe(30);
  });
});

/** Every option resolved as a run resolves them (defaults and the given flags), so each kind reads its own. */
const options = (flags: Record<string, unknown>) => resolveRunOptions({ maxInFlight: 10_000, ...flags }, {}).options;

describe('sweep against a 50 q/s miner (virtual time)', () => {
  it('passes 10, 20 and 40 q/s, fails 80, bisects to the knee, and reports the curve', async () => {
    const clock = new VirtualClock();
    const transport = fakeTransport(clock, queueingLatency(20));
    const got = collectRecords();
    // --sweep-start 10 --sweep-factor 2 --sweep-max 1000, 2 s steps (refinement: the defaults' 3 bisection steps)
    const o = options({ arrival: 'sweep', sweepStart: 10, sweepFactor: 2, sweepMax: 1000, sweepStepS: 2 });
    const out = got.with(
      await clock.run(
        runReplay(arrivalKind('sweep'), o, {
          queries: queriesOf(5),
          warmup: 0,
          transport,
          endpoint: { host: 'h', port: 1, hotkey: 'k' },
          timeoutS: 0.2,
          timeoutWins: false,
          clock,
          signal: new AbortController().signal,
          onRecord: got.onRecord,
        }),
      ),
    );
    const curve = out.sweep!.steps.map((s) => [s.ratePerS, s.sent, s.pass, s.p99Ms]);
    expect(curve).toEqual([
      [10, 20, true, 20.015],
      [20, 40, true, 20.015],
      [40, 80, true, 20.015],
      [80, 160, false, 1205.247], // 160 arrivals, 100 served in 2 s: the last waits ~1.2 s
      [60, 120, false, 413.439],
      [50, 100, true, 20.015],
      [55, 110, false, 216.447], // the third bisection step: 5 q/s too many for 2 s queue 10, the last waits ~200 + 20 ms
    ]);
    expect(out.sweep!.kneeRatePerS).toBe(50);
    expect(out.records.every((r) => r.step !== undefined)).toBe(true);
    expect(out.records.map((r) => r.i)).toEqual(out.records.map((_, k) => k));
  });
});

describe('arrival registry', () => {
  it('lists the built-in kinds and names them all for an unknown one', () => {
    expect(knownArrivals()).toEqual(['closed', 'constant', 'poisson', 'sweep', 'trace']);
    expect(() => arrivalKind('burst')).toThrow('--arrival burst: unknown arrival model');
    try {
      arrivalKind('burst');
    } catch (e) {
      expect((e as { hint: string }).hint).toBe('use one of: closed, constant, poisson, sweep, trace');
    }
  });
  it('checks each model options and says which flag to fix', () => {
    expect(arrivalKind('constant').check(options({ arrival: 'constant' }) as never, [])).toEqual([
      '--arrival constant needs --rate: queries per second, e.g. --rate 50',
    ]);
    expect(() => options({ arrival: 'poisson', ratePerS: 0 })).toThrow(/invalid run options/);
    expect(
      arrivalKind('sweep').check(options({ arrival: 'sweep', sweepStart: 50, sweepMax: 20 }) as never, []),
    ).toEqual(['--sweep-max 20: must be >= --sweep-start 50']);
    expect(arrivalKind('trace').monotonicQueries).toBe(true);
  });
});

describe('closed loop through runReplay (virtual time)', () => {
  it('keeps N workers busy: each query is due when its worker frees up', async () => {
    const clock = new VirtualClock();
    const transport = fakeTransport(clock, () => 10);
    const got = collectRecords();
    const out = got.with(
      await clock.run(
        runReplay(arrivalKind('closed'), options({ concurrency: 2 }), {
          queries: queriesOf(3),
          count: 4,
          warmup: 0,
          transport,
          endpoint: { host: 'h', port: 1, hotkey: 'k' },
          timeoutS: 1,
          timeoutWins: false,
          clock,
          signal: new AbortController().signal,
          onRecord: got.onRecord,
        }),
      ),
    );
    expect(out.records.map((r) => [r.intendedMs, r.sentMs, r.endMs])).toEqual([
      [0, 0, 10],
      [0, 0, 10],
      [10, 10, 20],
      [10, 10, 20],
    ]);
    expect(out.arrival).toEqual({ kind: 'closed', open: false, concurrency: 2 });
    expect(out.eventLoop).toBeDefined();
  });
});
