// runClosedLoop: replays queries with N concurrent workers, one RequestRecord per query, warm-up marked.
import { setMaxListeners } from 'node:events';
import type { CapturedQuery } from '../model/captured-query.ts';
import { failedSend, recordOutcome } from './record-outcome.ts';
import { queryTimeoutS, type RecordSink } from './replay-context.ts';
import type { ReplayOutput } from '../model/replay-output.ts';
import type { MinerEndpoint, SendOutcome, Transport } from '../transport/transport.ts';

export interface ClosedLoopInput {
  queries: readonly CapturedQuery[];
  /** Measured queries to send (the file is cycled if it is shorter); ignored when durationS is set. */
  count: number;
  /** Or: send until this many seconds have passed (after the warm-up). */
  durationS?: number;
  warmup: number;
  concurrency: number;
  transport: Transport;
  endpoint: MinerEndpoint;
  /** Fallback when a query carries no timeout (or always, with timeoutWins). */
  timeoutS: number;
  timeoutWins?: boolean;
  now: () => number;
  signal: AbortSignal;
  /** Aborted only by the user: queries failing then are recorded as interrupted. */
  interrupt?: AbortSignal;
  /** Each record as its query completes (nothing is kept here: memory does not grow with the run). */
  onRecord: RecordSink;
}

export async function runClosedLoop(input: ClosedLoopInput): Promise<ReplayOutput> {
  setMaxListeners(0, input.signal); // one abort listener per query in flight
  const startedMs = input.now();
  let measureStartMs = startedMs;
  let measureStarted = input.warmup === 0;
  let stoppedEarly: string | undefined;
  const total = input.warmup + input.count;
  let next = 0;

  /** The next query index to send, or -1 when the run is over (count reached, time up, or aborted). */
  const claim = (): number => {
    if (input.signal.aborted) {
      stoppedEarly ??= String(input.signal.reason ?? 'aborted');
      return -1;
    }
    if (
      input.durationS === undefined
        ? next >= total
        : measureStarted && input.now() - measureStartMs >= input.durationS * 1000
    )
      return -1;
    return next++;
  };

  // N workers, each with its own dendrite session: a query is due the moment its worker is free.
  const worker = async (session: string) => {
    for (let i = claim(); i >= 0; i = claim()) {
      const q = input.queries[i % input.queries.length]!;
      const intendedMs = input.now();
      const warmup = i < input.warmup;
      if (i === input.warmup) {
        measureStartMs = intendedMs;
        measureStarted = true;
      }
      let o: SendOutcome;
      try {
        o = await input.transport.send(q, input.endpoint, {
          signal: input.signal,
          timeoutS: queryTimeoutS(input, q),
          now: input.now,
          session,
        });
      } catch (e) {
        o = failedSend(input.now(), e);
      }
      input.onRecord(
        recordOutcome({ i, line: q.line, warmup, intendedMs }, o, input.interrupt?.aborted === true),
        o.response,
      );
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, (_, k) => worker(`worker-${k}`)));
  return {
    startedMs,
    measureStartMs,
    endedMs: input.now(),
    stoppedEarly,
    arrival: { kind: 'closed', open: false, concurrency: input.concurrency },
  };
}
