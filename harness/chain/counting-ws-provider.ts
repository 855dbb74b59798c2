// CountingWsProvider: a WsProvider that counts the requests it sends and the sequential round trips they took.
import { WsProvider } from '@polkadot/api';

export interface RoundTripStats {
  /** JSON-RPC requests sent over the socket (cache hits excluded). */
  requests: number;
  /** Sequential round trips: a new one starts whenever a request is sent while none is in flight. */
  roundTrips: number;
}

export class CountingWsProvider extends WsProvider {
  #inFlight = 0;
  readonly counts: RoundTripStats = { requests: 0, roundTrips: 0 };

  override send<T = unknown>(method: string, params: unknown[], isCacheable?: boolean, subscription?: never): Promise<T> {
    const before = this.stats.total.cached;
    const result = super.send<T>(method, params, isCacheable, subscription);
    if (this.stats.total.cached !== before) return result;
    this.counts.requests++;
    if (this.#inFlight === 0) this.counts.roundTrips++;
    this.#inFlight++;
    const done = () => { this.#inFlight--; };
    result.then(done, done);
    return result;
  }

  /** Counts from now on (e.g. after the connect handshake). */
  resetCounts(): void {
    this.counts.requests = 0;
    this.counts.roundTrips = 0;
  }
}
