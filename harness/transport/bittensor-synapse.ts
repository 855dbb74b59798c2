// BittensorSynapseTransport: sends captured queries to an axon exactly as a dendrite does, signed for the miner.
import { randomUUID } from 'node:crypto';
import type { BittensorSynapseTransport as SynapseConfig } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { Signer } from './ephemeral-keys.ts';
import { httpExchange, keepAliveDispatcher, outcomeOf, type HttpExchangeResult } from './http-exchange.ts';
import { NonceClock } from './nonce-clock.ts';
import { synapseClassFor } from './synapse-class.ts';
import { keptAnswer } from './kept-answer.ts';
import { maxResponseBytes } from './response-limit.ts';
import { SigningPool, type SignedWire, type SigningTicket } from './signing-pool.ts';
import type { MinerEndpoint, PrepareOptions, PreparedSend, SendOptions, SendOutcome, Transport } from './transport.ts';

export interface BittensorSynapseOptions {
  config: SynapseConfig;
  signer: Signer;
  /** The IP the dendrite reports as its own. */
  dendriteIp?: string;
  nonces?: NonceClock;
  /** Signing worker threads (default: one per free core, defaultSigningWorkers()); 0 signs on the calling thread. */
  signingWorkers?: number;
}

/**
 * A prepared request older than this at its send is signed again with a fresh nonce: a late send (every in-flight
 * slot busy with whenFull 'queue') keeps its nonce near its send time, well inside the axon's 4 s + timeout window.
 */
const STALE_NONCE_NS = 1_000_000_000n;

/**
 * One request and its dendrite identity. Prepared ahead, it holds a uuid of its own (a lane no other request holds
 * until this one ends), so nonces per uuid reach the axon in order whatever the order of the sends around it.
 */
class PreparedSynapse implements PreparedSend {
  done = false;
  constructor(
    readonly owner: BittensorSynapseSender,
    readonly query: CapturedQuery,
    readonly endpoint: MinerEndpoint,
    readonly timeoutS: number,
    readonly uuid: string,
    /** A lane's uuid goes back to the free lanes when the request ends; a session's stays with its session. */
    readonly lane: boolean,
    public nonce: bigint,
    public ticket: SigningTicket,
  ) {}

  cancel(): void {
    this.owner.release(this);
  }
}

const noop = () => {};

export class BittensorSynapseSender implements Transport {
  readonly kind = 'bittensor-synapse';
  private readonly dispatcher = keepAliveDispatcher();
  private readonly uuids = new Map<string, string>();
  /** Dendrite uuids of prepared requests that ended, reused last-in first-out (one request at a time each). */
  private readonly freeLanes: string[] = [];
  private readonly bareConfigs = new Map<string, SynapseConfig>();
  private readonly nonces: NonceClock;
  private pool: SigningPool | null = null;

  private readonly maxBodyBytes: number;

  constructor(private readonly opts: BittensorSynapseOptions) {
    this.nonces = opts.nonces ?? new NonceClock();
    this.maxBodyBytes = maxResponseBytes(opts.config);
  }

  /** Builds and signs the request off this thread, with the nonce of its send time and a dendrite uuid of its own. */
  prepare(query: CapturedQuery, endpoint: MinerEndpoint, opts: PrepareOptions): PreparedSend {
    const aheadNs = BigInt(Math.max(0, Math.round((opts.atMs - opts.now()) * 1e6)));
    const nonce = this.nonces.at(this.nonces.nowNs() + aheadNs);
    const uuid = this.freeLanes.pop() ?? randomUUID();
    const ticket = this.sign(query, endpoint, opts.timeoutS, uuid, nonce);
    return new PreparedSynapse(this, query, endpoint, opts.timeoutS, uuid, true, nonce, ticket);
  }

  /** A request ended (answered, failed or cancelled): a lane it held is free for the next. */
  release(p: PreparedSynapse): void {
    if (p.done) return;
    p.done = true;
    if (p.lane) this.freeLanes.push(p.uuid);
  }

  /**
   * Sends a synapse by name. A request prepared for this query goes out as built; one no worker reached in time is
   * signed here (counted in signedOnScheduleThread), and one whose nonce went stale is signed again, here, at once.
   */
  async send(query: CapturedQuery, endpoint: MinerEndpoint, opts: SendOptions): Promise<SendOutcome> {
    let p = opts.prepared instanceof PreparedSynapse && opts.prepared.owner === this ? opts.prepared : undefined;
    if (p && (p.done || p.query !== query || p.endpoint !== endpoint || p.timeoutS !== opts.timeoutS)) {
      p.cancel();
      p = undefined;
    }
    if (!p) {
      const uuid = this.uuidFor(opts.session ?? 'default');
      const nonce = this.nonces.next();
      const ticket = this.sign(query, endpoint, opts.timeoutS, uuid, nonce);
      p = new PreparedSynapse(this, query, endpoint, opts.timeoutS, uuid, false, nonce, ticket);
    } else if (this.nonces.nowNs() - p.nonce > STALE_NONCE_NS) {
      p.nonce = this.nonces.next();
      p.ticket = this.sign(query, endpoint, opts.timeoutS, p.uuid, p.nonce);
      this.pool!.signNow(p.ticket);
    } else this.pool!.signNow(p.ticket); // due now: if no worker has begun it, it is signed here
    try {
      return await this.exchange(query, endpoint, opts, await p.ticket.wire);
    } finally {
      this.release(p);
    }
  }

  /** Milliseconds the signing workers were busy so far (benchmarks split the CPU per query with it). */
  signingBusyMs(): number {
    return this.pool?.busyMs() ?? 0;
  }

  /** Requests signed on the thread that sends them: due before a worker reached them (or stale). 0 when the workers keep up. */
  get signedOnScheduleThread(): number {
    return this.pool?.signedHere ?? 0;
  }

  close(): void {
    this.pool?.close();
    void this.dispatcher.destroy();
  }

  private uuidFor(session: string): string {
    let u = this.uuids.get(session);
    if (!u) this.uuids.set(session, (u = randomUUID()));
    return u;
  }

  /** The synapse a query names: the profile's, or a bare one (the ready check pings the base `Synapse`). */
  private configFor(query: CapturedQuery): SynapseConfig {
    if (query.synapse === this.opts.config.synapse) return this.opts.config;
    let c = this.bareConfigs.get(query.synapse);
    // Another declared class of this transport (synapses: [...]), else a bare one with no fields.
    if (!c)
      this.bareConfigs.set(
        query.synapse,
        (c = { kind: 'bittensor-synapse', ...synapseClassFor(this.opts.config, query.synapse) }),
      );
    return c;
  }

  private sign(
    query: CapturedQuery,
    endpoint: MinerEndpoint,
    timeoutS: number,
    uuid: string,
    nonce: bigint,
  ): SigningTicket {
    this.pool ??= new SigningPool({
      keys: this.opts.signer.keys,
      hotkey: this.opts.signer.address,
      dendriteIp: this.opts.dendriteIp ?? '127.0.0.1',
      ...(this.opts.signingWorkers === undefined ? {} : { workers: this.opts.signingWorkers }),
    });
    const ticket = this.pool.sign({
      query,
      config: this.configFor(query),
      timeoutS,
      uuid,
      nonce,
      axon: { ip: endpoint.host, port: endpoint.port, hotkey: endpoint.hotkey },
    });
    ticket.wire.catch(noop); // a cancelled request's failure is nobody's; a sent one's is awaited in send()
    return ticket;
  }

  private async exchange(
    query: CapturedQuery,
    endpoint: MinerEndpoint,
    opts: SendOptions,
    req: SignedWire,
  ): Promise<SendOutcome> {
    const stream = this.configFor(query).stream === true;
    const chunkMs: number[] = [];
    const r = await httpExchange({
      dispatcher: this.dispatcher,
      host: endpoint.host,
      port: endpoint.port,
      method: 'POST',
      path: `/${query.synapse}`,
      headers: req.headers,
      body: req.body,
      timeoutMs: opts.timeoutS * 1000,
      now: opts.now,
      maxBodyBytes: this.maxBodyBytes,
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
    return { ...outcomeOf(r, ok, error), response: ok && response ? keptAnswer(response) : null };
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
