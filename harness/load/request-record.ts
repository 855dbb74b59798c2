// RequestRecord: what the replayer records for one query, on the run's clock (ms since the run's t0).

export type RequestStatus = 'ok' | 'error' | 'timeout' | 'dropped';

export interface RequestRecord {
  /** Index of the query in the run (warm-up queries have warmup: true). */
  i: number;
  /** Line of the query in its queries file. */
  line: number;
  warmup: boolean;
  /** When the query should have started (closed loop: when its worker became free). */
  intendedMs: number;
  sentMs: number;
  firstByteMs?: number;
  endMs: number;
  status: RequestStatus;
  httpStatus?: number;
  bytesIn: number;
  bytesOut: number;
  error?: string;
  /** The validator's reward for this response, filled in by evaluate. */
  score?: number;
}
