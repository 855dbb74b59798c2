// VirtualClock: a LoadClock in virtual time for tests; run() advances to each pending timer in order.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LoadClock } from './load-clock.ts';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export class VirtualClock implements LoadClock {
  private t = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now = (): number => this.t;

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    if (atMs <= this.t || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.timers.push({ at: atMs, seq: this.seq++, resolve });
    });
  }

  /** Sleeps `ms` of virtual time. */
  sleep(ms: number): Promise<void> {
    return this.sleepUntil(this.t + ms);
  }

  /** Lets every pending promise chain settle, then jumps to the earliest timer; until `done` settles. */
  async run<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    const out = done.finally(() => {
      settled = true;
    });
    for (;;) {
      for (let k = 0; k < 5; k++) await nextTurn();
      if (settled) return out;
      if (!this.timers.length) throw new Error('VirtualClock: nothing is scheduled but the run has not finished');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = this.timers[0]!;
      this.t = first.at;
      const due = this.timers.filter((x) => x.at === first.at);
      this.timers = this.timers.filter((x) => x.at !== first.at);
      for (const x of due) x.resolve();
    }
  }
}
