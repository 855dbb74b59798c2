// NonceClock: time.time_ns()-style nonces as bigint, strictly increasing within the process (axon nonce rule).

export class NonceClock {
  private last = 0n;
  constructor(private readonly nowNs: () => bigint = defaultNowNs) {}

  next(): bigint {
    let n = this.nowNs();
    if (n <= this.last) n = this.last + 1n;
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
