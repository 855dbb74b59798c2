// Transport: how a validator sends one query to a miner; each kind registers itself in transport-registry.ts.
import type { CapturedQuery } from '../model/captured-query.ts';
import type { RequestStatus } from '../model/request-record.ts';

export interface MinerEndpoint {
  host: string;
  port: number;
  /** The miner's hotkey ss58 (bittensor transports sign for it). */
  hotkey: string;
}

export interface SendOptions {
  signal?: AbortSignal;
  /** The validator's timeout for this query, seconds. */
  timeoutS: number;
  /** Run clock in ms (performance.now based). */
  now: () => number;
  /** Concurrent callers with the same session keep ordered nonces (one dendrite uuid per session). */
  session?: string;
}

export interface SendOutcome {
  status: Exclude<RequestStatus, 'dropped'>;
  sentMs: number;
  firstByteMs?: number;
  endMs: number;
  httpStatus?: number;
  bytesIn: number;
  bytesOut: number;
  error?: string;
  /** Streaming answers: arrival time of every chunk that carried output (run clock ms). */
  chunkMs?: number[];
  /** Output tokens (from the answer's usage, else counted chunks). */
  outputTokens?: number;
  /** Parsed response body (JSON object), null when there is none. */
  response: Record<string, unknown> | null;
}

export interface Transport {
  readonly kind: string;
  send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome>;
  close(): void;
}
