// S3Sink against a real S3 client (@aws-sdk/client-s3): SigV4, put/get/head/list/delete, multipart, refusals, the record.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Sink, sinkCredentials } from '../../harness/services/s3-sink.ts';

let dir: string;
let sink: S3Sink;
let client: S3Client;
const creds = sinkCredentials();

function clientWith(secret: string, forcePathStyle = true): S3Client {
  return new S3Client({
    endpoint: sink.objectUrl('x').replace(/\/runs\/x$/, ''),
    region: 'us-east-1',
    forcePathStyle,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: secret },
    maxAttempts: 1,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'minerbench-sink-'));
  sink = new S3Sink({ host: '127.0.0.1', port: 0, dir, bucket: 'runs', credentials: creds });
  await sink.start();
  client = clientWith(creds.secretAccessKey);
});

afterAll(async () => {
  client?.destroy();
  await sink?.stop();
  await rm(dir, { recursive: true, force: true });
});

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('S3Sink with @aws-sdk/client-s3', () => {
  it('stores a PutObject under uploads/<bucket>/<key> and lists it with size and sha256', async () => {
    const body = Buffer.from('first clip bytes');
    await client.send(
      new PutObjectCommand({ Bucket: 'runs', Key: 'out/a b.mp4', Body: body, ContentType: 'video/mp4' }),
    );
    expect(await readFile(path.join(dir, 'runs', 'out/a b.mp4'))).toEqual(body);
    const u = sink.record().uploads.find((x) => x.key === 'out/a b.mp4');
    expect(u).toMatchObject({
      size: 16,
      sha256: sha(body),
      contentType: 'video/mp4',
      via: 'put',
      file: 'runs/out/a b.mp4',
    });
  });

  it('answers GetObject, HeadObject (with Range) and ListObjectsV2', async () => {
    const got = await client.send(new GetObjectCommand({ Bucket: 'runs', Key: 'out/a b.mp4' }));
    expect(await got.Body!.transformToString()).toBe('first clip bytes');
    const part = await client.send(new GetObjectCommand({ Bucket: 'runs', Key: 'out/a b.mp4', Range: 'bytes=6-9' }));
    expect(await part.Body!.transformToString()).toBe('clip');
    const head = await client.send(new HeadObjectCommand({ Bucket: 'runs', Key: 'out/a b.mp4' }));
    expect(head.ContentLength).toBe(16);
    const list = await client.send(new ListObjectsV2Command({ Bucket: 'runs', Prefix: 'out/' }));
    expect(list.Contents?.map((c) => [c.Key, c.Size])).toEqual([['out/a b.mp4', 16]]);
  });

  it('accepts a streamed body of known length', async () => {
    const text = 'x'.repeat(70_000);
    await client.send(
      new PutObjectCommand({ Bucket: 'runs', Key: 'stream.bin', Body: Readable.from([text]), ContentLength: 70_000 }),
    );
    expect(sink.record().uploads.find((u) => u.key === 'stream.bin')?.sha256).toBe(sha(text));
  });

  it('assembles a multipart upload in part order with the multipart ETag', async () => {
    const a = Buffer.alloc(5 * 1024 * 1024, 1);
    const b = Buffer.from('tail');
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'runs', Key: 'big.mp4' }));
    const e1 = await client.send(
      new UploadPartCommand({ Bucket: 'runs', Key: 'big.mp4', UploadId, PartNumber: 1, Body: a }),
    );
    const e2 = await client.send(
      new UploadPartCommand({ Bucket: 'runs', Key: 'big.mp4', UploadId, PartNumber: 2, Body: b }),
    );
    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'runs',
        Key: 'big.mp4',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: e1.ETag },
            { PartNumber: 2, ETag: e2.ETag },
          ],
        },
      }),
    );
    // S3's multipart ETag: md5 of the concatenated binary md5s of the parts, then '-' and the part count.
    const md5 = (x: Buffer) => createHash('md5').update(x).digest();
    expect(done.ETag).toBe(
      `"${createHash('md5')
        .update(Buffer.concat([md5(a), md5(b)]))
        .digest('hex')}-2"`,
    );
    const u = sink.record().uploads.find((x) => x.key === 'big.mp4')!;
    expect(u.size).toBe(5 * 1024 * 1024 + 4);
    expect(u.sha256).toBe(sha(Buffer.concat([a, b])));
    expect(u.via).toBe('multipart');
  });

  it('refuses a wrong secret, a wrong bucket and a missing key with S3 error codes, and records them', async () => {
    const bad = clientWith('not-the-secret');
    await expect(bad.send(new PutObjectCommand({ Bucket: 'runs', Key: 'evil', Body: 'x' }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    bad.destroy();
    await expect(client.send(new PutObjectCommand({ Bucket: 'other', Key: 'k', Body: 'x' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });
    await expect(client.send(new GetObjectCommand({ Bucket: 'runs', Key: 'never' }))).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
    const codes = sink
      .record()
      .operations.filter((o) => o.status >= 400)
      .map((o) => `${o.op} ${o.status} ${o.code}`);
    expect(codes).toEqual([
      'PutObject 403 SignatureDoesNotMatch',
      'PutObject 404 NoSuchBucket',
      'GetObject 404 NoSuchKey',
    ]);
    expect(sink.record().uploads.some((u) => u.key === 'evil')).toBe(false);
  });

  it('deletes an object, keeping the upload in the record', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'runs', Key: 'gone.txt', Body: 'bye' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'runs', Key: 'gone.txt' }));
    expect(sink.lookup(sink.objectUrl('gone.txt'))).toEqual({ status: 'missing', key: 'gone.txt' });
    expect(sink.record().uploads.filter((u) => u.key === 'gone.txt')).toHaveLength(1);
  });

  it('tells a URL of the sink from one outside it', () => {
    const ok = sink.lookup(`${sink.objectUrl('out/a b.mp4')}?X-Amz-Signature=abc`);
    expect(ok.status).toBe('ok');
    expect(sink.lookup('http://198.51.100.7/runs/out/a%20b.mp4').status).toBe('outside');
    expect(sink.lookup(sink.objectUrl('x').replace('/runs/', '/elsewhere/')).status).toBe('outside');
    expect(sink.lookup('not a url')).toEqual({ status: 'outside', reason: "'not a url' is not a URL" });
  });
});
