// Tests of HttpResponseParser: every response fed whole, then split at every byte boundary, then a byte at a time.
import { describe, expect, it } from 'vitest';
import { HttpParseError, HttpResponseParser, type HttpHeaders } from '../../harness/transport/http-response-parser.ts';

interface Parsed {
  status?: number;
  headers?: HttpHeaders;
  body: string;
  done: boolean;
  keepAlive: boolean;
  used: number;
  keepAliveTimeoutS?: number;
}

/** Feeds the pieces in order; `closed`: the connection closes after the last one. */
function parse(pieces: Buffer[], o: { head?: boolean; closed?: boolean } = {}): Parsed {
  const out: Parsed = { body: '', done: false, keepAlive: false, used: 0 };
  const p = new HttpResponseParser(
    {
      onHead: (status, headers) => {
        expect(out.status).toBeUndefined();
        out.status = status;
        out.headers = headers;
      },
      onData: (c) => {
        expect(c.length).toBeGreaterThan(0);
        out.body += c.toString('latin1');
      },
    },
    o.head,
  );
  for (const piece of pieces) {
    if (p.done) break;
    out.used += p.push(piece);
  }
  out.done = o.closed ? p.end() : p.done;
  out.keepAlive = p.keepAlive;
  if (p.keepAliveTimeoutS !== undefined) out.keepAliveTimeoutS = p.keepAliveTimeoutS;
  return out;
}

/** The same result whole, split in two at every boundary, in three at pairs of boundaries (short inputs), and byte by byte. */
function parseEverySplit(raw: string, o: { head?: boolean; closed?: boolean } = {}): Parsed {
  const b = Buffer.from(raw, 'latin1');
  const whole = parse([b], o);
  for (let i = 1; i < b.length; i++)
    expect(parse([b.subarray(0, i), b.subarray(i)], o), `split at ${i}`).toEqual(whole);
  if (b.length <= 120) {
    for (let i = 1; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++)
        expect(parse([b.subarray(0, i), b.subarray(i, j), b.subarray(j)], o)).toEqual(whole);
  }
  expect(
    parse(
      [...b].map((x) => Buffer.from([x])),
      o,
    ),
    'byte by byte',
  ).toEqual(whole);
  return whole;
}

/** Throws HttpParseError however the bytes are split. */
function rejectsEverySplit(raw: string, o: { head?: boolean } = {}): void {
  const b = Buffer.from(raw, 'latin1');
  expect(() => parse([b], o)).toThrow(HttpParseError);
  for (let i = 1; i < b.length; i++)
    expect(() => parse([b.subarray(0, i), b.subarray(i)], o), `split at ${i}`).toThrow(HttpParseError);
}

describe('HttpResponseParser', () => {
  it('parses a content-length answer: status, headers with lower-cased names and kept values, body', () => {
    const raw =
      'HTTP/1.1 201 Created\r\nX-Reply_Header: Some Value \r\nContent-Length: 6\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\nanswer';
    const r = parseEverySplit(raw);
    expect(r).toMatchObject({ status: 201, body: 'answer', done: true, keepAlive: true, used: raw.length });
    expect(r.headers).toEqual({ 'x-reply_header': 'Some Value', 'content-length': '6', 'set-cookie': ['a=1', 'b=2'] });
  });

  it('accepts a status line without a reason phrase and an empty header value', () => {
    expect(parseEverySplit('HTTP/1.1 200\r\nx-empty:\r\ncontent-length: 0\r\n\r\n')).toMatchObject({
      status: 200,
      body: '',
      done: true,
      headers: { 'x-empty': '' },
    });
  });

  it('decodes chunked bodies with extensions and trailers, and hands each piece on as it comes', () => {
    const r = parseEverySplit(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=v\r\ndata:\r\nA \r\n a message\r\n0\r\nX-Trailer: t\r\n\r\n',
    );
    expect(r).toMatchObject({ status: 200, body: 'data: a message', done: true, keepAlive: true });
  });

  it('streams an SSE answer in chunks (aiohttp style, hex sizes) and ends at the zero chunk', () => {
    const events = ['data: {"x":1}\n\n', 'data: {"x":22}\n\n', 'data: [DONE]\n\n'];
    const raw = `HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n${events.map((e) => `${e.length.toString(16)}\r\n${e}\r\n`).join('')}0\r\n\r\n`;
    expect(parseEverySplit(raw)).toMatchObject({ body: events.join(''), done: true });
  });

  it('reads a body with no framing until the connection closes, and does not reuse that connection', () => {
    const r = parseEverySplit('HTTP/1.1 200 OK\r\n\r\nall of it', { closed: true });
    expect(r).toMatchObject({ status: 200, body: 'all of it', done: true, keepAlive: false });
    expect(parse([Buffer.from('HTTP/1.1 200 OK\r\n\r\nall of it')]).done).toBe(false);
  });

  it('skips 1xx interim answers', () => {
    expect(
      parseEverySplit(
        'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
      ),
    ).toMatchObject({ status: 200, body: 'ok', done: true, headers: { 'content-length': '2' } });
  });

  it('gives 204, 304 and an answer to HEAD no body', () => {
    expect(parseEverySplit('HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n')).toMatchObject({
      status: 204,
      body: '',
      done: true,
      keepAlive: true,
    });
    expect(parseEverySplit('HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n')).toMatchObject({
      status: 304,
      body: '',
      done: true,
    });
    expect(parseEverySplit('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n', { head: true })).toMatchObject({
      status: 200,
      body: '',
      done: true,
    });
  });

  it('knows when the connection may be reused', () => {
    const ka = (head: string) => parse([Buffer.from(`${head}\r\ncontent-length: 0\r\n\r\n`)]).keepAlive;
    expect(ka('HTTP/1.1 200 OK')).toBe(true);
    expect(ka('HTTP/1.1 200 OK\r\nConnection: close')).toBe(false);
    expect(ka('HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close')).toBe(false);
    expect(ka('HTTP/1.0 200 OK')).toBe(false);
    expect(ka('HTTP/1.0 200 OK\r\nConnection: keep-alive')).toBe(true);
    expect(
      parse([Buffer.from('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\ncontent-length: 0\r\n\r\n')])
        .keepAliveTimeoutS,
    ).toBe(5);
    // Transfer-Encoding beside Content-Length: the chunked framing wins, the connection is not reused.
    expect(
      parseEverySplit('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n'),
    ).toMatchObject({ body: 'ok', done: true, keepAlive: false });
    // A transfer coding that is not chunked last: read until close.
    expect(parseEverySplit('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz', { closed: true })).toMatchObject({
      body: 'zz',
      done: true,
      keepAlive: false,
    });
  });

  it('stops at the end of the response and reports the bytes past it', () => {
    const r = parse([Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokEXTRA')]);
    expect(r).toMatchObject({ body: 'ok', done: true, used: 40 });
  });

  it('accepts repeated equal content-lengths', () => {
    expect(parseEverySplit('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok')).toMatchObject({
      body: 'ok',
      done: true,
    });
  });

  it('is incomplete, not done, when the connection closes inside a framed body, a chunk or the head', () => {
    expect(
      parse([Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nonly part')], { closed: true }),
    ).toMatchObject({ status: 200, body: 'only part', done: false });
    expect(
      parse([Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nab')], { closed: true }),
    ).toMatchObject({ body: 'ab', done: false });
    expect(
      parse([Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nab\r\n')], { closed: true }),
    ).toMatchObject({ body: 'ab', done: false });
    expect(parse([Buffer.from('HTTP/1.1 200 OK\r\ncontent-')], { closed: true })).toMatchObject({ done: false });
    expect(parse([Buffer.from('HTTP/1.1 200 OK\r\ncontent-')], { closed: true }).status).toBeUndefined();
  });

  it('rejects malformed answers, however they are split', () => {
    rejectsEverySplit('HTTP/1.1 abc\r\n\r\n');
    rejectsEverySplit('HTTP/2 200 OK\r\n\r\n');
    rejectsEverySplit('ICY 200 OK\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\n: empty name\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nbad name: v\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\n folded: v\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nnot a trailer\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n');
    rejectsEverySplit('HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n');
  });

  it('rejects an endless head or chunk-size line instead of waiting forever', () => {
    const p = new HttpResponseParser({ onHead: () => undefined, onData: () => undefined });
    p.push(Buffer.from('HTTP/1.1 200 OK\r\n'));
    expect(() => {
      for (let i = 0; i < 100; i++) p.push(Buffer.from(`x-h${i}: ${'v'.repeat(1000)}\r\n`));
    }).toThrow(/head too long/);
    const q = new HttpResponseParser({ onHead: () => undefined, onData: () => undefined });
    q.push(Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n'));
    expect(() => {
      for (let i = 0; i < 100; i++) q.push(Buffer.from('0'.repeat(1000)));
    }).toThrow(/too long/);
  });
});
