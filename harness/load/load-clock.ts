// LoadClock: the run clock (ms) and an absolute-time sleep; injected so arrival models can run in virtual time.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

export interface LoadClock {
  /** Milliseconds on the run's clock. */
  now(): number;
  /** Resolves at (or just after) the absolute time `atMs`; never early. Resolves at once when aborted. */
  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void>;
}

/** Timers coarser than this are left to setTimeout; the rest is spun on setImmediate so I/O still runs. */
const SPIN_MS = 1.5;

/** The real clock: performance.now() minus an origin; sleeps with setTimeout, then polls the last stretch. */
export function realClock(now: () => number = () => performance.now()): LoadClock {
  return {
    now,
    async sleepUntil(atMs, signal) {
      const d = atMs - now();
      if (d > SPIN_MS) {
        try {
          await sleep(d - SPIN_MS, undefined, signal ? { signal } : {});
        } catch {
          return; // aborted
        }
      }
      while (now() < atMs && !signal?.aborted) await nextTurn();
    },
  };
}
