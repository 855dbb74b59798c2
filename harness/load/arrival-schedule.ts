// ArrivalSchedule: an open-loop plan, the intended start of query i in ms from the schedule's origin (null: done).
import type { CapturedQuery } from '../model/captured-query.ts';

export interface ArrivalSchedule {
  readonly kind: string;
  /** Offset of query i from the origin, ms; null when the schedule has no query i. Pure: same i, same answer. */
  targetStartMs(i: number, query: CapturedQuery): number | null;
}
