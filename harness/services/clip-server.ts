// ClipServer: a local HTTP file server for input clips (GET/HEAD /clips/<name>), counting every request it answers.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseByteRange } from './byte-range.ts';
import {
  closeServer,
  listenOn,
  type ServiceAddress,
  type ServiceBinding,
  type WorkloadService,
} from './workload-service.ts';

export interface ClipRequest {
  /** ms on the injected clock when the request arrived. */
  t: number;
  method: string;
  path: string;
  status: number;
  /** Body bytes sent (0 for HEAD and errors). */
  bytes: number;
  /** The peer's address (which container asked). */
  from: string;
}

export interface ClipServerRecord {
  kind: 'clip-server';
  url: string;
  requests: ClipRequest[];
  /** Requests answered 200/206, per clip name. */
  servedByClip: Record<string, number>;
  /** Paths that were asked for but do not exist (answered 404), each once, in order of first request. */
  notFound: string[];
}

export interface ClipServerOptions extends ServiceBinding {
  /** Folder whose files are served as /clips/<file name> (no sub-folders). */
  root: string;
  now?: () => number;
}

const CLIP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.mkv': 'video/x-matroska', '.webm': 'video/webm' };

export class ClipServer implements WorkloadService<ClipServerRecord> {
  readonly name = 'clip server';
  private readonly server: Server;
  private readonly requests: ClipRequest[] = [];
  private address: ServiceAddress | null = null;
  private readonly now: () => number;

  constructor(private readonly opts: ClipServerOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<ServiceAddress> {
    this.address = await listenOn(this.server, this.name, this.opts);
    return this.address;
  }

  /** The URL the miner is given for a clip file name. */
  clipUrl(name: string): string {
    if (!this.address) throw new Error('ClipServer.clipUrl before start()');
    return `${this.address.url}/clips/${encodeURIComponent(name)}`;
  }

  /** The served file of a clip name, and its reference (references/<name> when the clip was scaled down from one). */
  clipFiles(name: string): { served: string; reference: string } {
    const served = path.join(this.opts.root, name);
    const reference = path.join(this.opts.root, 'references', name);
    return { served, reference: existsSync(reference) ? reference : served };
  }

  /** What was recorded so far (the run may look while it collects). */
  record(): ClipServerRecord {
    const servedByClip: Record<string, number> = {};
    const notFound: string[] = [];
    for (const r of this.requests) {
      const name = r.path.startsWith('/clips/') ? decodeURIComponent(r.path.slice(7)) : r.path;
      if (r.status === 200 || r.status === 206) servedByClip[name] = (servedByClip[name] ?? 0) + 1;
      else if (r.status === 404 && !notFound.includes(r.path)) notFound.push(r.path);
    }
    return {
      kind: 'clip-server',
      url: this.address?.url ?? '',
      requests: this.requests.slice(),
      servedByClip,
      notFound,
    };
  }

  async stop(): Promise<ClipServerRecord> {
    await closeServer(this.server);
    return this.record();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t = this.now();
    const urlPath = (req.url ?? '/').split('?')[0]!;
    const from = req.socket.remoteAddress ?? '';
    const done = (status: number, bytes: number): void => {
      this.requests.push({ t, method: req.method ?? '', path: urlPath, status, bytes, from });
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-length': 0 }).end();
      return done(405, 0);
    }
    const name = urlPath.startsWith('/clips/') ? safeDecode(urlPath.slice(7)) : '';
    const file = CLIP_NAME.test(name) ? path.join(this.opts.root, name) : null;
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      const body = 'Not Found\n';
      res.writeHead(404, { 'content-type': 'text/plain', 'content-length': body.length }).end(body);
      return done(404, 0);
    }
    const range = parseByteRange(req.headers.range, info.size);
    const headers: Record<string, string | number> = {
      'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'last-modified': info.mtime.toUTCString(),
    };
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-range': `bytes */${info.size}`, 'content-length': 0 }).end();
      return done(416, 0);
    }
    const [start, end] = range ?? [0, info.size - 1];
    const length = info.size === 0 ? 0 : end - start + 1;
    headers['content-length'] = length;
    if (range) headers['content-range'] = `bytes ${start}-${end}/${info.size}`;
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return done(range ? 206 : 200, 0);
    }
    const stream = createReadStream(file, { start, end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    res.on('close', () => done(range ? 206 : 200, res.writableFinished ? length : 0));
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
