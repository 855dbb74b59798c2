// OpenAiHttpSender: OpenAI-compatible POST /v1/chat/completions and /v1/completions, SSE streaming or whole answers.
import type { OpenAiHttpTransport } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { httpExchange, keepAliveDispatcher } from './http-exchange.ts';
import { maxResponseBytes } from './response-limit.ts';
import { choiceText, completionTokens, firstChoice, openaiAnswer, promptTokens } from './openai-answer.ts';
import { SseParser } from './sse-parser.ts';
import type { MinerEndpoint, SendOptions, SendOutcome, Transport } from './transport.ts';

export const OPENAI_PATHS = ['/v1/chat/completions', '/v1/completions'];

export interface OpenAiHttpOptions {
  config: Pick<OpenAiHttpTransport, 'model' | 'paths' | 'maxResponseBytes'>;
  /** Extra request headers computed from the exact body bytes (Epistula signs them). */
  signHeaders?: (body: string, endpoint: MinerEndpoint, timeoutS: number) => Array<[string, string]>;
  kind?: string;
}

type Obj = Record<string, unknown>;

export class OpenAiHttpSender implements Transport {
  readonly kind: string;
  private readonly dispatcher = keepAliveDispatcher();

  private readonly maxBodyBytes: number;

  constructor(private readonly opts: OpenAiHttpOptions) {
    this.kind = opts.kind ?? 'openai-http';
    this.maxBodyBytes = maxResponseBytes({ kind: 'openai-http', ...opts.config });
  }

  /** Request bodies by query body: the queries file is replayed over and over, and the same object serializes the same. */
  private readonly bodies = new WeakMap<object, string>();

  /** A query with an empty body is a GET of its path (ready checks: /health, /v1/models). */
  async send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome> {
    const isGet = isEmpty(query.body);
    const body = isGet ? '' : this.bodyOf(query.body);
    const sse = !isGet && query.body.stream === true ? new SseAnswer() : null;
    const r = await httpExchange({
      dispatcher: this.dispatcher,
      host: endpoint.host,
      port: endpoint.port,
      method: isGet ? 'GET' : 'POST',
      path: query.synapse,
      headers: this.opts.signHeaders && !isGet ? this.opts.signHeaders(body, endpoint, opts.timeoutS) : [],
      body,
      timeoutMs: opts.timeoutS * 1000,
      now: opts.now,
      maxBodyBytes: this.maxBodyBytes,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(sse ? { onChunk: sse.onChunk } : {}),
    });
    const o: SendOutcome = {
      sentMs: r.sentMs,
      endMs: r.endMs,
      bytesIn: r.bytesIn,
      bytesOut: r.bytesOut,
      status: 'error',
      response: null,
    };
    if (r.firstByteMs !== undefined) o.firstByteMs = r.firstByteMs;
    if (r.httpStatus !== undefined) o.httpStatus = r.httpStatus;
    const chunkMs = sse?.chunkMs;
    if (r.outcome !== 'ok') {
      o.status = r.outcome;
      if (r.error) o.error = r.error;
      if (chunkMs?.length) o.chunkMs = chunkMs;
      return o;
    }
    if (r.httpStatus !== 200) {
      o.error = `HTTP ${r.httpStatus}: ${r.body.toString('utf8').slice(0, 200)}`;
      return o;
    }
    if (isGet) {
      o.status = 'ok';
      o.response = {};
      return o;
    }
    if (sse) {
      sse.end(r.endMs);
      const error = sse.error ?? (sse.sawDone ? undefined : 'the stream ended before data: [DONE]');
      o.chunkMs = sse.chunkMs;
      o.outputTokens = sse.usageTokens ?? sse.chunkMs.length;
      if (sse.promptTokens !== null) o.promptTokens = sse.promptTokens;
      if (error) {
        o.error = error;
        return o;
      }
      o.status = 'ok';
      o.response = {
        text: sse.text,
        finish_reason: sse.finishReason,
        chunks: sse.chunkMs.length,
        usage: sse.usageTokens === null ? null : { completion_tokens: sse.usageTokens },
      };
      return o;
    }
    let parsed: Obj;
    try {
      parsed = JSON.parse(r.body.toString('utf8')) as Obj;
    } catch {
      o.error = 'response is not JSON';
      return o;
    }
    const a = openaiAnswer(parsed);
    o.status = 'ok';
    if (a.completionTokens !== null) o.outputTokens = a.completionTokens;
    if (a.promptTokens !== null) o.promptTokens = a.promptTokens;
    // The parsed answer is ours alone: its text and finish reason are set on it (same keys and order as a copy would have).
    parsed.text = a.text;
    parsed.finish_reason = a.finishReason;
    o.response = parsed;
    return o;
  }

  private bodyOf(b: Record<string, unknown>): string {
    let s = this.bodies.get(b);
    if (s === undefined)
      this.bodies.set(b, (s = JSON.stringify(this.opts.config.model ? { ...b, model: this.opts.config.model } : b)));
    return s;
  }

  close(): void {
    void this.dispatcher.destroy();
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** A streamed answer's state: SSE events parsed as chunks arrive, one chunk time per event that carried text. */
class SseAnswer {
  readonly chunkMs: number[] = [];
  text = '';
  finishReason: string | null = null;
  usageTokens: number | null = null;
  promptTokens: number | null = null;
  sawDone = false;
  error: string | undefined;
  private readonly parser = new SseParser();

  readonly onChunk = (c: Buffer, atMs: number): void => {
    for (const d of this.parser.push(c)) this.onEvent(d, atMs);
  };

  end(atMs: number): void {
    for (const d of this.parser.end()) this.onEvent(d, atMs);
  }

  private onEvent(data: string, atMs: number): void {
    if (data.trim() === '[DONE]') {
      this.sawDone = true;
      return;
    }
    let ev: Obj;
    try {
      ev = JSON.parse(data) as Obj;
    } catch {
      this.error ??= `stream event is not JSON: ${data.slice(0, 80)}`;
      return;
    }
    const c = firstChoice(ev);
    const piece = choiceText(c);
    if (piece) {
      this.text += piece;
      this.chunkMs.push(atMs);
    }
    if (c && typeof c.finish_reason === 'string') this.finishReason = c.finish_reason;
    this.usageTokens = completionTokens(ev) ?? this.usageTokens;
    this.promptTokens = promptTokens(ev) ?? this.promptTokens;
    if (ev.error) this.error ??= `error event: ${JSON.stringify(ev.error).slice(0, 200)}`;
  }
}
