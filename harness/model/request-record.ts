// RequestRecord: what the replayer records for one query, on the run's clock (ms since the run's t0).

/** 'interrupted': in flight when the user stopped the run (Ctrl-C, SIGTERM): neither the miner's success nor its fault. */
export type RequestStatus = 'ok' | 'error' | 'timeout' | 'dropped' | 'interrupted';

export interface RequestRecord {
  /** Index of the query in the run (warm-up queries have warmup: true). */
  i: number;
  /** Line of the query in its queries file. */
  line: number;
  warmup: boolean;
  /** When the query should have started: its schedule slot (open loop), or when its worker became free (closed). */
  intendedMs: number;
  /** When it actually went out (dropped: when the drop was decided). Send lag = sentMs - intendedMs. */
  sentMs: number;
  firstByteMs?: number;
  endMs: number;
  status: RequestStatus;
  httpStatus?: number;
  bytesIn: number;
  bytesOut: number;
  error?: string;
  /** Sweep step the query belongs to (sweep arrival model only). */
  step?: number;
  /** Streaming answers: arrival time of each chunk that carried output, run clock ms. */
  chunkMs?: number[];
  /** Streaming or not: output tokens the miner reported or that were counted. */
  outputTokens?: number;
  /** Prompt tokens the miner reported (usage.prompt_tokens), when it did. */
  promptTokens?: number;
}
