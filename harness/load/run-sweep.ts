// runSweep: open-loop steps at rising rates until the miner stops keeping p99 under the timeout at >= 99% success.
import { constantSchedule } from './constant-arrival.ts';
import { runOpenLoop } from './open-loop.ts';
import type { ReplayContext } from './replay-context.ts';
import type { ReplayOutput, SweepStepResult } from '../model/replay-output.ts';
import type { RequestRecord } from '../model/request-record.ts';
import { nextSweepRate, sweepKnee } from './sweep-plan.ts';
import { sweepStepResult } from './sweep-step-result.ts';

export async function runSweep(ctx: ReplayContext): Promise<ReplayOutput> {
  const s = ctx.arrival.sweep;
  const timeoutMs = ctx.timeoutS * 1000;
  const records: RequestRecord[] = [];
  const responses: Array<Record<string, unknown> | null> = [];
  const steps: SweepStepResult[] = [];
  const startedMs = ctx.clock.now();
  let measureStartMs = startedMs;
  let stoppedEarly: string | undefined;
  const common = {
    queries: ctx.queries,
    maxInFlight: ctx.arrival.maxInFlight,
    whenFull: ctx.arrival.whenFull,
    transport: ctx.transport,
    endpoint: ctx.endpoint,
    timeoutS: ctx.timeoutS,
    clock: ctx.clock,
    signal: ctx.signal,
    ...(ctx.onRecord ? { onRecord: ctx.onRecord } : {}),
  };
  if (ctx.warmup > 0) {
    const w = await runOpenLoop({
      ...common,
      schedule: constantSchedule(s.startRatePerS),
      warmup: ctx.warmup,
      count: 0,
    });
    for (const x of w.records) records.push(x);
    for (const x of w.responses) responses.push(x);
    stoppedEarly = w.stoppedEarly;
  }
  for (let rate = nextSweepRate(s, steps); rate !== null && !stoppedEarly; rate = nextSweepRate(s, steps)) {
    const step = steps.length;
    const out = await runOpenLoop({
      ...common,
      schedule: constantSchedule(rate, s.stepS * 1000),
      warmup: 0,
      firstIndex: records.length,
      step,
    });
    if (step === 0) measureStartMs = out.measureStartMs;
    for (const x of out.records) records.push(x);
    for (const x of out.responses) responses.push(x);
    stoppedEarly = out.stoppedEarly;
    if (!stoppedEarly) steps.push(sweepStepResult(step, rate, s.stepS, out.records, timeoutMs, s.minSuccess));
  }
  return {
    records,
    responses,
    startedMs,
    measureStartMs,
    endedMs: ctx.clock.now(),
    stoppedEarly,
    sweep: { steps, kneeRatePerS: sweepKnee(steps), timeoutMs, minSuccess: s.minSuccess },
  };
}
