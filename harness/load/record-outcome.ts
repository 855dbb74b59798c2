// recordOutcome: the RequestRecord of one sent query from the transport's outcome (shared by every arrival model).
import type { RequestRecord } from '../model/request-record.ts';
import type { SendOutcome } from '../transport/transport.ts';

export interface RecordContext {
  i: number;
  line: number;
  warmup: boolean;
  intendedMs: number;
  step?: number;
}

/** `interrupted`: the user stopped the run while this query was in flight (a failure then is not the miner's). */
export function recordOutcome(c: RecordContext, o: SendOutcome, interrupted = false): RequestRecord {
  // Assigned in a fixed order (records are written out as JSON, keys in this order).
  const r: RequestRecord = {
    i: c.i,
    line: c.line,
    warmup: c.warmup,
    intendedMs: c.intendedMs,
    sentMs: o.sentMs,
    endMs: o.endMs,
    status: interrupted && o.status !== 'ok' ? 'interrupted' : o.status,
    bytesIn: o.bytesIn,
    bytesOut: o.bytesOut,
  };
  if (o.firstByteMs !== undefined) r.firstByteMs = o.firstByteMs;
  if (o.httpStatus !== undefined) r.httpStatus = o.httpStatus;
  if (o.error) r.error = o.error;
  if (c.step !== undefined) r.step = c.step;
  if (o.chunkMs?.length) r.chunkMs = o.chunkMs;
  if (o.outputTokens !== undefined) r.outputTokens = o.outputTokens;
  if (o.promptTokens !== undefined) r.promptTokens = o.promptTokens;
  return r;
}

/** A start that could not happen (every in-flight slot taken): counted, never hidden. */
export function droppedRecord(c: RecordContext, atMs: number, maxInFlight: number): RequestRecord {
  return {
    i: c.i,
    line: c.line,
    warmup: c.warmup,
    intendedMs: c.intendedMs,
    sentMs: atMs,
    endMs: atMs,
    status: 'dropped',
    bytesIn: 0,
    bytesOut: 0,
    error: `dropped: all ${maxInFlight} in-flight slots were busy at the intended start`,
    ...(c.step === undefined ? {} : { step: c.step }),
  };
}

/** A transport that threw instead of returning an error value: recorded as an error, never lost. */
export function failedSend(atMs: number, e: unknown): SendOutcome {
  return {
    status: 'error',
    sentMs: atMs,
    endMs: atMs,
    bytesIn: 0,
    bytesOut: 0,
    error: `transport failed: ${e instanceof Error ? e.message : String(e)}`,
    response: null,
  };
}
