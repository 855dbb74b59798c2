// traceSchedule: replays the captured t offsets of the queries file, divided by a time scale (2 = twice as fast).
import type { ArrivalSchedule } from './arrival-schedule.ts';
import type { CapturedQuery } from '../model/captured-query.ts';

/** The queries must be in file order with non-decreasing t (readQueriesFile({monotonic: true}) checks it). */
export function traceSchedule(queries: readonly CapturedQuery[], timeScale = 1): ArrivalSchedule {
  if (!(timeScale > 0)) throw new RangeError(`time scale must be > 0, got ${timeScale}`);
  const t0 = queries[0]?.t ?? 0;
  return {
    kind: 'trace',
    targetStartMs: (i) => {
      const q = queries[i];
      return q ? ((q.t - t0) * 1000) / timeScale : null;
    },
  };
}
