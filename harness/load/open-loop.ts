// runOpenLoop: sends queries at the times an ArrivalSchedule gives, from absolute time, whatever the miner does.
import { setMaxListeners } from 'node:events';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ArrivalSchedule } from './arrival-schedule.ts';
import type { LoadClock } from './load-clock.ts';
import { PrepareAhead } from './prepare-ahead.ts';
import { droppedRecord, failedSend, recordOutcome } from './record-outcome.ts';
import { queryTimeoutS, type RecordSink } from './replay-context.ts';
import type { MinerEndpoint, Transport } from '../transport/transport.ts';

export interface OpenLoopInput {
  queries: readonly CapturedQuery[];
  schedule: ArrivalSchedule;
  /** The first `warmup` scheduled queries are sent but marked warm-up. */
  warmup: number;
  /** Measured queries to send (after the warm-up); the file is cycled unless the schedule ends first. */
  count?: number;
  /** Or: schedule measured queries for this long after the first measured one. */
  durationS?: number;
  /** Most queries in flight at once. */
  maxInFlight: number;
  /** When every slot is busy at a query's intended start: drop it (k6) or send it late when a slot frees. */
  whenFull: 'drop' | 'queue';
  transport: Transport;
  endpoint: MinerEndpoint;
  /** Fallback when a query carries no timeout, seconds (or always, with timeoutWins). */
  timeoutS: number;
  /** --timeout was given: it wins over a query's own timeout. */
  timeoutWins?: boolean;
  clock: LoadClock;
  /** Schedule offsets are added to this run-clock time (default: now at start). */
  originMs?: number;
  /** Index of the first query (sweeps continue numbering across steps). */
  firstIndex?: number;
  step?: number;
  signal: AbortSignal;
  /** Aborted only by the user: queries failing then are recorded as interrupted. */
  interrupt?: AbortSignal;
  /** Each record as its query completes (nothing is kept here: memory does not grow with the run). */
  onRecord: RecordSink;
}

export interface OpenLoopOutput {
  /** Queries scheduled (sent or dropped), warm-up included. */
  scheduled: number;
  startedMs: number;
  measureStartMs: number;
  endedMs: number;
  stoppedEarly: string | undefined;
}

export async function runOpenLoop(input: OpenLoopInput): Promise<OpenLoopOutput> {
  const { clock, schedule, queries } = input;
  setMaxListeners(0, input.signal); // one abort listener per query in flight
  const startedMs = clock.now();
  const origin = input.originMs ?? startedMs;
  const running = new Set<Promise<void>>();
  const freeSessions: string[] = [];
  let sessions = 0;
  let slotWaiters: Array<() => void> = [];
  let measureStartMs = origin;
  let endTarget = Infinity;
  let stoppedEarly: string | undefined;
  const first = input.firstIndex ?? 0;
  const limit = input.count === undefined ? Infinity : input.warmup + input.count;

  const push = input.onRecord;
  const interrupted = () => input.interrupt?.aborted === true;
  let scheduled = 0;
  const wakeAll = () => {
    const w = slotWaiters;
    slotWaiters = [];
    for (const f of w) f();
  };
  input.signal.addEventListener('abort', wakeAll, { once: true });
  // A transport that builds requests ahead (signing) gets each query a little before it is due.
  const ahead = input.transport.prepare ? new PrepareAhead({ ...input, originMs: origin, limit }) : null;

  for (let k = 0; k < limit; k++) {
    const q = queries[k % queries.length]!;
    const offset = schedule.targetStartMs(k, q);
    if (offset === null) break;
    if (k === input.warmup) {
      measureStartMs = origin + offset;
      if (input.durationS !== undefined) endTarget = offset + input.durationS * 1000;
    }
    if (offset >= endTarget) break;
    const intendedMs = origin + offset;
    ahead?.through(k, intendedMs);
    await clock.sleepUntil(intendedMs, input.signal);
    if (input.signal.aborted) {
      stoppedEarly = String(input.signal.reason ?? 'aborted');
      break;
    }
    scheduled++;
    const ctx = {
      i: first + k,
      line: q.line,
      warmup: k < input.warmup,
      intendedMs,
      ...(input.step === undefined ? {} : { step: input.step }),
    };
    if (running.size >= input.maxInFlight) {
      if (input.whenFull === 'drop') {
        push(droppedRecord(ctx, clock.now(), input.maxInFlight), null);
        ahead?.take(k)?.cancel();
        continue;
      }
      while (running.size >= input.maxInFlight && !input.signal.aborted)
        await new Promise<void>((r) => slotWaiters.push(r));
      if (input.signal.aborted) {
        stoppedEarly = String(input.signal.reason ?? 'aborted');
        break;
      }
    }
    const session = freeSessions.pop() ?? `open-${sessions++}`;
    const p = input.transport
      .send(q, input.endpoint, {
        signal: input.signal,
        timeoutS: queryTimeoutS(input, q),
        now: clock.now,
        session,
        prepared: ahead?.take(k),
      })
      .then(
        (o) => push(recordOutcome(ctx, o, interrupted()), o.response),
        (e: unknown) => push(recordOutcome(ctx, failedSend(clock.now(), e), interrupted()), null),
      )
      .finally(() => {
        freeSessions.push(session);
        running.delete(p);
        wakeAll();
      });
    running.add(p);
  }
  ahead?.cancelRest();
  await Promise.all(running);
  input.signal.removeEventListener('abort', wakeAll);
  return {
    scheduled,
    startedMs,
    measureStartMs,
    endedMs: clock.now(),
    stoppedEarly,
  };
}
