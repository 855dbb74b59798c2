// runCachingProbe: MLPerf TEST04 in spirit: the same query again and again vs distinct ones, one at a time.
import type { CapturedQuery } from '../model/captured-query.ts';
import type { CachingProbeResult } from '../evaluate/validity-caching.ts';
import type { MinerEndpoint, Transport } from '../transport/transport.ts';

export interface CachingProbeInput {
  queries: readonly CapturedQuery[];
  /** Queries of each kind (fresh and repeated). */
  n: number;
  transport: Transport;
  endpoint: MinerEndpoint;
  timeoutS: number;
  now: () => number;
  signal: AbortSignal;
}

/** Interleaves fresh and repeated queries so drift in the miner's speed hits both alike; failures are left out. */
export async function runCachingProbe(i: CachingProbeInput): Promise<CachingProbeResult> {
  const freshMs: number[] = [];
  const repeatedMs: number[] = [];
  const repeated = i.queries[0]!;
  for (let k = 0; k < i.n && !i.signal.aborted; k++) {
    for (const [q, into] of [
      [i.queries[(k + 1) % i.queries.length]!, freshMs],
      [repeated, repeatedMs],
    ] as const) {
      const o = await i.transport.send(q, i.endpoint, {
        signal: i.signal,
        timeoutS: q.timeout ?? i.timeoutS,
        now: i.now,
        session: 'caching-probe',
      });
      if (o.status === 'ok') into.push(o.endMs - o.sentMs);
    }
  }
  return { freshMs, repeatedMs };
}
