// The Poisson open loop: exponential gaps at a mean --rate (seeded), as MLPerf's Server scenario.
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { countedPlan, defineArrival } from '../arrival-kind.ts';
import { needRate, openInfo, OPEN_LOOP_OPTIONS, RATE_OPTION } from '../open-loop-options.ts';
import { poissonSchedule } from '../poisson-arrival.ts';
import { openRun } from './open-run.ts';

export const SEED_OPTION = defineOption({
  key: 'seed',
  flag: 'seed',
  type: 'number',
  schema: z.number().int('must be a whole number'),
  default: 1,
  describe: 'poisson: schedule seed',
  owner: 'arrival poisson',
});

export const poissonArrival = defineArrival({
  kind: 'poisson',
  open: true,
  monotonicQueries: false,
  summary: 'open loop at a mean --rate queries/s with exponential gaps (--seed)',
  options: [RATE_OPTION, SEED_OPTION, ...OPEN_LOOP_OPTIONS],
  check: (o) => needRate('poisson', o.ratePerS),
  describe: (o) =>
    `poisson open loop at ${o.ratePerS} q/s, seed ${o.seed} (at most ${o.maxInFlight} in flight, ${o.whenFull} when full)`,
  info: (o) => ({ ...openInfo('poisson', o), ratePerS: o.ratePerS!, seed: o.seed }),
  firstSecond: (o) => Math.ceil(o.ratePerS ?? 0),
  plan: (o, queries, run) => countedPlan(run, queries, o.ratePerS),
  run: (ctx, o) =>
    openRun(ctx, poissonSchedule(o.ratePerS!, o.seed), o, {
      ...openInfo('poisson', o),
      ratePerS: o.ratePerS!,
      seed: o.seed,
    }),
});
