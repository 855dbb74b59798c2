// openRun: one open-loop replay of a schedule with the context's queries, limits and record sink.
import type { ArrivalInfo, ReplayOutput } from '../../model/replay-output.ts';
import type { ArrivalSchedule } from '../arrival-schedule.ts';
import { runOpenLoop } from '../open-loop.ts';
import type { ReplayContext } from '../replay-context.ts';

export async function openRun(
  ctx: ReplayContext,
  schedule: ArrivalSchedule,
  o: { maxInFlight: number; whenFull: 'drop' | 'queue' },
  info: ArrivalInfo,
): Promise<ReplayOutput> {
  const out = await runOpenLoop({
    queries: ctx.queries,
    schedule,
    warmup: ctx.warmup,
    ...(ctx.count === undefined ? {} : { count: ctx.count }),
    ...(ctx.durationS === undefined ? {} : { durationS: ctx.durationS }),
    maxInFlight: o.maxInFlight,
    whenFull: o.whenFull,
    transport: ctx.transport,
    endpoint: ctx.endpoint,
    timeoutS: ctx.timeoutS,
    timeoutWins: ctx.timeoutWins,
    clock: ctx.clock,
    signal: ctx.signal,
    ...(ctx.interrupt ? { interrupt: ctx.interrupt } : {}),
    onRecord: ctx.onRecord,
  });
  return {
    startedMs: out.startedMs,
    measureStartMs: out.measureStartMs,
    endedMs: out.endedMs,
    stoppedEarly: out.stoppedEarly,
    arrival: info,
  };
}
