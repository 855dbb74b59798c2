// arrivalOptions: the arrival model's settings from resolved run options, checked by the model itself (every problem).
import { MinerbenchError } from '../errors.ts';
import { arrivalDriver } from './arrival-registry.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ArrivalOptions } from './replay-context.ts';
import { SWEEP_DEFAULTS } from './sweep-plan.ts';

export interface ArrivalFlags {
  arrival: string;
  concurrency: number;
  ratePerS: number | null;
  timeScale: number;
  seed: number;
  maxInFlight: number;
  whenFull: 'drop' | 'queue';
  sweepStart: number;
  sweepFactor: number;
  sweepMax: number;
  sweepStepS: number;
}

export function arrivalOptions(f: ArrivalFlags, queries: readonly CapturedQuery[]): ArrivalOptions {
  const driver = arrivalDriver(f.arrival);
  const o: ArrivalOptions = {
    kind: f.arrival,
    concurrency: f.concurrency,
    ratePerS: f.ratePerS,
    timeScale: f.timeScale,
    seed: f.seed,
    maxInFlight: f.maxInFlight,
    whenFull: f.whenFull,
    sweep: {
      ...SWEEP_DEFAULTS,
      startRatePerS: f.sweepStart,
      factor: f.sweepFactor,
      maxRatePerS: f.sweepMax,
      stepS: f.sweepStepS,
    },
  };
  const problems = driver.check(o, queries);
  if (problems.length)
    throw new MinerbenchError('USAGE', `invalid options for --arrival ${f.arrival} (${problems.length} problem(s))`, {
      details: problems,
      hint: driver.describe,
    });
  return o;
}

/** One line for progress output: how the queries will be driven. */
export function describeArrival(o: ArrivalOptions): string {
  if (o.kind === 'closed') return `closed loop, ${o.concurrency} concurrent`;
  if (o.kind === 'trace') return `trace replay at ${o.timeScale}x`;
  if (o.kind === 'sweep')
    return `sweep from ${o.sweep.startRatePerS} q/s x${o.sweep.factor} to ${o.sweep.maxRatePerS} q/s, ${o.sweep.stepS} s steps`;
  return `${o.kind} open loop at ${o.ratePerS} q/s (at most ${o.maxInFlight} in flight, ${o.whenFull} when full)`;
}
