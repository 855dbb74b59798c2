// MinerbenchError: the one error type the engine returns or throws; harness/cli maps its code to an exit code.

/** Every failure kind minerbench knows, with the exit code the CLI ends with (documented in README.md). */
export const ERROR_CODES = {
  INTERNAL: 1,
  USAGE: 2,
  CONFIG_INVALID: 3,
  UNKNOWN_SUBNET: 4,
  QUERIES_INVALID: 5,
  /** A plugin's data table (rates, multipliers, auctions) or a law-input file fails its schema. */
  TABLE_INVALID: 6,
  DOCKER_UNREACHABLE: 10,
  IMAGE_BUILD_FAILED: 11,
  MINER_NOT_READY: 12,
  MINER_CRASHED: 13,
  RUNTIME_FAILED: 14,
  /** A service the workload runs beside the miner (file server, S3 sink, block clock) failed. */
  WORKLOAD_SERVICE_FAILED: 15,
  GPU_UNAVAILABLE: 20,
  GPU_SELECTION_INVALID: 21,
  NVIDIA_SMI_FAILED: 22,
  CHAIN_UNREACHABLE: 30,
  CHAIN_MISMATCH: 31,
  CHAIN_DATA_MISSING: 32,
  SNAPSHOT_INVALID: 33,
  PRICE_INVALID: 34,
  /** The node no longer keeps state that far back (use an archive node). */
  CHAIN_STATE_PRUNED: 35,
  /** The runtime's storage layout lacks an item the reader needs (the message names it). */
  CHAIN_LAYOUT_UNKNOWN: 36,
  RESULT_INVALID: 40,
  RESULT_SCHEMA_UNKNOWN: 41,
  /** An output path (--out, --output, a fleet folder) is not a writable folder, or writing to it failed. */
  STORE_FAILED: 42,
  /** The results index is locked by another minerbench longer than the wait allows. */
  INDEX_LOCKED: 43,
  /** The results index file is not an SQLite database, or one of a schema this minerbench does not know. */
  INDEX_INVALID: 44,
  /** Two different result files claim the same run id. */
  RUN_ID_CONFLICT: 45,
  /** A report or listing matched no indexed runs. */
  NO_MATCHING_RUNS: 46,
  RUN_INVALID: 50,
  /** --arrival sweep: not even the first step kept p99 under the timeout at >= 99% success (the run is saved INVALID). */
  SWEEP_INFEASIBLE: 51,
  /** The run measured, but evaluating what it measured failed: artifacts and a failed result.json are kept. */
  EVALUATION_FAILED: 52,
  /** The run completed, but this machine does not pass the subnet's eligibility gates (the output says which). */
  NOT_ELIGIBLE: 53,
  /** minerbench fleet run: a regression against the baseline nights was found (the morning report lists it). */
  FLEET_REGRESSION: 60,
  /** minerbench fleet run: a machine was unreachable or failed; the others' results are kept. */
  FLEET_INCOMPLETE: 61,
  FLEET_RUNNER_FAILED: 62,
  /** minerbench capture: the upstream miner refused the connection at start. */
  CAPTURE_UPSTREAM_UNREACHABLE: 70,
  /** minerbench capture: cannot listen on --listen, or cannot write --out. */
  CAPTURE_FAILED: 71,
  INTERRUPTED: 130,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface MinerbenchErrorInit {
  /** What to do about it, in one sentence a user can act on. */
  hint?: string;
  /** Extra lines shown under the message (log tails, every validation problem). */
  details?: string[];
  cause?: unknown;
}

export class MinerbenchError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: string[];

  constructor(code: ErrorCode, message: string, init: MinerbenchErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MinerbenchError';
    this.code = code;
    this.hint = init.hint;
    this.details = init.details ?? [];
  }

  get exitCode(): number {
    return ERROR_CODES[this.code];
  }

  /** A plain object for result.json and artifacts: errors are values inside a run. */
  toJSON(): { code: ErrorCode; message: string; hint?: string; details?: string[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details.length ? { details: this.details } : {}),
    };
  }
}

export function isMinerbenchError(e: unknown): e is MinerbenchError {
  return e instanceof MinerbenchError;
}

/** Wraps anything thrown into a MinerbenchError, keeping ours as they are. */
export function asMinerbenchError(e: unknown, code: ErrorCode = 'INTERNAL'): MinerbenchError {
  if (isMinerbenchError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new MinerbenchError(code, message, { cause: e });
}
