// Tests of the sweep: the rate plan (pure) and a whole sweep in virtual time against a queueing miner of 50 q/s.
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../harness/load/run-replay.ts';
import { arrivalDriver, knownArrivals } from '../../harness/load/arrival-registry.ts';
import { nextSweepRate, SWEEP_DEFAULTS, sweepKnee } from '../../harness/load/sweep-plan.ts';
import type { SweepStepResult } from '../../harness/model/replay-output.ts';
import type { ArrivalOptions } from '../../harness/load/replay-context.ts';
import { VirtualClock } from '../../harness/load/virtual-clock.ts';
import { fakeTransport, queriesOf, queueingLatency } from './fake-transport.ts';

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

const options = (o: Partial<ArrivalOptions>): ArrivalOptions => ({
  kind: 'sweep',
  concurrency: 1,
  ratePerS: null,
  timeScale: 1,
  seed: 1,
  maxInFlight: 10_000,
  whenFull: 'drop',
  sweep: S,
  ...o,
});

describe('sweep against a 50 q/s miner (virtual time)', () => {
  it('passes 10, 20 and 40 q/s, fails 80, bisects to the knee, and reports the curve', async () => {
    const clock = new VirtualClock();
    const transport = fakeTransport(clock, queueingLatency(20));
    const out = await clock.run(
      runReplay({
        queries: queriesOf(5),
        arrival: options({ sweep: { ...S, stepS: 2 } }),
        warmup: 0,
        transport,
        endpoint: { host: 'h', port: 1, hotkey: 'k' },
        timeoutS: 0.2,
        clock,
        signal: new AbortController().signal,
      }),
    );
    const curve = out.sweep!.steps.map((s) => [s.ratePerS, s.sent, s.pass, s.p99Ms]);
    expect(curve).toEqual([
      [10, 20, true, 20.015],
      [20, 40, true, 20.015],
      [40, 80, true, 20.015],
      [80, 160, false, 1205.247], // 160 arrivals, 100 served in 2 s: the last waits ~1.2 s
      [60, 120, false, 413.439],
      [50, 100, true, 20.015],
    ]);
    expect(out.sweep!.kneeRatePerS).toBe(50);
    expect(out.records.every((r) => r.step !== undefined)).toBe(true);
    expect(out.records.map((r) => r.i)).toEqual(out.records.map((_, k) => k));
  });
});

describe('arrival registry', () => {
  it('lists the built-in kinds and names them all for an unknown one', () => {
    expect(knownArrivals()).toEqual(['closed', 'constant', 'poisson', 'sweep', 'trace']);
    expect(() => arrivalDriver('burst')).toThrow('--arrival burst: unknown arrival model');
    try {
      arrivalDriver('burst');
    } catch (e) {
      expect((e as { hint: string }).hint).toBe('use one of: closed, constant, poisson, sweep, trace');
    }
  });
  it('checks each model options and says which flag to fix', () => {
    expect(arrivalDriver('constant').check(options({ kind: 'constant', ratePerS: null }), [])).toEqual([
      '--arrival constant needs --rate: queries per second, e.g. --rate 50',
    ]);
    expect(arrivalDriver('poisson').check(options({ kind: 'poisson', ratePerS: 0 }), [])).toEqual([
      '--rate 0: must be a number > 0 (queries per second)',
    ]);
    expect(arrivalDriver('trace').check(options({ kind: 'trace', timeScale: -1 }), [])).toEqual([
      '--time-scale -1: must be a number > 0 (2 replays twice as fast)',
    ]);
    expect(arrivalDriver('trace').monotonicQueries).toBe(true);
  });
});

describe('closed loop through runReplay (virtual time)', () => {
  it('keeps N workers busy: each query is due when its worker frees up', async () => {
    const clock = new VirtualClock();
    const transport = fakeTransport(clock, () => 10);
    const out = await clock.run(
      runReplay({
        queries: queriesOf(3),
        arrival: options({ kind: 'closed', concurrency: 2 }),
        count: 4,
        warmup: 0,
        transport,
        endpoint: { host: 'h', port: 1, hotkey: 'k' },
        timeoutS: 1,
        clock,
        signal: new AbortController().signal,
      }),
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
