// runClosedLoop: replays queries with N concurrent workers (p-queue), one RequestRecord per query, warm-up marked.
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import type { CapturedQuery } from './captured-query.ts';
import { failedSend } from './open-loop.ts';
import { recordOutcome } from './record-outcome.ts';
import type { ReplayOutput } from './replay-output.ts';
import type { RequestRecord } from './request-record.ts';
import type { MinerEndpoint, Transport } from '../transport/transport.ts';

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
  /** Fallback when a query carries no timeout. */
  timeoutS: number;
  now: () => number;
  signal: AbortSignal;
  onRecord?: (r: RequestRecord, response: Record<string, unknown> | null) => void;
}

export type { ReplayOutput } from './replay-output.ts';

export async function runClosedLoop(input: ClosedLoopInput): Promise<ReplayOutput> {
  const queue = new PQueue({ concurrency: input.concurrency });
  setMaxListeners(0, input.signal); // one abort listener per query in flight
  const records: RequestRecord[] = [];
  const responses: Array<Record<string, unknown> | null> = [];
  const freeSessions = Array.from({ length: input.concurrency }, (_, k) => `worker-${input.concurrency - 1 - k}`);
  const startedMs = input.now();
  let measureStartMs = startedMs;
  let measureStarted = input.warmup === 0;
  let stoppedEarly: string | undefined;
  const total = input.warmup + input.count;

  const task = (i: number) => async () => {
    const q = input.queries[i % input.queries.length]!;
    const session = freeSessions.pop() ?? `extra-${i}`;
    const intendedMs = input.now(); // closed loop: a query is due the moment a worker is free
    const warmup = i < input.warmup;
    if (i === input.warmup) {
      measureStartMs = intendedMs;
      measureStarted = true;
    }
    try {
      const o = await input.transport
        .send(q, input.endpoint, { signal: input.signal, timeoutS: q.timeout ?? input.timeoutS, now: input.now, session })
        .catch((e: unknown) => failedSend(input.now(), e));
      const rec = recordOutcome({ i, line: q.line, warmup, intendedMs }, o);
      records[i] = rec;
      responses[i] = o.response;
      input.onRecord?.(rec, o.response);
    } finally {
      freeSessions.push(session);
    }
  };

  for (let i = 0; ; i++) {
    if (input.signal.aborted) {
      stoppedEarly = String(input.signal.reason ?? 'aborted');
      break;
    }
    if (input.durationS === undefined) {
      if (i >= total) break;
    } else if (measureStarted && input.now() - measureStartMs >= input.durationS * 1000) break;
    while (queue.pending + queue.size >= input.concurrency) await waitOne(queue);
    void queue.add(task(i));
  }
  await queue.onIdle();
  const kept = records.filter((r): r is RequestRecord => r !== undefined);
  return {
    records: kept,
    responses: kept.map((r) => responses[r.i] ?? null),
    startedMs,
    measureStartMs,
    endedMs: input.now(),
    stoppedEarly,
    arrival: { kind: 'closed', open: false, concurrency: input.concurrency },
  };
}

/** Resolves when one running task finishes. */
function waitOne(queue: PQueue): Promise<void> {
  return new Promise((resolve) => queue.once('next', () => resolve()));
}
