// builtinArrivals: the arrival models minerbench ships (closed, constant, poisson, trace, sweep).
import type { ArrivalDriver } from './arrival-driver.ts';
import type { ArrivalSchedule } from './arrival-schedule.ts';
import { runClosedLoop } from './closed-loop.ts';
import { constantSchedule } from './constant-arrival.ts';
import { runOpenLoop } from './open-loop.ts';
import { poissonSchedule } from './poisson-arrival.ts';
import type { ArrivalOptions, ReplayContext } from './replay-context.ts';
import type { ArrivalInfo, ReplayOutput } from '../model/replay-output.ts';
import { runSweep } from './run-sweep.ts';
import { traceSchedule } from './trace-arrival.ts';

function needRate(o: ArrivalOptions): string[] {
  if (o.ratePerS === null) return [`--arrival ${o.kind} needs --rate: queries per second, e.g. --rate 50`];
  if (!(o.ratePerS > 0) || !Number.isFinite(o.ratePerS))
    return [`--rate ${o.ratePerS}: must be a number > 0 (queries per second)`];
  return [];
}

async function openRun(ctx: ReplayContext, schedule: ArrivalSchedule, info: ArrivalInfo): Promise<ReplayOutput> {
  const out = await runOpenLoop({
    queries: ctx.queries,
    schedule,
    warmup: ctx.warmup,
    ...(ctx.count === undefined ? {} : { count: ctx.count }),
    ...(ctx.durationS === undefined ? {} : { durationS: ctx.durationS }),
    maxInFlight: ctx.arrival.maxInFlight,
    whenFull: ctx.arrival.whenFull,
    transport: ctx.transport,
    endpoint: ctx.endpoint,
    timeoutS: ctx.timeoutS,
    clock: ctx.clock,
    signal: ctx.signal,
    ...(ctx.onRecord ? { onRecord: ctx.onRecord } : {}),
  });
  return { ...out, arrival: info };
}

const openInfo = (o: ArrivalOptions, extra: Partial<ArrivalInfo>): ArrivalInfo => ({
  kind: o.kind,
  open: true,
  maxInFlight: o.maxInFlight,
  whenFull: o.whenFull,
  ...extra,
});

export const builtinArrivals: ArrivalDriver[] = [
  {
    kind: 'closed',
    open: false,
    monotonicQueries: false,
    describe: 'N concurrent workers (--concurrency); each sends its next query when its answer is in',
    check: () => [],
    run: (ctx) =>
      runClosedLoop({
        queries: ctx.queries,
        count: ctx.count ?? ctx.queries.length,
        ...(ctx.durationS === undefined ? {} : { durationS: ctx.durationS }),
        warmup: ctx.warmup,
        concurrency: ctx.arrival.concurrency,
        transport: ctx.transport,
        endpoint: ctx.endpoint,
        timeoutS: ctx.timeoutS,
        now: ctx.clock.now,
        signal: ctx.signal,
        ...(ctx.onRecord ? { onRecord: ctx.onRecord } : {}),
      }),
  },
  {
    kind: 'constant',
    open: true,
    monotonicQueries: false,
    describe: 'open loop at --rate queries/s, evenly spaced',
    check: needRate,
    run: (ctx) =>
      openRun(ctx, constantSchedule(ctx.arrival.ratePerS!), openInfo(ctx.arrival, { ratePerS: ctx.arrival.ratePerS! })),
  },
  {
    kind: 'poisson',
    open: true,
    monotonicQueries: false,
    describe: 'open loop at a mean --rate queries/s with exponential gaps (--seed)',
    check: needRate,
    run: (ctx) =>
      openRun(
        ctx,
        poissonSchedule(ctx.arrival.ratePerS!, ctx.arrival.seed),
        openInfo(ctx.arrival, { ratePerS: ctx.arrival.ratePerS!, seed: ctx.arrival.seed }),
      ),
  },
  {
    kind: 'trace',
    open: true,
    monotonicQueries: true,
    describe: 'the captured t offsets of the queries file, divided by --time-scale',
    check: (o) =>
      o.timeScale > 0 && Number.isFinite(o.timeScale)
        ? []
        : [`--time-scale ${o.timeScale}: must be a number > 0 (2 replays twice as fast)`],
    run: (ctx) =>
      openRun(
        ctx,
        traceSchedule(ctx.queries, ctx.arrival.timeScale),
        openInfo(ctx.arrival, { timeScale: ctx.arrival.timeScale }),
      ),
  },
  {
    kind: 'sweep',
    open: true,
    monotonicQueries: false,
    describe: 'open-loop steps at rising rates; finds the highest rate with p99 under the timeout and >= 99% success',
    check: (o) => {
      const s = o.sweep;
      const p: string[] = [];
      if (!(s.startRatePerS > 0)) p.push(`--sweep-start ${s.startRatePerS}: must be > 0`);
      if (!(s.factor > 1)) p.push(`--sweep-factor ${s.factor}: must be > 1`);
      if (!(s.maxRatePerS >= s.startRatePerS))
        p.push(`--sweep-max ${s.maxRatePerS}: must be >= --sweep-start ${s.startRatePerS}`);
      if (!(s.stepS > 0)) p.push(`--sweep-step ${s.stepS}: must be > 0 seconds`);
      return p;
    },
    run: async (ctx) => ({ ...(await runSweep(ctx)), arrival: openInfo(ctx.arrival, {}) }),
  },
];
