// DirectHttpSender: sends a query to the miner's own service as plain JSON (no axon), mapping body and answer per route.
import type { DirectTransport } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { httpExchange, keepAliveDispatcher, outcomeOf } from './http-exchange.ts';
import { WHOLE_ANSWER_MAX_BYTES } from './response-limit.ts';
import type { MinerEndpoint, SendOptions, SendOutcome, Transport } from './transport.ts';

/** Which path a run measured: the axon (as validators reach the miner) or the miner's service directly. */
export type MinerPath = 'axon' | 'direct';

export class DirectHttpSender implements Transport {
  readonly kind = 'direct-http';
  private readonly dispatcher = keepAliveDispatcher();

  constructor(private readonly config: DirectTransport) {}

  async send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome> {
    const route = this.config.routes.find((r) => r.synapse === query.synapse);
    if (!route) {
      const at = opts.now();
      return {
        status: 'error',
        sentMs: at,
        endMs: at,
        bytesIn: 0,
        bytesOut: 0,
        error: `no direct route for ${query.synapse}`,
        response: null,
      };
    }
    const body = JSON.stringify(route.request(query.body));
    const r = await httpExchange({
      dispatcher: this.dispatcher,
      host: endpoint.host,
      port: endpoint.port,
      method: 'POST',
      path: route.path,
      headers: [], // httpExchange writes content-type: application/json itself (a second one is refused by strict parsers)
      body,
      timeoutMs: opts.timeoutS * 1000,
      now: opts.now,
      maxBodyBytes: this.config.maxResponseBytes ?? WHOLE_ANSWER_MAX_BYTES,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    let response: Record<string, unknown> | null = null;
    let error = r.error;
    if (r.outcome === 'ok' && r.httpStatus === 200) {
      try {
        response = route.response(JSON.parse(r.body.toString('utf8')) as unknown, query.body);
      } catch {
        error = 'response is not JSON';
      }
    } else if (r.outcome === 'ok') error = `HTTP ${r.httpStatus}: ${r.body.toString('utf8').slice(0, 200)}`;
    const ok = r.outcome === 'ok' && r.httpStatus === 200 && !error;
    return { ...outcomeOf(r, ok, error), response: ok ? response : null };
  }

  close(): void {
    void this.dispatcher.destroy();
  }
}
