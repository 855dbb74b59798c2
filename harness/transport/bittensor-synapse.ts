// BittensorSynapseTransport: sends captured queries to an axon exactly as a dendrite does, signed for the miner.
import { randomUUID } from 'node:crypto';
import type { BittensorSynapseTransport as SynapseConfig } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { buildDendriteRequest } from './dendrite-request.ts';
import type { Signer } from './ephemeral-keys.ts';
import { httpExchange, keepAliveDispatcher, type HttpExchangeResult } from './http-exchange.ts';
import { NonceClock } from './nonce-clock.ts';
import { PyDict, pythonJsonLoads } from './python-json-loads.ts';
import { synapseClassFor } from './synapse-class.ts';
import type { MinerEndpoint, SendOptions, SendOutcome, Transport } from './transport.ts';

export interface BittensorSynapseOptions {
  config: SynapseConfig;
  signer: Signer;
  /** The IP the dendrite reports as its own. */
  dendriteIp?: string;
  nonces?: NonceClock;
}

export class BittensorSynapseSender implements Transport {
  readonly kind = 'bittensor-synapse';
  private readonly dispatcher = keepAliveDispatcher();
  private readonly uuids = new Map<string, string>();
  private readonly nonces: NonceClock;

  constructor(private readonly opts: BittensorSynapseOptions) {
    this.nonces = opts.nonces ?? new NonceClock();
  }

  private uuidFor(session: string): string {
    let u = this.uuids.get(session);
    if (!u) this.uuids.set(session, (u = randomUUID()));
    return u;
  }

  /** Sends a synapse by name (the ready check pings the base `Synapse`). */
  async send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome> {
    const config = synapseClassFor(this.opts.config, query.synapse);
    const req = buildDendriteRequest({
      synapse: config,
      fields: pythonFields(query),
      timeoutS: opts.timeoutS,
      dendrite: {
        ip: this.opts.dendriteIp ?? '127.0.0.1',
        hotkey: this.opts.signer.address,
        uuid: this.uuidFor(opts.session ?? 'default'),
        nonce: this.nonces.next(),
        sign: this.opts.signer.sign,
      },
      axon: { ip: endpoint.host, port: endpoint.port, hotkey: endpoint.hotkey },
    });
    const stream = config.stream === true;
    const chunkMs: number[] = [];
    const r = await httpExchange({
      dispatcher: this.dispatcher,
      host: endpoint.host,
      port: endpoint.port,
      method: 'POST',
      path: req.path,
      headers: req.headers,
      body: req.body,
      timeoutMs: opts.timeoutS * 1000,
      now: opts.now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(stream ? { onChunk: (c: Buffer, at: number) => void (c.length && chunkMs.push(at)) } : {}),
    });
    if (stream) return streamedOutcome(r, chunkMs);
    let response: Record<string, unknown> | null = null;
    let error = r.error;
    if (r.outcome === 'ok' && r.body.length) {
      try {
        const parsed: unknown = JSON.parse(r.body.toString('utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          response = parsed as Record<string, unknown>;
      } catch {
        error = 'response is not JSON';
      }
    }
    const ok = r.outcome === 'ok' && r.httpStatus === 200 && !error;
    if (r.outcome === 'ok' && r.httpStatus !== 200) {
      const msg =
        response && typeof response.message === 'string' ? response.message : r.body.toString('utf8').slice(0, 200);
      error = `HTTP ${r.httpStatus}: ${msg}`;
    }
    return { ...outcomeOf(r, ok, error), response: ok ? response : null };
  }

  close(): void {
    void this.dispatcher.destroy();
  }
}

/** A streaming synapse: the body is subnet-defined chunks (no JSON); chunk times give time to first chunk. */
function streamedOutcome(r: HttpExchangeResult, chunkMs: number[]): SendOutcome {
  const ok = r.outcome === 'ok' && r.httpStatus === 200;
  const text = r.body.toString('utf8');
  const error =
    r.outcome !== 'ok' ? r.error : r.httpStatus !== 200 ? `HTTP ${r.httpStatus}: ${text.slice(0, 200)}` : undefined;
  return {
    ...outcomeOf(r, ok, error),
    ...(chunkMs.length ? { chunkMs, outputTokens: chunkMs.length } : {}),
    response: ok ? { text, chunks: chunkMs.length } : null,
  };
}

/** The timing, status and byte counts every outcome of an exchange carries. */
function outcomeOf(r: HttpExchangeResult, ok: boolean, error: string | undefined): Omit<SendOutcome, 'response'> {
  return {
    status: r.outcome === 'timeout' ? 'timeout' : ok ? 'ok' : 'error',
    sentMs: r.sentMs,
    ...(r.firstByteMs === undefined ? {} : { firstByteMs: r.firstByteMs }),
    endMs: r.endMs,
    ...(r.httpStatus === undefined ? {} : { httpStatus: r.httpStatus }),
    bytesIn: r.body.length,
    bytesOut: r.bytesOut,
    ...(error ? { error } : {}),
  };
}

/** The body's fields as Python typed them when the query was captured (floats, dict order, big ints); else the parsed body. */
function pythonFields(query: CapturedQuery): Record<string, unknown> {
  if (!query.source) return query.body;
  try {
    const line = pythonJsonLoads(query.source);
    const body = line instanceof PyDict ? line.get('body') : undefined;
    return body instanceof PyDict ? Object.fromEntries(body.entries) : query.body;
  } catch {
    return query.body;
  }
}
