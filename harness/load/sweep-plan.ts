// nextSweepRate: which rate a sweep tries next (rising steps, then bisection between the last pass and first fail). Pure.
import type { SweepStepResult } from '../model/replay-output.ts';
import { maxOf, minOf } from '../model/min-max.ts';

export interface SweepSettings {
  startRatePerS: number;
  /** Each rising step multiplies the rate by this. */
  factor: number;
  maxRatePerS: number;
  /** Seconds per step. */
  stepS: number;
  /** Most steps in all (rising and bisection). */
  maxSteps: number;
  /** Bisection steps between the highest passing and lowest failing rate. */
  refineSteps: number;
  /** A step passes when success >= minSuccess and p99 (from the intended start) <= the validator's timeout. */
  minSuccess: number;
}

export const SWEEP_DEFAULTS: SweepSettings = {
  startRatePerS: 1,
  factor: 2,
  maxRatePerS: 10_000,
  stepS: 10,
  maxSteps: 16,
  refineSteps: 3,
  minSuccess: 0.99,
};

const round2 = (x: number) => Math.round(x * 100) / 100;

export function nextSweepRate(s: SweepSettings, done: readonly SweepStepResult[]): number | null {
  if (!done.length) return s.startRatePerS;
  if (done.length >= s.maxSteps) return null;
  const passed = done.filter((d) => d.pass).map((d) => d.ratePerS);
  const failed = done.filter((d) => !d.pass).map((d) => d.ratePerS);
  if (!failed.length) {
    const last = maxOf(passed);
    if (last >= s.maxRatePerS) return null;
    return Math.min(s.maxRatePerS, round2(last * s.factor));
  }
  if (!passed.length) return null; // not even the first step passed: no feasible step
  const loFail = minOf(failed);
  const hiPass = maxOf(passed.filter((r) => r < loFail));
  if (!Number.isFinite(hiPass)) return null;
  const firstFail = done.findIndex((d) => !d.pass);
  if (done.length - 1 - firstFail >= s.refineSteps) return null;
  const mid = round2((hiPass + loFail) / 2);
  if (mid <= hiPass || mid >= loFail || (loFail - hiPass) / loFail < 0.02) return null;
  return mid;
}

/** The knee: the highest rate that passed (null: none passed). */
export function sweepKnee(done: readonly SweepStepResult[]): number | null {
  const passed = done.filter((d) => d.pass).map((d) => d.ratePerS);
  return passed.length ? maxOf(passed) : null;
}
