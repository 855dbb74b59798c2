// httpExchange: one HTTP request over a keep-alive undici dispatcher with first-byte and end timestamps and a total timeout.
import { Agent, type Dispatcher } from 'undici';

/** Response headers: lower-cased names; a repeated header is an array. */
export type HttpHeaders = Record<string, string | string[] | undefined>;

/**
 * The keep-alive connections of one transport: a pool per origin, one request in flight per connection (never
 * pipelined, so latency stays honest) and never a wait for a connection: a request goes out at once on an idle one
 * or a new one. undici reuses a connection only one event-loop turn after its answer ended, so a closed loop of N
 * workers keeps up to about 2N connections open. No undici timeouts: httpExchange's total timeout is the only one.
 * Idle connections are kept 60 s unless the miner says less (Keep-Alive: timeout=...).
 */
export function keepAliveDispatcher(): Dispatcher {
  return new Agent({ pipelining: 1, connections: null, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000, headersTimeout: 0, bodyTimeout: 0, connectTimeout: 0 });
}

export interface HttpExchangeInput {
  /** From keepAliveDispatcher(); the caller closes it. */
  dispatcher: Dispatcher;
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
}

export interface HttpExchangeResult {
  outcome: 'ok' | 'timeout' | 'error';
  sentMs: number;
  firstByteMs?: number;
  endMs: number;
  httpStatus?: number;
  headers?: HttpHeaders;
  body: Buffer;
  bytesOut: number;
  error?: string;
}

const EMPTY = Buffer.alloc(0);

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
    signal.addEventListener('abort', () => {
      for (const x of [...exchanges]) x.finish('error', 'aborted');
    }, { once: true });
  }
  return list;
}

function timedOut(x: Exchange): void {
  x.finish('timeout', `no complete answer within ${x.input.timeoutMs} ms`);
}

export function httpExchange(input: HttpExchangeInput): Promise<HttpExchangeResult> {
  return new Promise((resolve) => new Exchange(input, resolve).start());
}

/** One request's undici handler and its settling: exactly one result, whichever of end, error, timeout or abort comes first. */
class Exchange implements Dispatcher.DispatchHandler {
  private readonly payload: Buffer;
  private sentMs = 0;
  private firstByteMs: number | undefined;
  private httpStatus: number | undefined;
  private headers: HttpHeaders | undefined;
  private chunks: Buffer[] | null = null;
  private timer: NodeJS.Timeout | undefined;
  private controller: Dispatcher.DispatchController | null = null;
  private settled = false;
  private inFlight: Exchange[] | null = null;
  private slot = 0;

  constructor(
    readonly input: HttpExchangeInput,
    private readonly resolve: (r: HttpExchangeResult) => void,
  ) {
    this.payload = Buffer.from(input.body, 'utf8');
  }

  start(): void {
    const { input, payload } = this;
    const headers: string[] = input.method === 'GET' && !payload.length ? [] : ['content-type', 'application/json'];
    for (const [k, v] of input.headers) headers.push(k, v);
    const origin = `http://${input.host.includes(':') ? `[${input.host}]` : input.host}:${input.port}`;
    this.sentMs = input.now();
    this.timer = setTimeout(timedOut, input.timeoutMs, this);
    if (input.signal) {
      if (input.signal.aborted) return this.finish('error', 'aborted');
      const list = (this.inFlight = inFlightOn(input.signal));
      this.slot = list.push(this) - 1;
    }
    input.dispatcher.dispatch({ origin, method: input.method as Dispatcher.HttpMethod, path: input.path, headers, body: payload.length || input.method !== 'GET' ? payload : null }, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) controller.abort(new Error('settled'));
    else this.controller = controller;
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: HttpHeaders): void {
    if (this.settled) return;
    this.firstByteMs = this.input.now();
    this.httpStatus = statusCode;
    this.headers = headers;
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    (this.chunks ??= []).push(chunk);
    this.input.onChunk?.(chunk, this.input.now());
  }

  onResponseEnd(): void {
    this.finish('ok');
  }

  onResponseError(_c: Dispatcher.DispatchController, e: Error & { code?: string }): void {
    if (this.settled) return;
    const code = e.code ?? '';
    if (this.httpStatus === undefined) this.finish('error', code === 'UND_ERR_SOCKET' ? `connection closed before the answer: ${e.message}` : code && !code.startsWith('UND_ERR') ? `${code}: ${e.message}` : e.message, false);
    else this.finish('error', code.startsWith('HPE_') ? `response broke off: ${e.message}` : 'connection closed mid-response', true);
  }

  /** withStatus: the answer had begun (an ok end, or an error within the response); a timeout or abort leaves the status out. */
  finish(outcome: HttpExchangeResult['outcome'], error?: string, withStatus = outcome === 'ok'): void {
    if (this.settled) return;
    this.settled = true;
    const endMs = this.input.now();
    clearTimeout(this.timer);
    const list = this.inFlight;
    if (list) {
      const last = list.pop()!;
      if (last !== this) list[(last.slot = this.slot)] = last;
      this.inFlight = null;
    }
    // A request cut short (timeout, abort) closes its connection, as the miner would see a validator give up.
    if (outcome !== 'ok') this.controller?.abort(new Error(error));
    const c = this.chunks;
    const r: HttpExchangeResult = { outcome, sentMs: this.sentMs, endMs, body: c === null ? EMPTY : c.length === 1 ? c[0]! : Buffer.concat(c), bytesOut: this.payload.length };
    if (this.firstByteMs !== undefined) r.firstByteMs = this.firstByteMs;
    if (withStatus && this.httpStatus !== undefined) r.httpStatus = this.httpStatus;
    if (this.headers !== undefined && outcome === 'ok') r.headers = this.headers;
    if (error !== undefined) r.error = error;
    this.resolve(r);
  }
}
