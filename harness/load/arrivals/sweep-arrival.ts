// The sweep: open-loop steps at rising rates; finds the highest rate with p99 under the timeout and >= 99% success.
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { defineArrival } from '../arrival-kind.ts';
import { openInfo, OPEN_LOOP_OPTIONS } from '../open-loop-options.ts';
import { runSweep } from '../run-sweep.ts';
import { SWEEP_DEFAULTS } from '../sweep-plan.ts';

const rate = (what: string) =>
  z.number().finite(`must be a finite number (${what})`).positive(`must be > 0 (${what})`).max(1_000_000);

export const SWEEP_OPTIONS = [
  defineOption({
    key: 'sweepStart',
    flag: 'sweep-start',
    type: 'number',
    schema: rate('first rate, q/s'),
    default: SWEEP_DEFAULTS.startRatePerS,
    describe: 'sweep: first rate, q/s',
    owner: 'arrival sweep',
  }),
  defineOption({
    key: 'sweepFactor',
    flag: 'sweep-factor',
    type: 'number',
    schema: z.number().finite().gt(1, 'must be > 1 (the rate multiplier per rising step)').max(100),
    default: SWEEP_DEFAULTS.factor,
    describe: 'sweep: rate multiplier per rising step',
    owner: 'arrival sweep',
  }),
  defineOption({
    key: 'sweepMax',
    flag: 'sweep-max',
    type: 'number',
    schema: rate('highest rate tried, q/s'),
    default: SWEEP_DEFAULTS.maxRatePerS,
    describe: 'sweep: highest rate tried, q/s',
    owner: 'arrival sweep',
  }),
  defineOption({
    key: 'sweepStepS',
    flag: 'sweep-step',
    type: 'number',
    schema: z.number().finite().positive('must be > 0 seconds per step').max(86_400),
    default: SWEEP_DEFAULTS.stepS,
    describe: 'sweep: seconds per step',
    owner: 'arrival sweep',
  }),
] as const;

export const sweepArrival = defineArrival({
  kind: 'sweep',
  open: true,
  monotonicQueries: false,
  summary: 'open-loop steps at rising rates; finds the highest rate with p99 under the timeout and >= 99% success',
  options: [...SWEEP_OPTIONS, ...OPEN_LOOP_OPTIONS],
  check: (o) =>
    o.sweepMax >= o.sweepStart ? [] : [`--sweep-max ${o.sweepMax}: must be >= --sweep-start ${o.sweepStart}`],
  describe: (o) => `sweep from ${o.sweepStart} q/s x${o.sweepFactor} to ${o.sweepMax} q/s, ${o.sweepStepS} s steps`,
  info: (o) => openInfo('sweep', o),
  plan: () => ({ total: null, measured: null, spanS: null, warnings: [] }),
  run: async (ctx, o) => ({
    ...(await runSweep(
      ctx,
      {
        ...SWEEP_DEFAULTS,
        startRatePerS: o.sweepStart,
        factor: o.sweepFactor,
        maxRatePerS: o.sweepMax,
        stepS: o.sweepStepS,
      },
      o,
    )),
    arrival: openInfo('sweep', o),
  }),
});
