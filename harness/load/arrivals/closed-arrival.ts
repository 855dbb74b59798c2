// The closed loop: N concurrent workers, each sending its next query when its answer is in (the default).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { countedPlan, defineArrival } from '../arrival-kind.ts';
import { runClosedLoop } from '../closed-loop.ts';

export const CONCURRENCY_OPTION = defineOption({
  key: 'concurrency',
  flag: 'concurrency',
  env: 'MINERBENCH_CONCURRENCY',
  type: 'number',
  schema: z.number().int('must be a whole number of workers').min(1, 'must be >= 1').max(4096, 'must be at most 4096'),
  default: 8,
  describe: 'closed loop: concurrent queries',
  owner: 'arrival closed',
});

export const closedArrival = defineArrival({
  kind: 'closed',
  open: false,
  monotonicQueries: false,
  summary: 'N concurrent workers (--concurrency); each sends its next query when its answer is in',
  options: [CONCURRENCY_OPTION],
  check: () => [],
  describe: (o) => `closed loop, ${o.concurrency} concurrent`,
  info: (o) => ({ kind: 'closed', open: false, concurrency: o.concurrency }),
  plan: (_o, queries, run) => countedPlan(run, queries),
  run: (ctx, o) =>
    runClosedLoop({
      queries: ctx.queries,
      count: ctx.count ?? ctx.queries.length,
      ...(ctx.durationS === undefined ? {} : { durationS: ctx.durationS }),
      warmup: ctx.warmup,
      concurrency: o.concurrency,
      transport: ctx.transport,
      endpoint: ctx.endpoint,
      timeoutS: ctx.timeoutS,
      timeoutWins: ctx.timeoutWins,
      now: ctx.clock.now,
      signal: ctx.signal,
      ...(ctx.interrupt ? { interrupt: ctx.interrupt } : {}),
      onRecord: ctx.onRecord,
    }),
});
