// decodeAwsChunked: the payload of an aws-chunked S3 upload (signed chunks, or unsigned chunks with trailers) (pure).
// Format: S3 API docs, "Signature Calculations for the Authorization Header: Transferring Payload in Multiple Chunks".
import { chunkSignature } from './sigv4.ts';

export interface ChunkSigning {
  key: Buffer;
  amzDate: string;
  scope: string;
  /** The request's own signature: the seed of the chain. */
  seed: string;
}

export type ChunkedResult =
  { ok: true; data: Buffer; trailers: Record<string, string>; chunks: number } | { ok: false; message: string };

/**
 * Decodes `<hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n ... 0[;...]\r\n[trailer lines]\r\n`. With `signing`,
 * every chunk's signature is checked against the chain; without it (STREAMING-UNSIGNED-PAYLOAD-TRAILER), none is.
 */
export function decodeAwsChunked(body: Buffer, signing: ChunkSigning | null): ChunkedResult {
  const parts: Buffer[] = [];
  let at = 0;
  let previous = signing?.seed ?? '';
  let chunks = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) return { ok: false, message: `chunk header without CRLF at byte ${at}` };
    const header = body.subarray(at, eol).toString('latin1');
    const [sizeText, ...exts] = header.split(';');
    if (!/^[0-9a-fA-F]+$/.test(sizeText ?? ''))
      return { ok: false, message: `bad chunk size '${header.slice(0, 40)}' at byte ${at}` };
    const size = parseInt(sizeText!, 16);
    const start = eol + 2;
    if (start + size > body.length) return { ok: false, message: `chunk of ${size} bytes runs past the body` };
    const data = body.subarray(start, start + size);
    if (signing) {
      const sig = exts.find((e) => e.startsWith('chunk-signature='))?.slice('chunk-signature='.length) ?? '';
      const expected = chunkSignature(signing.key, signing.amzDate, signing.scope, previous, data);
      if (sig !== expected) return { ok: false, message: `chunk ${chunks + 1}: chunk-signature does not match` };
      previous = sig;
    }
    chunks++;
    at = start + size;
    if (size === 0) break;
    parts.push(data);
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n')
      return { ok: false, message: `chunk ${chunks} is not followed by CRLF` };
    at += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(at).toString('latin1').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) trailers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { ok: true, data: Buffer.concat(parts), trailers, chunks };
}
