// AWS Signature Version 4 for S3, both sides (pure): sign a request or a presigned URL, and verify what a client sent.
// Rules: AWS "Signature Version 4 signing process" and "Authenticating requests: Using query parameters" (S3 API docs).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../artifacts/sha256-hex.ts';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigV4Request {
  method: string;
  /** The path as sent (percent-encoded), without the query string. */
  path: string;
  /** The raw query string, without '?'. */
  query: string;
  /** Header names in lower case; repeated headers joined by ', ' (Node's IncomingMessage.headers does this). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function hmac(key: Buffer | string, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** AWS UriEncode: every byte except A-Z a-z 0-9 - _ . ~ as %XY (upper hex); '/' kept when encoding a path. */
export function awsUriEncode(text: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** S3's canonical URI: each segment decoded once, then encoded once (S3 does not double-encode). */
export function canonicalUri(path: string): string {
  return path
    .split('/')
    .map((s) => awsUriEncode(decode(s), false))
    .join('/');
}

/** Query parameters sorted by encoded name then value, each encoded; `drop` leaves one out (X-Amz-Signature). */
export function canonicalQuery(query: string, drop?: string): string {
  if (!query) return '';
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      const k = decode(i < 0 ? p : p.slice(0, i));
      const v = decode(i < 0 ? '' : p.slice(i + 1));
      return [awsUriEncode(k, false), awsUriEncode(v, false)] as [string, string];
    })
    .filter(([k]) => k !== drop);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValue(headers: SigV4Request['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function canonicalRequest(
  req: SigV4Request,
  signedHeaders: string[],
  payloadHash: string,
  drop?: string,
): string {
  const lines = signedHeaders.map((h) => `${h}:${(headerValue(req.headers, h) ?? '').trim().replace(/\s+/g, ' ')}\n`);
  return [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.query, drop),
    lines.join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
}

/** What a verified request was signed with (the chunk decoder needs the key and seed signature). */
export interface SigV4Verified {
  ok: true;
  accessKeyId: string;
  amzDate: string;
  scope: string;
  key: Buffer;
  signature: string;
  /** x-amz-content-sha256 (header auth) or UNSIGNED-PAYLOAD (presigned). */
  payloadHash: string;
  presigned: boolean;
}

export interface SigV4Refusal {
  ok: false;
  /** The S3 error code a real server answers with. */
  code:
    | 'AccessDenied'
    | 'InvalidAccessKeyId'
    | 'SignatureDoesNotMatch'
    | 'RequestTimeTooSkewed'
    | 'AuthorizationQueryParametersError';
  message: string;
}

const AMZ_DATE = /^\d{8}T\d{6}Z$/;

function amzDateMs(d: string): number {
  return Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +d.slice(9, 11),
    +d.slice(11, 13),
    +d.slice(13, 15),
  );
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Verifies a request signed in the Authorization header or by presigned query parameters, against the one set of
 * credentials the sink accepts. `nowMs` is wall-clock time (for the 15-minute skew rule and presigned expiry).
 */
export function verifySigV4(req: SigV4Request, creds: SigV4Credentials, nowMs: number): SigV4Verified | SigV4Refusal {
  const auth = headerValue(req.headers, 'authorization');
  const params = new URLSearchParams(req.query);
  const presigned = params.get('X-Amz-Algorithm') !== null;
  let credential: string;
  let signedHeaders: string[];
  let signature: string;
  let amzDate: string;
  let payloadHash: string;
  if (auth?.startsWith('AWS4-HMAC-SHA256 ')) {
    const fields = Object.fromEntries(
      auth
        .slice('AWS4-HMAC-SHA256 '.length)
        .split(',')
        .map((p) => p.trim().split('=') as [string, string]),
    );
    credential = fields.Credential ?? '';
    signedHeaders = (fields.SignedHeaders ?? '').split(';').filter(Boolean);
    signature = fields.Signature ?? '';
    amzDate = headerValue(req.headers, 'x-amz-date') ?? '';
    payloadHash = headerValue(req.headers, 'x-amz-content-sha256') ?? '';
    if (!payloadHash) return { ok: false, code: 'AccessDenied', message: 'x-amz-content-sha256 header is missing' };
  } else if (presigned) {
    if (params.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256')
      return {
        ok: false,
        code: 'AuthorizationQueryParametersError',
        message: 'X-Amz-Algorithm must be AWS4-HMAC-SHA256',
      };
    credential = params.get('X-Amz-Credential') ?? '';
    signedHeaders = (params.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
    signature = params.get('X-Amz-Signature') ?? '';
    amzDate = params.get('X-Amz-Date') ?? '';
    payloadHash = 'UNSIGNED-PAYLOAD';
    const expires = Number(params.get('X-Amz-Expires'));
    if (!Number.isInteger(expires) || expires < 1 || expires > 604800)
      return { ok: false, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Expires must be 1..604800' };
    if (AMZ_DATE.test(amzDate) && nowMs > amzDateMs(amzDate) + expires * 1000)
      return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
  } else {
    return { ok: false, code: 'AccessDenied', message: 'the request is not signed (AWS Signature Version 4 required)' };
  }
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request')
    return { ok: false, code: 'AuthorizationQueryParametersError', message: `malformed credential '${credential}'` };
  const [accessKeyId, date, region, service] = parts as [string, string, string, string, string];
  if (accessKeyId !== creds.accessKeyId)
    return { ok: false, code: 'InvalidAccessKeyId', message: `unknown access key id '${accessKeyId}'` };
  if (!AMZ_DATE.test(amzDate) || !amzDate.startsWith(date))
    return { ok: false, code: 'AccessDenied', message: `bad or missing X-Amz-Date '${amzDate}'` };
  if (!presigned && Math.abs(nowMs - amzDateMs(amzDate)) > 15 * 60_000)
    return { ok: false, code: 'RequestTimeTooSkewed', message: `X-Amz-Date ${amzDate} is more than 15 minutes off` };
  if (!signedHeaders.includes('host'))
    return { ok: false, code: 'AccessDenied', message: 'the host header must be signed' };
  const scope = `${date}/${region}/${service}/aws4_request`;
  const canonical = canonicalRequest(req, signedHeaders, payloadHash, presigned ? 'X-Amz-Signature' : undefined);
  const key = signingKey(creds.secretAccessKey, date, region, service);
  const expected = hmac(key, stringToSign(amzDate, scope, canonical)).toString('hex');
  if (!sameHex(expected, signature))
    return { ok: false, code: 'SignatureDoesNotMatch', message: 'the request signature does not match' };
  return { ok: true, accessKeyId, amzDate, scope, key, signature, payloadHash, presigned };
}
/** The signature of one aws-chunked chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD), chained from the previous one. */
export function chunkSignature(key: Buffer, amzDate: string, scope: string, previous: string, data: Buffer): string {
  const text = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, EMPTY_SHA256, sha256Hex(data)].join('\n');
  return hmac(key, text).toString('hex');
}
