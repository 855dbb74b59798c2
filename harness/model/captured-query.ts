// CapturedQuery: one validator query as captured (one JSON line of a subnet's queries/*.jsonl file).

export interface CapturedQuery {
  /** Seconds since the capture started. */
  t: number;
  /** Synapse name (bittensor transport) or HTTP path (HTTP transports). */
  synapse: string;
  /** The request body as the validator filled it. */
  body: Record<string, unknown>;
  /** The validator's timeout for this query, seconds. */
  timeout?: number;
  /** Hotkey of the validator that sent it, where captured. */
  validator?: string;
  /** 1-based line in the queries file, for messages. */
  line: number;
  /** The reference answer a subnet's score compares against (never sent to the miner). */
  reference?: unknown;
  /** The line's JSON text as captured, so Python-typed values (1.0, key order, big ints) survive for body hashes. */
  source?: string;
}
