// SigV4 (pure) against the worked examples published in the Amazon S3 API reference (example keys, 2013-05-24).
import { describe, expect, it } from 'vitest';
import { decodeAwsChunked } from '../../harness/services/aws-chunked.ts';
import { canonicalQuery, canonicalUri, signingKey, verifySigV4 } from '../../harness/services/sigv4.ts';

// The documentation's example credentials (not a secret): AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.
const CREDS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const AT = Date.UTC(2013, 4, 24, 0, 1, 0); // one minute after the examples' X-Amz-Date 20130524T000000Z

describe('verifySigV4 (S3 API reference examples)', () => {
  it('accepts the presigned GET example (examplebucket/test.txt, 86400 s) and refuses it once expired or altered', () => {
    const query =
      'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
      '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    const req = { method: 'GET', path: '/test.txt', query, headers: { host: 'examplebucket.s3.amazonaws.com' } };
    expect(verifySigV4(req, CREDS, AT)).toMatchObject({ ok: true, presigned: true, payloadHash: 'UNSIGNED-PAYLOAD' });
    expect(verifySigV4(req, CREDS, AT + 86_400_000)).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(verifySigV4({ ...req, path: '/test2.txt' }, CREDS, AT)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    expect(verifySigV4(req, { ...CREDS, accessKeyId: 'OTHER' }, AT)).toMatchObject({
      ok: false,
      code: 'InvalidAccessKeyId',
    });
  });

  it('accepts the header-signed GET example with a Range header and refuses it 15 minutes later', () => {
    const req = {
      method: 'GET',
      path: '/test.txt',
      query: '',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
          'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
          'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      },
    };
    expect(verifySigV4(req, CREDS, AT)).toMatchObject({ ok: true, presigned: false });
    expect(verifySigV4(req, CREDS, AT + 15 * 60_000)).toMatchObject({ ok: false, code: 'RequestTimeTooSkewed' });
  });

  it('refuses an unsigned request', () => {
    const r = verifySigV4({ method: 'PUT', path: '/b/k', query: '', headers: { host: 'h' } }, CREDS, AT);
    expect(r).toMatchObject({ ok: false, code: 'AccessDenied' });
  });

  it('encodes paths once and sorts query parameters by name then value', () => {
    expect(canonicalUri('/b/a%20b/c~d=e')).toBe('/b/a%20b/c~d%3De');
    expect(canonicalQuery('uploadId=x&partNumber=2&a=')).toBe('a=&partNumber=2&uploadId=x');
  });
});

describe('decodeAwsChunked (S3 API reference: PUT with 64 KB signed chunks)', () => {
  it('decodes 65 KiB of "a" in chunks of 65536 and 1024 bytes and checks the chained chunk signatures', () => {
    const key = signingKey(CREDS.secretAccessKey, '20130524', 'us-east-1', 's3');
    const seed = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
    const sigs = [
      'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
    ];
    const chunk = (size: number, sig: string) =>
      Buffer.concat([
        Buffer.from(`${size.toString(16)};chunk-signature=${sig}\r\n`),
        Buffer.alloc(size, 'a'),
        Buffer.from('\r\n'),
      ]);
    const body = Buffer.concat([chunk(65536, sigs[0]!), chunk(1024, sigs[1]!), chunk(0, sigs[2]!)]);
    const signing = { key, amzDate: '20130524T000000Z', scope: '20130524/us-east-1/s3/aws4_request', seed };
    const r = decodeAwsChunked(body, signing);
    expect(r).toMatchObject({ ok: true, chunks: 3 });
    expect(r.ok && r.data.length).toBe(66560);
    const tampered = Buffer.from(body);
    tampered[200] = 'b'.charCodeAt(0);
    expect(decodeAwsChunked(tampered, signing)).toEqual({
      ok: false,
      message: 'chunk 1: chunk-signature does not match',
    });
  });

  it('decodes unsigned chunks and their trailer', () => {
    const body = Buffer.from('2\r\nhi\r\n0\r\nx-amz-checksum-crc32:2JMqrA==\r\n\r\n');
    const r = decodeAwsChunked(body, null);
    expect(r).toEqual({
      ok: true,
      data: Buffer.from('hi'),
      trailers: { 'x-amz-checksum-crc32': '2JMqrA==' },
      chunks: 2,
    });
  });
});
