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
  /** The request prepare() built for this query ahead of its send time. */
  prepared?: PreparedSend;
}

export interface PrepareOptions {
  /** The validator's timeout for this query, seconds. */
  timeoutS: number;
  /** Run clock in ms (performance.now based). */
  now: () => number;
  /** When the query is due to be sent, run clock ms (a time ahead). */
  atMs: number;
}

/** A request a transport built ahead of its send time: hand it to send() for its query, or cancel() it. */
export interface PreparedSend {
  cancel(): void;
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
  /** Prompt tokens the server reported (usage.prompt_tokens). */
  promptTokens?: number;
  /** Parsed response body (JSON object), null when there is none. */
  response: Record<string, unknown> | null;
}

export interface Transport {
  readonly kind: string;
  send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome>;
  /**
   * Optional: starts building the request for a query due at opts.atMs (signing, off the thread that keeps the
   * schedule). Open loops call it in schedule order, a little ahead, then send() it with `prepared` at its time.
   */
  prepare?(query: CapturedQuery, endpoint: MinerEndpoint, opts: PrepareOptions): PreparedSend;
  close(): void;
}
