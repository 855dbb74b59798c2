// ReplayOutput: what one replay (any arrival model) reports when it ends. The records themselves stream out one by one
// through onRecord as they complete (to artifacts/records.jsonl); nothing here grows with the run's length.
import type { ArrivalInfo, EventLoopDelay, SweepOutcome } from './result/load-section.ts';

export type { ArrivalInfo, EventLoopDelay, SweepOutcome, SweepStepResult } from './result/load-section.ts';

export interface ReplayOutput {
  startedMs: number;
  /** When the first measured (non-warm-up) query was due. */
  measureStartMs: number;
  endedMs: number;
  stoppedEarly: string | undefined;
  arrival: ArrivalInfo;
  eventLoop?: EventLoopDelay;
  sweep?: SweepOutcome;
}
