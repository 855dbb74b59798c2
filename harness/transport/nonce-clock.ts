// NonceClock: time.time_ns()-style nonces as bigint, strictly increasing within the process (axon nonce rule).

export class NonceClock {
  private last = 0n;
  constructor(readonly nowNs: () => bigint = defaultNowNs) {}

  /** Now, or one more than the last nonce given when that is not earlier. */
  next(): bigint {
    return this.at(this.nowNs());
  }

  /** `ns` (a time, e.g. a send time ahead), or one more than the last nonce given when that is not earlier. */
  at(ns: bigint): bigint {
    const n = ns > this.last ? ns : this.last + 1n;
    this.last = n;
    return n;
  }
}

const originNs = BigInt(Date.now()) * 1_000_000n;
const originPerf = performance.now();

/** Wall-clock nanoseconds, advanced with the monotonic clock between calls. */
export function defaultNowNs(): bigint {
  return originNs + BigInt(Math.round((performance.now() - originPerf) * 1e6));
}
