// S3Sink: a local S3-compatible upload sink (one bucket, per-run SigV4 credentials) that keeps and lists what the miner uploads.
// Subset: PutObject, GetObject/HeadObject (header or presigned auth, Range), DeleteObject, multipart upload,
// ListObjectsV2, HeadBucket/CreateBucket; path-style and virtual-hosted addressing. Objects go to <dir>/<bucket>/<key>.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseByteRange } from './byte-range.ts';
import { readS3Payload } from './s3-payload.ts';
import {
  completeMultipartXml,
  errorXml,
  initiateMultipartXml,
  listObjectsV2Xml,
  parseCompleteMultipart,
} from './s3-xml.ts';
import { verifySigV4, type SigV4Credentials } from './sigv4.ts';
import {
  closeServer,
  listenOn,
  type ServiceAddress,
  type ServiceBinding,
  type WorkloadService,
} from './workload-service.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';

/** One completed upload (a later upload to the same key is another entry). */
export interface SinkUpload {
  key: string;
  /** Relative to the uploads folder: <bucket>/<key>. */
  file: string;
  size: number;
  sha256: string;
  etag: string;
  contentType: string | null;
  /** ms on the injected clock. */
  t: number;
  via: 'put' | 'multipart';
  /** The peer address it came from. */
  from: string;
}

/** One request the sink answered (refused ones included, with the S3 error code). */
export interface SinkOperation {
  t: number;
  method: string;
  op: string;
  key: string | null;
  status: number;
  code?: string;
  message?: string;
  /** Object bytes received or sent. */
  bytes: number;
  from: string;
}

export interface S3SinkRecord {
  kind: 's3-sink';
  endpoint: string;
  bucket: string;
  uploads: SinkUpload[];
  operations: SinkOperation[];
  /** Requests refused (bad signature, wrong bucket, bad payload...). */
  refused: number;
}

export interface S3SinkOptions extends ServiceBinding {
  /** The uploads folder (the run's artifacts/uploads). Created if missing. */
  dir: string;
  bucket: string;
  credentials: SigV4Credentials;
  /** Largest object or part accepted, bytes (default 1 GiB). */
  maxObjectBytes?: number;
  now?: () => number;
  /** Wall clock for signature dates and presigned expiry (ms since the epoch). */
  wallNow?: () => number;
}

/** Fresh credentials for one run (the miner gets them through its environment; nothing else accepts them). */
export function sinkCredentials(): SigV4Credentials {
  return {
    accessKeyId: `MB${randomBytes(9).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64url'),
  };
}

/** Where a URL the miner answered with points: an object of the sink, or why not. */
export type SinkLookup =
  | { status: 'ok'; upload: SinkUpload; path: string }
  | { status: 'outside'; reason: string }
  | { status: 'missing'; key: string };

const KEY_OK = (key: string) =>
  key.length > 0 &&
  Buffer.byteLength(key) <= 1024 &&
  !key.includes('\0') &&
  !key.startsWith('/') &&
  key.split('/').every((s) => s !== '.' && s !== '..');

class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class S3Sink implements WorkloadService<S3SinkRecord> {
  readonly name = 'S3 sink';
  private readonly server: Server;
  private readonly uploads: SinkUpload[] = [];
  private readonly current = new Map<string, SinkUpload>();
  private readonly operations: SinkOperation[] = [];
  private readonly multipart = new Map<string, { key: string; parts: Map<number, string> }>();
  private address: ServiceAddress | null = null;
  private readonly claims = new Map<string, string>();
  private readonly now: () => number;
  private readonly wallNow: () => number;

  constructor(private readonly opts: S3SinkOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.wallNow = opts.wallNow ?? (() => Date.now());
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get bucket(): string {
    return this.opts.bucket;
  }

  get credentials(): SigV4Credentials {
    return this.opts.credentials;
  }

  async start(): Promise<ServiceAddress> {
    await mkdir(path.join(this.opts.dir, this.opts.bucket), { recursive: true });
    this.address = await listenOn(this.server, this.name, this.opts);
    return this.address;
  }

  /** The path-style URL of a key (what a miner's presigned URL points at, without the signature). */
  objectUrl(key: string): string {
    if (!this.address) throw new Error('S3Sink.objectUrl before start()');
    return `${this.address.url}/${this.opts.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Resolves a URL a miner answered with: same origin and bucket (path-style or virtual-hosted), and uploaded. */
  lookup(url: string): SinkLookup {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { status: 'outside', reason: `'${url.slice(0, 200)}' is not a URL` };
    }
    const own = this.address ? new URL(this.address.url) : null;
    if (!own || u.protocol !== 'http:' || u.port !== own.port)
      return { status: 'outside', reason: `${u.origin} is not the sink (${own?.origin ?? 'not started'})` };
    let key: string;
    const segments = u.pathname.split('/').slice(1).map(safeDecode);
    if (u.hostname === own.hostname && segments[0] === this.opts.bucket) key = segments.slice(1).join('/');
    else if (u.hostname === `${this.opts.bucket}.${own.hostname}`) key = segments.join('/');
    else
      return { status: 'outside', reason: `${u.host}${u.pathname} is not in bucket '${this.opts.bucket}' of the sink` };
    const upload = this.current.get(key);
    return upload ? { status: 'ok', upload, path: path.join(this.opts.dir, upload.file) } : { status: 'missing', key };
  }

  /** Marks an object (by key) as one answer's; returns the answer that claimed the same object before, if any. */
  claim(key: string, owner: string): string | null {
    const before = this.claims.get(key);
    if (before !== undefined && before !== owner) return before;
    this.claims.set(key, owner);
    return null;
  }

  record(): S3SinkRecord {
    return {
      kind: 's3-sink',
      endpoint: this.address?.url ?? '',
      bucket: this.opts.bucket,
      uploads: this.uploads.slice(),
      operations: this.operations.slice(),
      refused: this.operations.filter((o) => o.status >= 400).length,
    };
  }

  async stop(): Promise<S3SinkRecord> {
    await closeServer(this.server);
    await rm(path.join(this.opts.dir, '.multipart'), { recursive: true, force: true });
    return this.record();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t = this.now();
    const from = req.socket.remoteAddress ?? '';
    const [rawPath = '/', query = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
    const { bucket, key } = this.address_(req.headers.host ?? '', rawPath);
    const params = new URLSearchParams(query);
    const method = req.method ?? 'GET';
    const op = operationOf(method, key, params, req.headers);
    const log = (status: number, bytes: number, err?: S3Failure) => {
      this.operations.push({
        t,
        method,
        op,
        key,
        status,
        bytes,
        from,
        ...(err ? { code: err.code, message: err.message } : {}),
      });
    };
    try {
      const body = await readBody(req, (this.opts.maxObjectBytes ?? 2 ** 30) + 1024 * 1024);
      const auth = verifySigV4(
        { method, path: rawPath, query, headers: req.headers },
        this.opts.credentials,
        this.wallNow(),
      );
      if (!auth.ok) throw new S3Failure(403, auth.code, auth.message);
      if (bucket !== this.opts.bucket) throw new S3Failure(404, 'NoSuchBucket', `no bucket '${bucket}' here`);
      if (key !== null && !KEY_OK(key))
        throw new S3Failure(400, 'InvalidArgument', 'the key is empty, too long or has . or .. segments');
      const payload = () => {
        const p = readS3Payload(body, auth, req.headers);
        if (!p.ok) throw new S3Failure(400, p.code, p.message);
        if (p.data.length > (this.opts.maxObjectBytes ?? 2 ** 30))
          throw new S3Failure(400, 'EntityTooLarge', `${p.data.length} bytes is more than the sink accepts`);
        return p.data;
      };
      const sent = await this.serve(op, req, res, key, params, payload, from, t);
      log(res.statusCode, sent);
    } catch (e) {
      const err = e instanceof S3Failure ? e : new S3Failure(500, 'InternalError', (e as Error).message);
      if (!res.headersSent) {
        const xml = method === 'HEAD' ? '' : errorXml(err.code, err.message, rawPath, randomBytes(8).toString('hex'));
        res.writeHead(err.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
        res.end(xml);
      } else res.destroy();
      log(err.status, 0, err);
    }
  }

  /** Bucket and key from a virtual-hosted Host (bucket.host) or a path-style path (/bucket/key). */
  private address_(host: string, rawPath: string): { bucket: string; key: string | null } {
    const segments = rawPath.split('/').slice(1).map(safeDecode);
    const hostname = host.replace(/:\d+$/, '');
    if (hostname.startsWith(`${this.opts.bucket}.`)) {
      const key = segments.join('/');
      return { bucket: this.opts.bucket, key: key === '' ? null : key };
    }
    const key = segments.slice(1).join('/');
    return { bucket: segments[0] ?? '', key: key === '' ? null : key };
  }

  private async serve(
    op: string,
    req: IncomingMessage,
    res: ServerResponse,
    key: string | null,
    params: URLSearchParams,
    payload: () => Buffer,
    from: string,
    t: number,
  ): Promise<number> {
    const xml = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(text) }).end(text);
    };
    switch (op) {
      case 'HeadBucket':
      case 'CreateBucket':
        res.writeHead(200, { 'content-length': 0 }).end();
        return 0;
      case 'ListObjectsV2': {
        const prefix = params.get('prefix') ?? '';
        const listed = [...this.current.values()]
          .filter((u) => u.key.startsWith(prefix))
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map((u) => ({ key: u.key, size: u.size, etag: u.etag, lastModified: new Date(this.wallNow()) }));
        xml(200, listObjectsV2Xml(this.opts.bucket, prefix, listed));
        return 0;
      }
      case 'PutObject': {
        const data = payload();
        const etag = `"${createHash('md5').update(data).digest('hex')}"`;
        await this.store(key!, data, etag, req, 'put', from, t);
        res.writeHead(200, { etag, 'content-length': 0 }).end();
        return data.length;
      }
      case 'CreateMultipartUpload': {
        const uploadId = randomBytes(12).toString('hex');
        this.multipart.set(uploadId, { key: key!, parts: new Map() });
        xml(200, initiateMultipartXml(this.opts.bucket, key!, uploadId));
        return 0;
      }
      case 'UploadPart': {
        const upload = this.upload(params, key!);
        const n = Number(params.get('partNumber'));
        if (!Number.isInteger(n) || n < 1 || n > 10000)
          throw new S3Failure(400, 'InvalidArgument', 'partNumber must be 1..10000');
        const data = payload();
        const dir = path.join(this.opts.dir, '.multipart', params.get('uploadId')!);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, String(n)), data);
        const etag = `"${createHash('md5').update(data).digest('hex')}"`;
        upload.parts.set(n, etag);
        res.writeHead(200, { etag, 'content-length': 0 }).end();
        return data.length;
      }
      case 'CompleteMultipartUpload': {
        const upload = this.upload(params, key!);
        const listed = parseCompleteMultipart(payload().toString('utf8'));
        if (!listed || listed.length === 0) throw new S3Failure(400, 'MalformedXML', 'no parts listed');
        const uploadId = params.get('uploadId')!;
        const buffers: Buffer[] = [];
        const md5s: Buffer[] = [];
        let last = 0;
        for (const p of listed) {
          if (p.partNumber <= last)
            throw new S3Failure(400, 'InvalidPartOrder', 'parts must be listed in ascending order');
          last = p.partNumber;
          if (upload.parts.get(p.partNumber) !== p.etag)
            throw new S3Failure(400, 'InvalidPart', `part ${p.partNumber} was not uploaded with ETag ${p.etag}`);
          const part = await readFile(path.join(this.opts.dir, '.multipart', uploadId, String(p.partNumber)));
          buffers.push(part);
          md5s.push(createHash('md5').update(part).digest());
        }
        const data = Buffer.concat(buffers);
        const etag = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${listed.length}"`;
        await this.store(key!, data, etag, req, 'multipart', from, t);
        this.multipart.delete(uploadId);
        await rm(path.join(this.opts.dir, '.multipart', uploadId), { recursive: true, force: true });
        xml(200, completeMultipartXml(this.objectUrl(key!), this.opts.bucket, key!, etag));
        return data.length;
      }
      case 'AbortMultipartUpload': {
        this.upload(params, key!);
        const uploadId = params.get('uploadId')!;
        this.multipart.delete(uploadId);
        await rm(path.join(this.opts.dir, '.multipart', uploadId), { recursive: true, force: true });
        res.writeHead(204).end();
        return 0;
      }
      case 'DeleteObject': {
        const had = this.current.get(key!);
        if (had) {
          this.current.delete(key!);
          await rm(path.join(this.opts.dir, had.file), { force: true });
        }
        res.writeHead(204).end();
        return 0;
      }
      case 'GetObject':
      case 'HeadObject':
        return this.sendObject(key!, req, res, op === 'HeadObject');
      default:
        throw new S3Failure(501, 'NotImplemented', `${op} is not supported by the minerbench sink`);
    }
  }

  private upload(params: URLSearchParams, key: string) {
    const upload = this.multipart.get(params.get('uploadId') ?? '');
    if (!upload || upload.key !== key) throw new S3Failure(404, 'NoSuchUpload', 'no such multipart upload');
    return upload;
  }

  private async store(
    key: string,
    data: Buffer,
    etag: string,
    req: IncomingMessage,
    via: SinkUpload['via'],
    from: string,
    t: number,
  ): Promise<void> {
    const file = path.join(this.opts.bucket, key);
    const full = path.join(this.opts.dir, file);
    await mkdir(path.dirname(full), { recursive: true });
    const temp = `${full}.part-${randomBytes(4).toString('hex')}`;
    await writeFile(temp, data);
    await rename(temp, full);
    const type = req.headers['content-type'];
    const upload: SinkUpload = {
      key,
      file,
      size: data.length,
      sha256: sha256Hex(data),
      etag,
      contentType: typeof type === 'string' ? type : null,
      t,
      via,
      from,
    };
    this.uploads.push(upload);
    this.current.set(key, upload);
  }

  private sendObject(key: string, req: IncomingMessage, res: ServerResponse, head: boolean): number {
    const upload = this.current.get(key);
    if (!upload) throw new S3Failure(404, 'NoSuchKey', 'The specified key does not exist.');
    const range = parseByteRange(req.headers.range, upload.size);
    if (range === 'unsatisfiable') throw new S3Failure(416, 'InvalidRange', 'The requested range is not satisfiable');
    const [start, end] = range ?? [0, upload.size - 1];
    const length = upload.size === 0 ? 0 : end - start + 1;
    res.writeHead(range ? 206 : 200, {
      'content-type': upload.contentType ?? 'application/octet-stream',
      'content-length': length,
      etag: upload.etag,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${upload.size}` } : {}),
    });
    if (head || length === 0) {
      res.end();
      return 0;
    }
    createReadStream(path.join(this.opts.dir, upload.file), { start, end })
      .on('error', () => res.destroy())
      .pipe(res);
    return length;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The S3 operation a request asks for, from its method, key and query (the names S3's API uses). */
function operationOf(
  method: string,
  key: string | null,
  params: URLSearchParams,
  headers: IncomingMessage['headers'],
): string {
  if (key === null) {
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'GET') return 'ListObjectsV2';
    return `${method} bucket`;
  }
  if (method === 'PUT') {
    if (headers['x-amz-copy-source']) return 'CopyObject';
    return params.has('uploadId') ? 'UploadPart' : 'PutObject';
  }
  if (method === 'POST')
    return params.has('uploads')
      ? 'CreateMultipartUpload'
      : params.has('uploadId')
        ? 'CompleteMultipartUpload'
        : 'PostObject';
  if (method === 'DELETE') return params.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
  if (method === 'GET') return 'GetObject';
  if (method === 'HEAD') return 'HeadObject';
  return method;
}

/** The whole request body, refused past `limit` bytes (EntityTooLarge). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new S3Failure(400, 'EntityTooLarge', `the request body is larger than ${limit} bytes`);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}
