// The trace replay: the captured t offsets of the queries file, divided by --time-scale.
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { defineArrival } from '../arrival-kind.ts';
import { openInfo, OPEN_LOOP_OPTIONS } from '../open-loop-options.ts';
import { traceSchedule } from '../trace-arrival.ts';
import { tracePlan } from '../trace-plan.ts';
import { openRun } from './open-run.ts';

export const TIME_SCALE_OPTION = defineOption({
  key: 'timeScale',
  flag: 'time-scale',
  type: 'number',
  schema: z.number().finite('must be a finite number').positive('must be > 0 (2 replays twice as fast)'),
  default: 1,
  describe: 'trace: replay speed, 2 = twice as fast',
  owner: 'arrival trace',
});

export const traceArrival = defineArrival({
  kind: 'trace',
  open: true,
  monotonicQueries: true,
  summary: 'the captured t offsets of the queries file, divided by --time-scale',
  options: [TIME_SCALE_OPTION, ...OPEN_LOOP_OPTIONS],
  check: () => [],
  describe: (o) => `trace replay at ${o.timeScale}x`,
  info: (o) => ({ ...openInfo('trace', o), timeScale: o.timeScale }),
  // A trace sends each line of the file once at most: the warm-up is the first lines, the rest are measured.
  plan: (o, queries, run) => {
    const p = tracePlan(queries, { ...run, timeScale: o.timeScale });
    return { total: p.total, measured: p.measured, spanS: p.spanS, warnings: p.warning ? [p.warning] : [] };
  },
  run: (ctx, o) =>
    openRun(ctx, traceSchedule(ctx.queries, o.timeScale), o, { ...openInfo('trace', o), timeScale: o.timeScale }),
});
