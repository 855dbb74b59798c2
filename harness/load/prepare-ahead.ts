// PrepareAhead: has a transport that builds requests ahead (Transport.prepare: signing off the schedule thread)
// prepare the queries due within a lead time, in schedule order, and hands each send its prepared request.
import type { CapturedQuery } from '../model/captured-query.ts';
import type { MinerEndpoint, PreparedSend, Transport } from '../transport/transport.ts';
import type { ArrivalSchedule } from './arrival-schedule.ts';
import type { LoadClock } from './load-clock.ts';
import { queryTimeoutS } from './replay-context.ts';

/**
 * How far ahead of its intended start a query is prepared: room for a signing worker that the OS schedules late
 * (tens of ms on a busy 2-core machine), short enough that a nonce made for the send time is never far ahead of it.
 * Queries are prepared in batches (one message to the workers each, not one per query: on a busy machine each message
 * costs the schedule thread ~100 us): when the prepared ones reach less than PREPARE_REFILL_MS ahead of the query due
 * next, those due within PREPARE_LEAD_MS of it are prepared. Every query is prepared at least PREPARE_REFILL_MS ahead.
 */
export const PREPARE_LEAD_MS = 50;
export const PREPARE_REFILL_MS = 25;

export interface PrepareAheadInput {
  transport: Transport;
  endpoint: MinerEndpoint;
  queries: readonly CapturedQuery[];
  schedule: ArrivalSchedule;
  /** Run-clock time the schedule's offsets are added to. */
  originMs: number;
  /** Queries the loop may send at most (warm-up included). */
  limit: number;
  /** Fallback when a query carries no timeout, seconds (or always, with timeoutWins). */
  timeoutS: number;
  /** --timeout was given: it wins over a query's own timeout (as the send's, or the prepared request is remade). */
  timeoutWins?: boolean | undefined;
  clock: LoadClock;
  leadMs?: number;
}

export class PrepareAhead {
  private readonly prepared = new Map<number, PreparedSend>();
  private next = 0;
  /** Every query due by this run-clock time is prepared. */
  private horizonMs = -Infinity;

  constructor(private readonly input: PrepareAheadInput) {}

  /**
   * Prepares query k, and when fewer than PREPARE_REFILL_MS of the schedule are prepared beyond it, every later one due
   * by its intended start plus the lead (none past the schedule's end).
   */
  through(k: number, intendedMs: number): void {
    if (this.next > k && this.horizonMs >= intendedMs + PREPARE_REFILL_MS) return;
    const { transport, queries, schedule, originMs, limit, clock } = this.input;
    const until = intendedMs + (this.input.leadMs ?? PREPARE_LEAD_MS);
    this.horizonMs = until;
    while (this.next < limit) {
      const q = queries[this.next % queries.length]!;
      const offset = this.next === k ? intendedMs - originMs : schedule.targetStartMs(this.next, q);
      if (offset === null || (this.next > k && originMs + offset > until)) break;
      const atMs = originMs + offset;
      const timeoutS = queryTimeoutS(this.input, q);
      this.prepared.set(this.next++, transport.prepare!(q, this.input.endpoint, { timeoutS, now: clock.now, atMs }));
    }
  }

  /** Query k's prepared request, handed over once. */
  take(k: number): PreparedSend | undefined {
    const p = this.prepared.get(k);
    this.prepared.delete(k);
    return p;
  }

  /** Cancels what was prepared and never sent (the run ended or stopped first). */
  cancelRest(): void {
    for (const p of this.prepared.values()) p.cancel();
    this.prepared.clear();
  }
}
