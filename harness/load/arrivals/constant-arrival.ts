// The constant open loop: --rate queries per second, evenly spaced, from absolute time.
import { constantSchedule } from '../constant-arrival.ts';
import { countedPlan, defineArrival } from '../arrival-kind.ts';
import { needRate, openInfo, OPEN_LOOP_OPTIONS, RATE_OPTION } from '../open-loop-options.ts';
import { openRun } from './open-run.ts';

export const constantArrival = defineArrival({
  kind: 'constant',
  open: true,
  monotonicQueries: false,
  summary: 'open loop at --rate queries/s, evenly spaced',
  options: [RATE_OPTION, ...OPEN_LOOP_OPTIONS],
  check: (o) => needRate('constant', o.ratePerS),
  describe: (o) =>
    `constant open loop at ${o.ratePerS} q/s (at most ${o.maxInFlight} in flight, ${o.whenFull} when full)`,
  info: (o) => ({ ...openInfo('constant', o), ratePerS: o.ratePerS! }),
  firstSecond: (o) => Math.ceil(o.ratePerS ?? 0),
  plan: (o, queries, run) => countedPlan(run, queries, o.ratePerS),
  run: (ctx, o) =>
    openRun(ctx, constantSchedule(o.ratePerS!), o, { ...openInfo('constant', o), ratePerS: o.ratePerS! }),
});
