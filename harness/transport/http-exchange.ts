// httpExchange: one HTTP request over a keep-alive agent with first-byte and end timestamps and a total timeout.
import http from 'node:http';

export interface HttpExchangeInput {
  agent: http.Agent;
  host: string;
  port: number;
  method: string;
  path: string;
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
  headers?: http.IncomingHttpHeaders;
  body: Buffer;
  bytesOut: number;
  error?: string;
}

export function httpExchange(input: HttpExchangeInput): Promise<HttpExchangeResult> {
  const payload = Buffer.from(input.body, 'utf8');
  const headers: Record<string, string | number> = input.method === 'GET' && !payload.length ? {} : { 'content-type': 'application/json', 'content-length': payload.length };
  for (const [k, v] of input.headers) headers[k] = v;
  return new Promise((resolve) => {
    const sentMs = input.now();
    let firstByteMs: number | undefined;
    let settled = false;
    const chunks: Buffer[] = [];
    const finish = (r: Omit<HttpExchangeResult, 'sentMs' | 'body' | 'bytesOut'> & { body?: Buffer }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      resolve({ sentMs, bytesOut: payload.length, body: r.body ?? Buffer.concat(chunks), ...r, ...(firstByteMs === undefined ? {} : { firstByteMs }) });
    };
    const req = http.request({ agent: input.agent, host: input.host, port: input.port, method: input.method, path: input.path, headers });
    const timer = setTimeout(() => {
      finish({ outcome: 'timeout', endMs: input.now(), error: `no complete answer within ${input.timeoutMs} ms` });
      req.destroy();
    }, input.timeoutMs);
    const onAbort = () => {
      finish({ outcome: 'error', endMs: input.now(), error: 'aborted' });
      req.destroy();
    };
    input.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      firstByteMs = input.now();
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        input.onChunk?.(c, input.now());
      });
      res.on('end', () => finish({ outcome: 'ok', endMs: input.now(), httpStatus: res.statusCode ?? 0, headers: res.headers }));
      res.on('error', (e) => finish({ outcome: 'error', endMs: input.now(), httpStatus: res.statusCode ?? 0, error: `response broke off: ${e.message}` }));
      res.on('aborted', () => finish({ outcome: 'error', endMs: input.now(), httpStatus: res.statusCode ?? 0, error: 'connection closed mid-response' }));
      res.on('close', () => {
        if (!res.complete) finish({ outcome: 'error', endMs: input.now(), httpStatus: res.statusCode ?? 0, error: 'connection closed mid-response' });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish({ outcome: 'error', endMs: input.now(), error: e.code ? `${e.code}: ${e.message}` : e.message }));
    req.end(payload);
  });
}
