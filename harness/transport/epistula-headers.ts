// epistulaHeaders: Epistula v2 request headers (SN1 style): sr25519 signatures over the body hash and time windows. Pure.
import { createHash } from 'node:crypto';
import { pythonFloatRepr } from './python-str.ts';

export interface EpistulaInput {
  /** The exact body bytes sent. */
  body: string;
  /** Unix ms. */
  timestampMs: number;
  uuid: string;
  signedBy: string;
  /** The miner's hotkey. */
  signedFor: string;
  sign: (message: string) => string;
  /** X-Client-Timeout, seconds. */
  timeoutS?: number;
}

/**
 * Request signature over `{sha256(body)}.{uuid}.{timestamp}.{signed_for}`; secret signatures over
 * `{interval±1}.{signed_for}` where interval = ceil(ts / 1e4) * 1e4 is a Python float (so it prints with '.0').
 */
export function epistulaHeaders(i: EpistulaInput): Array<[string, string]> {
  const bodyHash = createHash('sha256').update(i.body, 'utf8').digest('hex');
  const interval = Math.ceil(i.timestampMs / 1e4) * 1e4;
  const h: Array<[string, string]> = [
    ['Epistula-Version', '2'],
    ['Epistula-Timestamp', String(i.timestampMs)],
    ['Epistula-Uuid', i.uuid],
    ['Epistula-Signed-By', i.signedBy],
    ['Epistula-Request-Signature', i.sign(`${bodyHash}.${i.uuid}.${i.timestampMs}.${i.signedFor}`)],
    ['Epistula-Signed-For', i.signedFor],
    ['Epistula-Secret-Signature-0', i.sign(`${pythonFloatRepr(interval - 1)}.${i.signedFor}`)],
    ['Epistula-Secret-Signature-1', i.sign(`${pythonFloatRepr(interval)}.${i.signedFor}`)],
    ['Epistula-Secret-Signature-2', i.sign(`${pythonFloatRepr(interval + 1)}.${i.signedFor}`)],
  ];
  if (i.timeoutS !== undefined) h.push(['X-Client-Timeout', String(i.timeoutS)]);
  return h;
}
