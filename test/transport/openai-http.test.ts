// Tests of the OpenAI-compatible transport against a real local server: SSE streaming, whole answers, failures.
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiHttpSender } from '../../harness/transport/openai-http.ts';
import { SseParser } from '../../harness/transport/sse-parser.ts';
import { localServer, readBody } from './local-server.ts';

const now = () => performance.now();
let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

const chat = (stream: boolean) => ({
  t: 0,
  synapse: '/v1/chat/completions',
  body: { model: 'm', stream, messages: [{ role: 'user', content: 'hi' }] },
  line: 1,
});
const delta = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

describe('SseParser', () => {
  it('joins events split across chunks and ignores comments', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\ndata: {"a"')).toEqual([]);
    expect(p.push(':1}\r\n\r\ndata: [DONE]\n')).toEqual(['{"a":1}']);
    expect(p.end()).toEqual(['[DONE]']);
  });

  it('ends lines at CR LF, LF or a bare CR (the SSE spec allows all three), a CR LF split across chunks once', () => {
    const p = new SseParser();
    expect(p.push('data: a\rdata: b\r\rdata: c\n\ndata: d\r')).toEqual(['a\nb', 'c']);
    // The CR ended the line 'data: d'; the LF that follows it in the next chunk is the same line ending.
    expect(p.push('\n\r\n')).toEqual(['d']);
    expect(p.push('data: e\r')).toEqual([]);
    expect(p.end()).toEqual(['e']);
  });

  it('decodes bytes as one stream: a character cut between two chunks comes out whole', () => {
    const p = new SseParser();
    const bytes = new TextEncoder().encode('data: 5 €\n\n'); // € is E2 82 AC
    const cut = bytes.indexOf(0xe2) + 1;
    expect(p.push(bytes.subarray(0, cut))).toEqual([]);
    expect(p.push(bytes.subarray(cut))).toEqual(['5 €']);
  });
});

describe('OpenAiHttpSender', () => {
  it('streams: one chunk time per token-bearing event, text joined, usage tokens (output and prompt) taken', async () => {
    const s = await localServer(async (req, res) => {
      const body = JSON.parse(await readBody(req)) as { model: string };
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(delta(''));
      for (const w of ['Hel', 'lo ', body.model]) {
        res.write(delta(w));
        await new Promise((r) => setTimeout(r, 5));
      }
      res.write(
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 3 } })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: { model: 'served-model' } });
    const o = await t.send(chat(true), { host: '127.0.0.1', port: s.port, hotkey: '' }, { timeoutS: 5, now });
    t.close();
    expect(o.status).toBe('ok');
    expect(o.response).toEqual({
      text: 'Hello served-model',
      finish_reason: 'stop',
      chunks: 3,
      usage: { completion_tokens: 3 },
    });
    expect(o.chunkMs).toHaveLength(3);
    expect(o.outputTokens).toBe(3);
    expect(o.promptTokens).toBe(7);
    expect(o.chunkMs![0]!).toBeGreaterThanOrEqual(o.sentMs);
    expect(o.chunkMs![2]!).toBeGreaterThanOrEqual(o.chunkMs![1]!);
  });

  it('keeps a character cut between two TCP reads whole (€ = E2 82 AC, cut after E2), not U+FFFD', async () => {
    const s = await localServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const bytes = Buffer.from(delta('costs 5 €, or 4 £'));
      const cut = bytes.indexOf(0xe2) + 1;
      res.write(bytes.subarray(0, cut));
      await new Promise((r) => setTimeout(r, 30)); // the client reads the first part on its own
      res.write(bytes.subarray(cut));
      res.end('data: [DONE]\n\n');
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: {} });
    const o = await t.send(chat(true), { host: '127.0.0.1', port: s.port, hotkey: '' }, { timeoutS: 5, now });
    t.close();
    expect(o.status).toBe('ok');
    expect((o.response as { text: string }).text).toBe('costs 5 €, or 4 £');
  });

  it('takes a whole answer: message content as text, usage as output tokens', async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [{ index: 0, message: { role: 'assistant', content: 'four' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 12, completion_tokens: 1 },
        }),
      );
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: {} });
    const o = await t.send(chat(false), { host: '127.0.0.1', port: s.port, hotkey: '' }, { timeoutS: 5, now });
    t.close();
    expect(o).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      outputTokens: 1,
      promptTokens: 12,
      response: { text: 'four', finish_reason: 'stop' },
    });
  });

  it('records a miner that closes the connection mid-stream as an error, keeping the chunks it got', async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(delta('par'));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: {} });
    const o = await t.send(chat(true), { host: '127.0.0.1', port: s.port, hotkey: '' }, { timeoutS: 5, now });
    t.close();
    expect(o.status).toBe('error');
    expect(o.error).toBe('connection closed mid-response');
    expect(o.chunkMs).toHaveLength(1);
    expect(o.response).toBeNull();
  });

  it('records a stream that ends cleanly without [DONE] as an error', async () => {
    const s = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(delta('half'));
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: {} });
    const o = await t.send(chat(true), { host: '127.0.0.1', port: s.port, hotkey: '' }, { timeoutS: 5, now });
    t.close();
    expect(o).toMatchObject({ status: 'error', error: 'the stream ended before data: [DONE]', response: null });
  });

  it('marks a query past its timeout as timeout and an HTTP error as error', async () => {
    const s = await localServer((req, res) => {
      if (req.url === '/v1/completions') return void setTimeout(() => res.end('{}'), 2000);
      res.writeHead(500);
      res.end('boom');
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: {} });
    const ep = { host: '127.0.0.1', port: s.port, hotkey: '' };
    const slow = await t.send({ t: 0, synapse: '/v1/completions', body: { prompt: 'x' }, line: 1 }, ep, {
      timeoutS: 0.1,
      now,
    });
    const bad = await t.send(chat(false), ep, { timeoutS: 5, now });
    t.close();
    expect(slow).toMatchObject({ status: 'timeout', error: 'no complete answer within 100 ms', response: null });
    expect(bad).toMatchObject({ status: 'error', httpStatus: 500, error: 'HTTP 500: boom' });
  });

  it('sends a query with an empty body as a GET (ready checks)', async () => {
    let seen = '';
    const s = await localServer((req, res) => {
      seen = `${req.method} ${req.url}`;
      res.end('ok');
    });
    closeServer = s.close;
    const t = new OpenAiHttpSender({ config: {} });
    const o = await t.send(
      { t: 0, synapse: '/health', body: {}, line: 0 },
      { host: '127.0.0.1', port: s.port, hotkey: '' },
      { timeoutS: 5, now },
    );
    t.close();
    expect(seen).toBe('GET /health');
    expect(o.status).toBe('ok');
  });
});
