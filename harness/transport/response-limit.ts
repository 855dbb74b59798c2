// maxResponseBytes: the most bytes a miner's answer may have before the query is an error and its connection dropped.
import type { TransportConfig } from '../config/subnet-profile.ts';

/**
 * Whole synapse answers: 8 MiB. A synapse answer is the whole synapse as JSON (the template's is about 1 KB); the
 * largest real ones carry base64 images (a 1024x1024 PNG is 2-4 MB in base64), which fit twice. Parsing 8 MiB of
 * structured JSON already takes ~100 ms of a busy 2-core machine's event loop, so much more would stall the schedule.
 */
export const WHOLE_ANSWER_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Streamed answers (a synapse with `stream: true`, OpenAI-compatible inference): 32 MiB. They are parsed chunk by
 * chunk as they arrive, so size never blocks the event loop; 32 MiB holds a 100k-token stream at ~300 bytes an SSE
 * event (OpenAI's chunk objects) with room to spare.
 */
export const STREAMED_ANSWER_MAX_BYTES = 32 * 1024 * 1024;

/** The profile's transport.maxResponseBytes, else the default for its kind. */
export function maxResponseBytes(config: TransportConfig): number {
  if (config.maxResponseBytes !== undefined) return config.maxResponseBytes;
  if (config.kind === 'bittensor-synapse' && config.stream !== true) return WHOLE_ANSWER_MAX_BYTES;
  return STREAMED_ANSWER_MAX_BYTES;
}
