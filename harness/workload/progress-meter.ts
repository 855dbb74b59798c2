// ProgressMeter: queries done, the current rate (successes per second over the last few seconds) and time left:
// from a known schedule's end where there is one (a trace), else from the current rate.
import type { RunEvent } from '../model/run-events.ts';

export class ProgressMeter {
  private done = 0;
  private okDone = 0;
  private lastEmit = -Infinity;
  /** (time ms, successes so far) samples covering the rate window. */
  private readonly marks: Array<[number, number]> = [];

  constructor(
    private readonly startMs: number,
    private readonly total: number | null,
    private readonly durationS: number | null,
    /** Seconds from startMs at which the schedule sends its last query, where known (tracePlan's spanS); else null. */
    private readonly scheduleEndS: number | null = null,
    private readonly windowMs = 3000,
    private readonly everyMs = 500,
  ) {}

  /** Counts one finished query; returns a progress event when one is due (every everyMs, and at the end). */
  record(ok: boolean, nowMs: number): Extract<RunEvent, { type: 'progress' }> | undefined {
    this.done++;
    if (ok) this.okDone++;
    if (nowMs - this.lastEmit < this.everyMs && this.done !== this.total) return undefined;
    this.lastEmit = nowMs;
    this.marks.push([nowMs, this.okDone]);
    while (this.marks.length > 2 && nowMs - this.marks[1]![0] >= this.windowMs) this.marks.shift();
    const [t0, ok0] = this.marks.length > 1 ? this.marks[0]! : [this.startMs, 0];
    const rate = (this.okDone - ok0) / Math.max((nowMs - t0) / 1000, 1e-3);
    const elapsedS = (nowMs - this.startMs) / 1000;
    const byRate = this.total === null ? null : rate > 0 ? (this.total - this.done) / rate : null;
    const remainingS =
      this.total === null
        ? Math.max(0, (this.durationS ?? 0) - elapsedS)
        : this.scheduleEndS !== null && this.done < this.total
          ? Math.max(this.scheduleEndS - elapsedS, byRate ?? 0)
          : byRate;
    return { type: 'progress', done: this.done, total: this.total, okQps: rate, elapsedS, remainingS };
  }
}
