// OpenAiHttpSender: OpenAI-compatible POST /v1/chat/completions and /v1/completions, SSE streaming or whole answers.
import http from 'node:http';
import type { OpenAiHttpTransport } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../load/captured-query.ts';
import { httpExchange } from './http-exchange.ts';
import { choiceText, completionTokens, firstChoice, openaiAnswer } from './openai-answer.ts';
import { SseParser } from './sse-parser.ts';
import type { MinerEndpoint, SendOptions, SendOutcome, Transport } from './transport.ts';

export const OPENAI_PATHS = ['/v1/chat/completions', '/v1/completions'];

export interface OpenAiHttpOptions {
  config: Pick<OpenAiHttpTransport, 'model' | 'paths'>;
  /** Extra request headers computed from the exact body bytes (Epistula signs them). */
  signHeaders?: (body: string, endpoint: MinerEndpoint, timeoutS: number) => Array<[string, string]>;
  kind?: string;
}

type Obj = Record<string, unknown>;

export class OpenAiHttpSender implements Transport {
  readonly kind: string;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(private readonly opts: OpenAiHttpOptions) {
    this.kind = opts.kind ?? 'openai-http';
  }

  /** A query with an empty body is a GET of its path (ready checks: /health, /v1/models). */
  async send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome> {
    const isGet = Object.keys(query.body).length === 0;
    const body = isGet ? '' : JSON.stringify(this.opts.config.model ? { ...query.body, model: this.opts.config.model } : query.body);
    const stream = !isGet && query.body.stream === true;
    const parser = new SseParser();
    const chunkMs: number[] = [];
    let text = '';
    let finishReason: string | null = null;
    let usageTokens: number | null = null;
    let sawDone = false;
    let streamError: string | undefined;
    const onEvent = (data: string, atMs: number) => {
      if (data.trim() === '[DONE]') {
        sawDone = true;
        return;
      }
      let ev: Obj;
      try {
        ev = JSON.parse(data) as Obj;
      } catch {
        streamError ??= `stream event is not JSON: ${data.slice(0, 80)}`;
        return;
      }
      const c = firstChoice(ev);
      const piece = choiceText(c);
      if (piece) {
        text += piece;
        chunkMs.push(atMs);
      }
      if (c && typeof c.finish_reason === 'string') finishReason = c.finish_reason;
      usageTokens = completionTokens(ev) ?? usageTokens;
      if (ev.error) streamError ??= `error event: ${JSON.stringify(ev.error).slice(0, 200)}`;
    };
    const r = await httpExchange({
      agent: this.agent,
      host: endpoint.host,
      port: endpoint.port,
      method: isGet ? 'GET' : 'POST',
      path: query.synapse,
      headers: this.opts.signHeaders && !isGet ? this.opts.signHeaders(body, endpoint, opts.timeoutS) : [],
      body,
      timeoutMs: opts.timeoutS * 1000,
      now: opts.now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(stream ? { onChunk: (c: Buffer, at: number) => parser.push(c.toString('utf8')).forEach((d) => onEvent(d, at)) } : {}),
    });
    const base = {
      sentMs: r.sentMs,
      ...(r.firstByteMs === undefined ? {} : { firstByteMs: r.firstByteMs }),
      endMs: r.endMs,
      ...(r.httpStatus === undefined ? {} : { httpStatus: r.httpStatus }),
      bytesIn: r.body.length,
      bytesOut: Buffer.byteLength(body),
    };
    if (r.outcome !== 'ok') return { ...base, status: r.outcome, ...(r.error ? { error: r.error } : {}), ...(chunkMs.length ? { chunkMs } : {}), response: null };
    if (r.httpStatus !== 200) return { ...base, status: 'error', error: `HTTP ${r.httpStatus}: ${r.body.toString('utf8').slice(0, 200)}`, response: null };
    if (isGet) return { ...base, status: 'ok', response: {} };
    if (stream) {
      parser.end().forEach((d) => onEvent(d, r.endMs));
      const error = streamError ?? (sawDone ? undefined : 'the stream ended before data: [DONE]');
      const outputTokens = usageTokens ?? chunkMs.length;
      if (error) return { ...base, status: 'error', error, chunkMs, outputTokens, response: null };
      return { ...base, status: 'ok', chunkMs, outputTokens, response: { text, finish_reason: finishReason, chunks: chunkMs.length, usage: usageTokens === null ? null : { completion_tokens: usageTokens } } };
    }
    let parsed: Obj;
    try {
      parsed = JSON.parse(r.body.toString('utf8')) as Obj;
    } catch {
      return { ...base, status: 'error', error: 'response is not JSON', response: null };
    }
    const a = openaiAnswer(parsed);
    return { ...base, status: 'ok', ...(a.completionTokens === null ? {} : { outputTokens: a.completionTokens }), response: { ...parsed, text: a.text, finish_reason: a.finishReason } };
  }

  close(): void {
    this.agent.destroy();
  }
}
