// readS3Payload: the object bytes of a PUT as S3 reads them (plain, signed hash, aws-chunked) with checksums checked.
import { crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';
import { decodeAwsChunked } from './aws-chunked.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';
import type { SigV4Verified } from './sigv4.ts';

export type PayloadResult = { ok: true; data: Buffer } | { ok: false; code: string; message: string };

function checksumProblem(name: string, expected: string, data: Buffer): string | null {
  let actual: string | null = null;
  if (name === 'x-amz-checksum-crc32') {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(crc32(data) >>> 0);
    actual = b.toString('base64');
  } else if (name === 'x-amz-checksum-sha256') actual = createHash('sha256').update(data).digest('base64');
  else if (name === 'x-amz-checksum-sha1') actual = createHash('sha1').update(data).digest('base64');
  // crc32c and crc64nvme need tables Node does not ship: accepted unchecked.
  return actual === null || actual === expected ? null : `${name} is ${expected}, the data gives ${actual}`;
}

/**
 * The decoded object bytes. `payloadHash` (x-amz-content-sha256) decides the framing: a hex digest is checked against
 * the body, UNSIGNED-PAYLOAD is taken as is, the STREAMING-* forms are aws-chunked (signed chunks are verified).
 */
export function readS3Payload(
  body: Buffer,
  auth: SigV4Verified,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): PayloadResult {
  const h = auth.payloadHash;
  let data: Buffer;
  let trailers: Record<string, string> = {};
  if (/^[0-9a-f]{64}$/.test(h)) {
    if (sha256Hex(body) !== h)
      return { ok: false, code: 'XAmzContentSHA256Mismatch', message: 'the body does not match x-amz-content-sha256' };
    data = body;
  } else if (h === 'UNSIGNED-PAYLOAD') {
    data = body;
  } else if (h.startsWith('STREAMING-')) {
    const signed = h.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    if (!signed && h !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER')
      return { ok: false, code: 'InvalidArgument', message: `x-amz-content-sha256 '${h}' is not supported` };
    const r = decodeAwsChunked(
      body,
      signed ? { key: auth.key, amzDate: auth.amzDate, scope: auth.scope, seed: auth.signature } : null,
    );
    if (!r.ok) return { ok: false, code: signed ? 'SignatureDoesNotMatch' : 'IncompleteBody', message: r.message };
    data = r.data;
    trailers = r.trailers;
    const declared = headers['x-amz-decoded-content-length'];
    if (typeof declared === 'string' && Number(declared) !== data.length)
      return {
        ok: false,
        code: 'IncompleteBody',
        message: `x-amz-decoded-content-length says ${declared}, the chunks hold ${data.length}`,
      };
  } else {
    return {
      ok: false,
      code: 'InvalidArgument',
      message: `x-amz-content-sha256 '${h}' is not a digest or a known mode`,
    };
  }
  for (const [name, value] of Object.entries({ ...headers, ...trailers })) {
    if (!name.startsWith('x-amz-checksum-') || name === 'x-amz-checksum-algorithm' || typeof value !== 'string')
      continue;
    const problem = checksumProblem(name, value, data);
    if (problem) return { ok: false, code: 'BadDigest', message: problem };
  }
  return { ok: true, data };
}
