// fakeTransport: a Transport in virtual time whose latency is a function of the send time (tests only).
import type { CapturedQuery } from '../../harness/model/captured-query.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';
import type { VirtualClock } from '../../harness/load/virtual-clock.ts';
import type { SendOutcome, Transport } from '../../harness/transport/transport.ts';

export function fakeTransport(
  clock: VirtualClock,
  latencyMs: (sentMs: number, q: CapturedQuery) => number | 'error',
): Transport & { sent: number[] } {
  const sent: number[] = [];
  return {
    kind: 'fake',
    sent,
    async send(q, _endpoint, opts): Promise<SendOutcome> {
      const sentMs = clock.now();
      sent.push(sentMs);
      const l = latencyMs(sentMs, q);
      if (l === 'error')
        return { status: 'error', sentMs, endMs: sentMs, bytesIn: 0, bytesOut: 10, error: 'HTTP 500', response: null };
      await clock.sleep(l);
      if (opts?.signal?.aborted)
        return {
          status: 'error',
          sentMs,
          endMs: clock.now(),
          bytesIn: 0,
          bytesOut: 10,
          error: 'aborted',
          response: null,
        };
      return {
        status: 'ok',
        sentMs,
        firstByteMs: sentMs + l,
        endMs: clock.now(),
        httpStatus: 200,
        bytesIn: 20,
        bytesOut: 10,
        response: { echo: q.line },
      };
    },
    close() {},
  };
}

/** A single-server FIFO queue: each query takes serviceMs once the server is free (a miner at 1000/serviceMs q/s). */
export function queueingLatency(serviceMs: number): (sentMs: number) => number {
  let busyUntil = 0;
  return (sentMs) => {
    const start = Math.max(sentMs, busyUntil);
    busyUntil = start + serviceMs;
    return busyUntil - sentMs;
  };
}

export function queriesOf(n: number, t: (k: number) => number = () => 0): CapturedQuery[] {
  return Array.from({ length: n }, (_, k) => ({ t: t(k), synapse: 'Dummy', body: { dummy_input: k }, line: k + 1 }));
}

/** A record sink for tests: collects what a replay streams out, in query order. */
export function collectRecords() {
  const got: Array<{ r: RequestRecord; resp: Record<string, unknown> | null }> = [];
  return {
    onRecord: (r: RequestRecord, resp: Record<string, unknown> | null) => void got.push({ r, resp }),
    /** The replay's output with the streamed records and responses beside it, sorted by query index. */
    with<T extends object>(out: T): T & { records: RequestRecord[]; responses: Array<Record<string, unknown> | null> } {
      const sorted = [...got].sort((a, b) => a.r.i - b.r.i);
      return { ...out, records: sorted.map((x) => x.r), responses: sorted.map((x) => x.resp) };
    },
  };
}
