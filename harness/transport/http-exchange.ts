// httpExchange: one HTTP/1.1 request on a pooled keep-alive node:net socket, with first-byte and end timestamps and a total timeout.
import net from 'node:net';
import { HttpParseError, HttpResponseParser, type HttpHeaders, type ResponseEvents } from './http-response-parser.ts';
import type { SendOutcome } from './transport.ts';

export type { HttpHeaders } from './http-response-parser.ts';

/** Idle connections are kept this long unless the miner says less (Keep-Alive: timeout=...). */
const IDLE_MS = 60_000;
/** An idle connection is not reused within this margin of the miner's keep-alive timeout (the miner may be closing it). */
const IDLE_MARGIN_MS = 1_000;

/** One keep-alive connection: one request in flight at most, never pipelined. */
class Conn {
  readonly socket: net.Socket;
  exchange: Exchange | null = null;
  /** Requests this connection has carried (a reused connection that dies before an answer is a keep-alive race). */
  uses = 0;
  idleSince = 0;
  idleMs = IDLE_MS;
  connected = false;
  error: (Error & { code?: string }) | undefined;

  constructor(
    readonly pool: HttpPool,
    readonly key: string,
    host: string,
    port: number,
  ) {
    const s = (this.socket = net.connect({ host, port, noDelay: true }));
    s.on('connect', () => (this.connected = true));
    s.on('data', (b: Buffer) => {
      const x = this.exchange;
      if (x) x.read(b);
      else s.destroy(); // bytes nobody asked for: the connection is not safe to reuse
    });
    s.on('error', (e) => (this.error = e));
    s.on('close', () => {
      this.pool.forget(this);
      const x = this.exchange;
      this.exchange = null;
      x?.onClose(this);
    });
  }
}

/**
 * The keep-alive connections of one transport: a pool per origin (host:port), idle connections reused last-in first-out,
 * one request in flight per connection (never pipelined, so latency stays honest) and never a wait for a connection: a
 * request goes out at once on an idle one or a new one, so the connections open equal the peak of requests in flight.
 * Idle connections are kept 60 s unless the miner says less (Keep-Alive: timeout=...). No timeouts but httpExchange's own.
 */
export class HttpPool {
  private readonly idle = new Map<string, Conn[]>();
  private readonly all = new Set<Conn>();
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;

  /** An idle connection to host:port (most recently used first) or a new one. */
  acquire(host: string, port: number, fresh = false): Conn {
    const key = `${host}:${port}`;
    const list = fresh ? undefined : this.idle.get(key);
    if (list) {
      const t = Date.now();
      while (list.length) {
        const c = list.pop()!;
        if (t - c.idleSince < c.idleMs - IDLE_MARGIN_MS && !c.socket.destroyed) {
          c.socket.ref();
          return c;
        }
        c.socket.destroy();
      }
    }
    const c = new Conn(this, key, host, port);
    if (this.closed) c.socket.destroy();
    this.all.add(c);
    if (this.sweeper === undefined) {
      this.sweeper = setInterval(() => this.sweep(), 5_000);
      this.sweeper.unref();
    }
    return c;
  }

  /** A connection whose response completed and may carry another request. */
  release(c: Conn, keepAliveTimeoutS: number | undefined): void {
    c.exchange = null;
    if (this.closed || c.socket.destroyed) return void c.socket.destroy();
    c.idleSince = Date.now();
    if (keepAliveTimeoutS !== undefined) c.idleMs = Math.min(IDLE_MS, keepAliveTimeoutS * 1000);
    c.socket.unref();
    let list = this.idle.get(c.key);
    if (!list) this.idle.set(c.key, (list = []));
    list.push(c);
  }

  /** A closed connection leaves the pool. */
  forget(c: Conn): void {
    this.all.delete(c);
    const list = this.idle.get(c.key);
    const i = list ? list.indexOf(c) : -1;
    if (i >= 0) list!.splice(i, 1);
  }

  private sweep(): void {
    const t = Date.now();
    for (const list of this.idle.values())
      for (const c of [...list]) if (t - c.idleSince >= c.idleMs - IDLE_MARGIN_MS) c.socket.destroy();
  }

  /** Destroys every connection, idle or busy (a request in flight ends as an error). */
  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const c of [...this.all]) c.socket.destroy();
    this.idle.clear();
  }

  /** close(), for callers that await it. */
  destroy(): Promise<void> {
    this.close();
    return Promise.resolve();
  }
}

/** A transport's keep-alive connection pool; the caller closes it. */
export function keepAliveDispatcher(): HttpPool {
  return new HttpPool();
}

export interface HttpExchangeInput {
  /** From keepAliveDispatcher(); the caller closes it. */
  dispatcher: HttpPool;
  host: string;
  port: number;
  method: string;
  path: string;
  /** Sent as given (names keep their case and underscores). */
  headers: Array<[string, string]>;
  body: string;
  timeoutMs: number;
  now: () => number;
  signal?: AbortSignal;
  /** Streaming: called with each body chunk as it arrives (run clock ms). */
  onChunk?: (chunk: Buffer, atMs: number) => void;
  /**
   * The most body bytes the answer may have: a longer one (by its content-length, or as it streams in) ends the
   * exchange as the error `answer over N bytes` and drops the connection; none of its body is kept.
   */
  maxBodyBytes?: number;
}

export interface HttpExchangeResult {
  outcome: 'ok' | 'timeout' | 'error';
  sentMs: number;
  firstByteMs?: number;
  endMs: number;
  httpStatus?: number;
  headers?: HttpHeaders;
  body: Buffer;
  /** Body bytes read: body.length, or for an answer over maxBodyBytes what was read of it (its body is not kept). */
  bytesIn: number;
  bytesOut: number;
  error?: string;
}

const EMPTY = Buffer.alloc(0);
const UNSAFE = /[\r\n\0]/;
const UNSAFE_PATH = /[\s\0]/;

/**
 * The exchanges in flight per abort signal, with one abort listener per signal: a run's many queries share its signal,
 * and a listener added and removed per query costs more than the query's own work. A plain array with swap-remove
 * (each exchange knows its slot): a Set or a listener per query keeps dead exchanges past young-generation GCs.
 */
const inFlight = new WeakMap<AbortSignal, Exchange[]>();

function inFlightOn(signal: AbortSignal): Exchange[] {
  let list = inFlight.get(signal);
  if (!list) {
    const exchanges: Exchange[] = (list = []);
    inFlight.set(signal, list);
    signal.addEventListener(
      'abort',
      () => {
        for (const x of [...exchanges]) x.finish('error', 'aborted');
      },
      { once: true },
    );
  }
  return list;
}

function timedOut(x: Exchange): void {
  x.finish('timeout', `no complete answer within ${x.input.timeoutMs} ms`);
}

export function httpExchange(input: HttpExchangeInput): Promise<HttpExchangeResult> {
  return new Promise((resolve) => new Exchange(input, resolve).start());
}

/** One request and its settling: exactly one result, whichever of end, error, timeout or abort comes first. */
class Exchange implements ResponseEvents {
  private request = '';
  private bytesOut = 0;
  private sentMs = 0;
  private firstByteMs: number | undefined;
  private httpStatus: number | undefined;
  private headers: HttpHeaders | undefined;
  private chunks: Buffer[] | null = null;
  private bodyBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private conn: Conn | null = null;
  private parser: HttpResponseParser | null = null;
  /** The clock at the socket read being parsed. */
  private atMs = 0;
  private gotBytes = false;
  private retried = false;
  private settled = false;
  private inFlight: Exchange[] | null = null;
  private slot = 0;

  constructor(
    readonly input: HttpExchangeInput,
    private readonly resolve: (r: HttpExchangeResult) => void,
  ) {}

  start(): void {
    const { input } = this;
    const body = input.body;
    let head = `${input.method} ${input.path} HTTP/1.1\r\nhost: ${input.host.includes(':') ? `[${input.host}]` : input.host}:${input.port}\r\n`;
    const withBody = input.method !== 'GET' || body.length > 0;
    if (withBody) head += 'content-type: application/json\r\n';
    let bad = UNSAFE_PATH.test(input.path) || !/^[A-Z]+$/.test(input.method);
    for (const [k, v] of input.headers) {
      if (UNSAFE.test(k) || UNSAFE.test(v) || k.includes(':')) bad = true;
      head += `${k}: ${v}\r\n`;
    }
    if (withBody) {
      this.bytesOut = Buffer.byteLength(body);
      head += `content-length: ${this.bytesOut}\r\n\r\n${body}`;
    } else head += '\r\n';
    this.request = head;
    this.sentMs = input.now();
    this.timer = setTimeout(timedOut, input.timeoutMs, this);
    if (input.signal) {
      if (input.signal.aborted) return this.finish('error', 'aborted');
      const list = (this.inFlight = inFlightOn(input.signal));
      this.slot = list.push(this) - 1;
    }
    if (bad) return this.finish('error', 'invalid request: a method, path or header holds a forbidden character');
    this.send(input.dispatcher.acquire(input.host, input.port));
  }

  private send(conn: Conn): void {
    this.conn = conn;
    conn.exchange = this;
    conn.uses++;
    this.parser = new HttpResponseParser(this, this.input.method === 'HEAD');
    this.sentMs = this.input.now();
    conn.socket.write(this.request);
  }

  onHead(status: number, headers: HttpHeaders): void {
    this.firstByteMs = this.atMs;
    this.httpStatus = status;
    this.headers = headers;
    const max = this.input.maxBodyBytes;
    const length = headers['content-length'];
    if (max !== undefined && typeof length === 'string' && Number(length) > max) this.tooBig(max);
  }

  onData(chunk: Buffer): void {
    if (this.settled) return;
    const max = this.input.maxBodyBytes;
    this.bodyBytes += chunk.length;
    if (max !== undefined && this.bodyBytes > max) return this.tooBig(max);
    (this.chunks ??= []).push(chunk);
    this.input.onChunk?.(chunk, this.atMs);
  }

  /** An answer over the limit: an error, and the connection dropped before more of it is read; nothing of it is kept. */
  private tooBig(max: number): void {
    this.chunks = null;
    this.finish('error', `answer over ${max} bytes (transport.maxResponseBytes)`, true);
  }

  /** Bytes from the socket. */
  read(b: Buffer): void {
    if (this.settled) return;
    this.atMs = this.input.now();
    this.gotBytes = true;
    const p = this.parser!;
    let used: number;
    try {
      used = p.push(b);
      if (this.settled) return; // the answer went over its size limit
    } catch (e) {
      const msg = e instanceof HttpParseError ? e.message : String(e);
      return this.finish(
        'error',
        this.httpStatus === undefined ? `malformed response: ${msg}` : `response broke off: ${msg}`,
        true,
      );
    }
    if (!p.done) return;
    const conn = this.conn!;
    this.conn = null;
    this.finish('ok', undefined, true, this.atMs);
    if (used < b.length || !p.keepAlive) conn.socket.destroy();
    else this.input.dispatcher.release(conn, p.keepAliveTimeoutS);
  }

  /** The connection closed while this exchange had it. */
  onClose(conn: Conn): void {
    if (this.settled || conn !== this.conn) return;
    this.conn = null;
    if (this.parser!.end()) return this.finish('ok');
    const e = conn.error;
    if (this.httpStatus !== undefined) return this.finish('error', 'connection closed mid-response', true);
    if (!this.gotBytes && conn.uses > 1 && !this.retried) {
      // A reused connection the miner closed as the request went out (a keep-alive race): once more on a new one.
      this.retried = true;
      return this.send(this.input.dispatcher.acquire(this.input.host, this.input.port, true));
    }
    if (!conn.connected && e?.code) return this.finish('error', `${e.code}: ${e.message}`);
    this.finish(
      'error',
      e
        ? `connection closed before the answer: ${e.code ? `${e.code}: ` : ''}${e.message}`
        : 'connection closed before the answer',
    );
  }

  /** withStatus: the answer had begun (an ok end, or an error within the response); a timeout or abort leaves the status out. */
  finish(
    outcome: HttpExchangeResult['outcome'],
    error?: string,
    withStatus = outcome === 'ok',
    endMs = this.input.now(),
  ): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    const list = this.inFlight;
    if (list) {
      const last = list.pop()!;
      if (last !== this) list[(last.slot = this.slot)] = last;
      this.inFlight = null;
    }
    // A request cut short (timeout, abort, a broken answer) closes its connection, as the miner would see a validator give up.
    const conn = this.conn;
    if (conn) {
      this.conn = null;
      conn.exchange = null;
      conn.socket.destroy();
    }
    const c = this.chunks;
    const r: HttpExchangeResult = {
      outcome,
      sentMs: this.sentMs,
      endMs,
      body: c === null ? EMPTY : c.length === 1 ? c[0]! : Buffer.concat(c),
      bytesIn: this.bodyBytes,
      bytesOut: this.bytesOut,
    };
    if (this.firstByteMs !== undefined) r.firstByteMs = this.firstByteMs;
    if (withStatus && this.httpStatus !== undefined) r.httpStatus = this.httpStatus;
    if (this.headers !== undefined && outcome === 'ok') r.headers = this.headers;
    if (error !== undefined) r.error = error;
    this.resolve(r);
  }
}

/** The timing, status and byte counts every outcome of an exchange carries. */
export function outcomeOf(
  r: HttpExchangeResult,
  ok: boolean,
  error: string | undefined,
): Omit<SendOutcome, 'response'> {
  return {
    status: r.outcome === 'timeout' ? 'timeout' : ok ? 'ok' : 'error',
    sentMs: r.sentMs,
    ...(r.firstByteMs === undefined ? {} : { firstByteMs: r.firstByteMs }),
    endMs: r.endMs,
    ...(r.httpStatus === undefined ? {} : { httpStatus: r.httpStatus }),
    bytesIn: r.bytesIn,
    bytesOut: r.bytesOut,
    ...(error ? { error } : {}),
  };
}
