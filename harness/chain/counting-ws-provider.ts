// CountingWsProvider: a WsProvider that counts the requests it sends and the sequential round trips they took.
import { WsProvider } from '@polkadot/api';

export interface RoundTripStats {
  /** JSON-RPC requests sent over the socket (cache hits excluded). */
  requests: number;
  /**
   * Round trips on the critical path: a request sent after a response of round trip k arrived belongs to round trip
   * k + 1, so requests sent together count once and a chain of dependent requests counts each link.
   */
  roundTrips: number;
}

export class CountingWsProvider extends WsProvider {
  #lastCompleted = 0;
  #generation = 0;
  readonly counts: RoundTripStats = { requests: 0, roundTrips: 0 };

  override send<T = unknown>(
    method: string,
    params: unknown[],
    isCacheable?: boolean,
    subscription?: never,
  ): Promise<T> {
    const before = this.stats.total.cached;
    const result = super.send<T>(method, params, isCacheable, subscription);
    if (this.stats.total.cached !== before) return result;
    const depth = this.#lastCompleted + 1;
    const generation = this.#generation;
    this.counts.requests++;
    this.counts.roundTrips = Math.max(this.counts.roundTrips, depth);
    const done = () => {
      if (generation === this.#generation) this.#lastCompleted = Math.max(this.#lastCompleted, depth);
    };
    result.then(done, done);
    return result;
  }

  /** Counts from now on (e.g. after the connect handshake). */
  resetCounts(): void {
    this.counts.requests = 0;
    this.counts.roundTrips = 0;
    this.#lastCompleted = 0;
    this.#generation++;
  }
}
