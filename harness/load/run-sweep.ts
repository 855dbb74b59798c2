// runSweep: open-loop steps at rising rates until the miner stops keeping p99 under the timeout at >= 99% success.
import type { ReplayOutput, SweepStepResult } from '../model/replay-output.ts';
import type { RequestRecord } from '../model/request-record.ts';
import { constantSchedule } from './constant-arrival.ts';
import { runOpenLoop } from './open-loop.ts';
import type { ReplayContext } from './replay-context.ts';
import { nextSweepRate, sweepKnee, type SweepSettings } from './sweep-plan.ts';
import { sweepStepResult } from './sweep-step-result.ts';

/** Only one step's records are held at a time (for its pass/fail); every record streams out through ctx.onRecord. */
export async function runSweep(
  ctx: ReplayContext,
  s: SweepSettings,
  open: { maxInFlight: number; whenFull: 'drop' | 'queue' },
): Promise<Omit<ReplayOutput, 'arrival'>> {
  const timeoutMs = ctx.timeoutS * 1000;
  const steps: SweepStepResult[] = [];
  const startedMs = ctx.clock.now();
  let measureStartMs = startedMs;
  let stoppedEarly: string | undefined;
  let next = 0;
  let stepRecords: RequestRecord[] = [];
  const common = {
    queries: ctx.queries,
    maxInFlight: open.maxInFlight,
    whenFull: open.whenFull,
    transport: ctx.transport,
    endpoint: ctx.endpoint,
    timeoutS: ctx.timeoutS,
    timeoutWins: ctx.timeoutWins,
    clock: ctx.clock,
    signal: ctx.signal,
    ...(ctx.interrupt ? { interrupt: ctx.interrupt } : {}),
    onRecord: (r: RequestRecord, resp: Record<string, unknown> | null) => {
      stepRecords.push(r);
      ctx.onRecord(r, resp);
    },
  };
  if (ctx.warmup > 0) {
    const w = await runOpenLoop({
      ...common,
      schedule: constantSchedule(s.startRatePerS),
      warmup: ctx.warmup,
      count: 0,
    });
    next += w.scheduled;
    stoppedEarly = w.stoppedEarly;
  }
  for (let rate = nextSweepRate(s, steps); rate !== null && !stoppedEarly; rate = nextSweepRate(s, steps)) {
    const step = steps.length;
    stepRecords = [];
    const out = await runOpenLoop({
      ...common,
      schedule: constantSchedule(rate, s.stepS * 1000),
      warmup: 0,
      firstIndex: next,
      step,
    });
    next += out.scheduled;
    if (step === 0) measureStartMs = out.measureStartMs;
    stoppedEarly = out.stoppedEarly;
    if (!stoppedEarly) steps.push(sweepStepResult(step, rate, s.stepS, stepRecords, timeoutMs, s.minSuccess));
  }
  stepRecords = [];
  return {
    startedMs,
    measureStartMs,
    endedMs: ctx.clock.now(),
    stoppedEarly,
    sweep: { steps, kneeRatePerS: sweepKnee(steps), timeoutMs, minSuccess: s.minSuccess },
  };
}
