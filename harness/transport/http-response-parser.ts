// HttpResponseParser: an incremental HTTP/1.x response parser, fed the bytes of one response as they arrive.
// Status line and headers, then a body framed by content-length, chunked transfer encoding or the close of the
// connection. Pure: no sockets, no clock; malformed input throws HttpParseError, never waits for more.

/** Response headers: lower-cased names; a repeated header is an array. */
export type HttpHeaders = Record<string, string | string[] | undefined>;

export class HttpParseError extends Error {}

export interface ResponseEvents {
  /** The final (non-1xx) status line and headers. */
  onHead(status: number, headers: HttpHeaders): void;
  /** A piece of the body (chunked framing removed), as soon as it is here; never empty. */
  onData(chunk: Buffer): void;
}

const MAX_HEAD = 64 * 1024;
const MAX_LINE = 8 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

const enum S {
  Head,
  Fixed,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailers,
  UntilClose,
  Done,
}

const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [^\r\n]*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;[^\r\n]*)?$/;

export class HttpResponseParser {
  private state = S.Head;
  /** Head bytes or a chunk-size / trailer line received so far. */
  private pending: Buffer | null = null;
  private remaining = 0;
  private trailerBytes = 0;
  /** The status of the final response (after any 1xx), or undefined before its head. */
  status: number | undefined;
  headers: HttpHeaders | undefined;
  /** Whether the connection may carry another request once this response is complete. */
  keepAlive = false;
  /** Set when the miner said Keep-Alive: timeout=N (seconds). */
  keepAliveTimeoutS: number | undefined;

  /** noBody: the request was a HEAD (the answer has headers only). */
  constructor(
    private readonly events: ResponseEvents,
    private readonly noBody = false,
  ) {}

  get done(): boolean {
    return this.state === S.Done;
  }

  /**
   * Feeds the next bytes; returns how many belong to this response (less than buf.length only once it is complete:
   * the rest is bytes the server should not have sent). Throws HttpParseError on malformed input.
   */
  push(buf: Buffer): number {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      switch (this.state) {
        case S.Head: {
          i = this.head(buf, i);
          break;
        }
        case S.Fixed: {
          const take = Math.min(this.remaining, n - i);
          this.events.onData(take === n && i === 0 ? buf : buf.subarray(i, i + take));
          i += take;
          if ((this.remaining -= take) === 0) this.state = S.Done;
          break;
        }
        case S.UntilClose: {
          this.events.onData(i === 0 ? buf : buf.subarray(i));
          i = n;
          break;
        }
        case S.ChunkSize: {
          const [line, next] = this.line(buf, i, MAX_LINE, 'chunk size line');
          i = next;
          if (line === null) break;
          const m = CHUNK_SIZE.exec(line);
          if (!m) throw new HttpParseError(`bad chunk size line ${JSON.stringify(line.slice(0, 40))}`);
          const size = parseInt(m[1]!, 16);
          if (size === 0) {
            this.state = S.Trailers;
            this.trailerBytes = 0;
          } else {
            this.remaining = size;
            this.state = S.ChunkData;
          }
          break;
        }
        case S.ChunkData: {
          const take = Math.min(this.remaining, n - i);
          this.events.onData(take === n && i === 0 ? buf : buf.subarray(i, i + take));
          i += take;
          if ((this.remaining -= take) === 0) this.state = S.ChunkDataEnd;
          break;
        }
        case S.ChunkDataEnd: {
          const [line, next] = this.line(buf, i, 2, 'chunk end');
          i = next;
          if (line === null) break;
          if (line !== '') throw new HttpParseError('chunk data longer than its size');
          this.state = S.ChunkSize;
          break;
        }
        case S.Trailers: {
          const [line, next] = this.line(buf, i, MAX_LINE, 'trailer line');
          this.trailerBytes += next - i;
          i = next;
          if (this.trailerBytes > MAX_HEAD) throw new HttpParseError('trailers too long');
          if (line === null) break;
          if (line === '') this.state = S.Done;
          else if (line.indexOf(':') <= 0) throw new HttpParseError('bad trailer line');
          break;
        }
        case S.Done:
          return i;
      }
    }
    return i;
  }

  /** The connection closed: true when that completes the response (a body read until close), false when it cut it short. */
  end(): boolean {
    if (this.state === S.UntilClose) this.state = S.Done;
    return this.state === S.Done;
  }

  /** Reads one CRLF-terminated line from buf at i (across pushes); [null, n] when it has not ended yet. */
  private line(buf: Buffer, i: number, max: number, what: string): [string | null, number] {
    const lf = buf.indexOf(10, i);
    if (lf < 0) {
      const part = buf.subarray(i);
      this.pending = this.pending ? Buffer.concat([this.pending, part]) : Buffer.from(part);
      if (this.pending.length > max + 1) throw new HttpParseError(`${what} too long`);
      return [null, buf.length];
    }
    let bytes = buf.subarray(i, lf);
    if (this.pending) {
      bytes = Buffer.concat([this.pending, bytes]);
      this.pending = null;
    }
    if (bytes.length === 0 || bytes[bytes.length - 1] !== 13) throw new HttpParseError(`${what} not ended by CRLF`);
    if (bytes.length - 1 > max) throw new HttpParseError(`${what} too long`);
    return [bytes.toString('latin1', 0, bytes.length - 1), lf + 1];
  }

  /** Consumes head bytes from buf at i; parses the head once its blank line is here. */
  private head(buf: Buffer, i: number): number {
    let data = i === 0 ? buf : buf.subarray(i);
    let from = 0;
    const prev = this.pending;
    if (prev) {
      from = Math.max(0, prev.length - 3);
      data = Buffer.concat([prev, data]);
    }
    const end = data.indexOf(HEAD_END, from);
    if (end < 0) {
      if (data.length > MAX_HEAD) throw new HttpParseError('response head too long');
      this.pending = prev ? data : Buffer.from(data);
      return buf.length;
    }
    this.pending = null;
    if (end > MAX_HEAD) throw new HttpParseError('response head too long');
    this.parseHead(data.toString('latin1', 0, end));
    // Bytes of data past the head, mapped back onto buf.
    return buf.length - (data.length - (end + 4));
  }

  private parseHead(text: string): void {
    let eol = text.indexOf('\r\n');
    if (eol < 0) eol = text.length;
    const first = text.slice(0, eol);
    const m = STATUS_LINE.exec(first);
    if (!m) throw new HttpParseError(`bad status line ${JSON.stringify(first.slice(0, 40))}`);
    const http10 = m[1] === '0';
    const status = Number(m[2]);
    const headers: HttpHeaders = {};
    while (eol < text.length) {
      const start = eol + 2;
      eol = text.indexOf('\r\n', start);
      if (eol < 0) eol = text.length;
      const colon = text.indexOf(':', start);
      if (colon <= start || colon > eol)
        throw new HttpParseError(`bad header line ${JSON.stringify(text.slice(start, Math.min(eol, start + 40)))}`);
      const name = text.slice(start, colon);
      if (!TOKEN.test(name)) throw new HttpParseError(`bad header name ${JSON.stringify(name.slice(0, 40))}`);
      const value = text.slice(colon + 1, eol).trim();
      if (value.includes('\n') || value.includes('\r')) throw new HttpParseError('bad header value');
      const key = name.toLowerCase();
      const had = headers[key];
      headers[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
    }
    if (status < 200) {
      // 101 would switch protocols, which a request of ours never asks for; other 1xx are interim: the real answer follows.
      if (status === 101) throw new HttpParseError('unexpected 101 Switching Protocols');
      return;
    }
    this.status = status;
    this.headers = headers;
    const connection = joined(headers['connection'])?.toLowerCase();
    this.keepAlive =
      connection === undefined
        ? !http10
        : connection === 'keep-alive'
          ? true
          : hasToken(connection, 'close')
            ? false
            : http10
              ? hasToken(connection, 'keep-alive')
              : true;
    const ka = joined(headers['keep-alive']);
    if (ka !== undefined) this.keepAliveTimeoutS = keepAliveTimeoutS(ka);
    const te = joined(headers['transfer-encoding']);
    const cl = headers['content-length'];
    if (this.noBody || status === 204 || status === 304) {
      this.state = S.Done;
    } else if (te !== undefined) {
      // Transfer-Encoding wins over Content-Length; a message that has both is suspect, so its connection is not reused.
      if (cl !== undefined) this.keepAlive = false;
      const codings = te.toLowerCase().split(',');
      if (codings[codings.length - 1]!.trim() === 'chunked') this.state = S.ChunkSize;
      else {
        this.state = S.UntilClose;
        this.keepAlive = false;
      }
    } else if (cl !== undefined) {
      const values = (Array.isArray(cl) ? cl.join(',') : cl).split(',').map((v) => v.trim());
      if (!values.every((v) => /^\d{1,15}$/.test(v) && v === values[0]))
        throw new HttpParseError(`bad content-length ${JSON.stringify(String(cl).slice(0, 40))}`);
      this.remaining = Number(values[0]);
      this.state = this.remaining === 0 ? S.Done : S.Fixed;
    } else {
      this.state = S.UntilClose;
      this.keepAlive = false;
    }
    this.events.onHead(status, headers);
  }
}

let lastKeepAlive = '';
let lastTimeoutS: number | undefined;

/** The timeout=N of a Keep-Alive header (a miner sends the same one every time: the last is remembered). */
function keepAliveTimeoutS(ka: string): number | undefined {
  if (ka !== lastKeepAlive) {
    const t = /(?:^|[,;\s])timeout\s*=\s*(\d+)/i.exec(ka);
    lastKeepAlive = ka;
    lastTimeoutS = t ? Number(t[1]) : undefined;
  }
  return lastTimeoutS;
}

function joined(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

function hasToken(list: string, token: string): boolean {
  for (const t of list.split(',')) if (t.trim() === token) return true;
  return false;
}
