// SigningPool: worker threads that build and sign dendrite requests, so the thread that keeps the schedule does no
// per-query crypto. Sized to the free cores; with 0 workers (or once every worker died) it signs on the calling thread.
// A job no worker has begun can be taken back (signNow): a request due before the workers reached it is signed where
// it is sent, so workers starved of CPU never make sends wait in a growing queue.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BittensorSynapseTransport } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { signingRequest, type SigningJob } from './signing-request.ts';
import type { Sr25519Keys } from './sr25519-sign.ts';

/** The part of a signed request the sender needs. */
export interface SignedWire {
  headers: Array<[string, string]>;
  body: string;
}

/** [id, query id, config id, uuid, nonce, timeout s, axon ip, axon port, axon hotkey]: flat, cheap to clone. */
type JobTuple = [number, number, number, string, bigint, number, string, number, string];
/** What the pool posts a worker: queries and configs it has not seen yet (each once), then the jobs. */
export interface SigningBatch {
  queries: Array<[number, CapturedQuery]>;
  configs: Array<[number, BittensorSynapseTransport]>;
  jobs: JobTuple[];
}
/** [id, headers, body] or [id, null, error message]. */
export type SigningResult = [number, Array<[string, string]>, string] | [number, null, string];

interface Pending {
  job: Omit<SigningJob, 'hotkey' | 'dendriteIp'>;
  resolve: (w: SignedWire) => void;
  reject: (e: Error) => void;
}

/** A job handed to the pool: its id (to take it back with signNow) and the request it becomes. */
export interface SigningTicket {
  readonly id: number;
  readonly wire: Promise<SignedWire>;
}

/**
 * Claims shared with the workers, one slot per job id modulo RING: a job is open while its slot holds claimToken(id);
 * whoever swaps it to 0 first (a worker about to sign, or signNow) signs it. RING is far above the jobs ever open at
 * once (a 50 ms lead at 10,000 q/s is 500).
 */
export const CLAIM_RING = 1 << 16;
export const claimToken = (id: number) => (id % 0x7ffffffe) + 1;

class PoolWorker {
  readonly pending = new Map<number, Pending>();
  readonly knownQueries = new Set<number>();
  readonly knownConfigs = new Set<number>();
  batch: SigningBatch | null = null;

  constructor(
    readonly worker: Worker,
    readonly onGone: (w: PoolWorker, why: Error) => void,
  ) {
    worker.on('message', (results: SigningResult[]) => {
      for (const [id, headers, body] of results) {
        const p = this.take(id);
        if (!p) continue;
        if (headers) p.resolve({ headers, body });
        else p.reject(new Error(body));
      }
    });
    worker.on('error', (e) => onGone(this, e));
    worker.on('exit', (code) => onGone(this, new Error(`signing worker exited with code ${code}`)));
    worker.unref();
  }

  /** A job in the worker's hands: while it has any, the worker keeps the process alive (its answer is awaited). */
  add(id: number, p: Pending): void {
    if (!this.pending.size) this.worker.ref();
    this.pending.set(id, p);
  }

  /** The job, no longer the worker's; an idle worker does not keep the process alive. */
  take(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    if (!this.pending.size) this.worker.unref();
    return p;
  }
}

/** One signing worker per free core: the cores but the one the schedule runs on, at least 1, at most 4. */
export function defaultSigningWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export interface SigningPoolOptions {
  keys: Sr25519Keys;
  /** The dendrite's hotkey ss58 and the IP it reports as its own. */
  hotkey: string;
  dendriteIp: string;
  /** Worker threads; 0 signs on the calling thread. */
  workers?: number;
}

export class SigningPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queryIds = new WeakMap<CapturedQuery, number>();
  private readonly configIds = new WeakMap<BittensorSynapseTransport, number>();
  private nextQuery = 0;
  private nextConfig = 0;
  private nextJob = 0;
  private turn = 0;
  private closed = false;
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_RING));
  /** Jobs signed on the calling thread because they were due before a worker reached them (signNow). */
  signedHere = 0;

  constructor(private readonly opts: SigningPoolOptions) {
    const n = opts.workers ?? defaultSigningWorkers();
    for (let k = 0; k < n; k++) {
      // execArgv []: the entry loads TypeScript itself; flags the process was started with (--input-type, -e) may
      // not apply to a worker's file entry.
      const worker = new Worker(new URL('./signing-worker-entry.mjs', import.meta.url), {
        execArgv: [],
        workerData: { keys: opts.keys, hotkey: opts.hotkey, dendriteIp: opts.dendriteIp, claims: this.claims },
      });
      this.workers.push(new PoolWorker(worker, (w, why) => this.gone(w, why)));
    }
  }

  /** Worker threads signing (0: signing on the calling thread). */
  get size(): number {
    return this.workers.length;
  }

  /** The job's request, built and signed by a worker (the least busy one). Its wire rejects with the builder's error. */
  sign(job: Omit<SigningJob, 'hotkey' | 'dendriteIp'>): SigningTicket {
    const id = this.nextJob++;
    if (this.closed) return { id, wire: Promise.reject(new Error('the signing pool is closed')) };
    if (!this.workers.length) return { id, wire: this.signHere(job) };
    const w = this.pick();
    const qid = this.idOf(this.queryIds, job.query, () => this.nextQuery++);
    const cid = this.idOf(this.configIds, job.config, () => this.nextConfig++);
    let b = w.batch;
    if (!b) {
      b = w.batch = { queries: [], configs: [], jobs: [] };
      queueMicrotask(() => this.flush(w));
    }
    if (!w.knownQueries.has(qid)) {
      w.knownQueries.add(qid);
      b.queries.push([qid, job.query]);
    }
    if (!w.knownConfigs.has(cid)) {
      w.knownConfigs.add(cid);
      b.configs.push([cid, job.config]);
    }
    const a = job.axon;
    b.jobs.push([id, qid, cid, job.uuid, job.nonce, job.timeoutS, a.ip, a.port, a.hotkey]);
    Atomics.store(this.claims, id % CLAIM_RING, claimToken(id));
    return { id, wire: new Promise((resolve, reject) => w.add(id, { job, resolve, reject })) };
  }

  /**
   * Signs the ticket's job on this thread now if no worker has begun it (and settles its wire); false when a worker
   * has it (its wire settles in a moment) or it is settled already.
   */
  signNow(ticket: SigningTicket): boolean {
    const id = ticket.id;
    if (Atomics.compareExchange(this.claims, id % CLAIM_RING, claimToken(id), 0) !== claimToken(id)) return false;
    for (const w of this.workers) {
      const p = w.take(id);
      if (!p) continue;
      this.signedHere++;
      this.signHere(p.job).then(p.resolve, p.reject);
      return true;
    }
    return false;
  }

  /** Milliseconds the workers' threads were busy so far (event-loop utilisation): the signing's own CPU. */
  busyMs(): number {
    let ms = 0;
    for (const w of this.workers) ms += w.worker.performance.eventLoopUtilization().active;
    return ms;
  }

  /** Ends the workers; jobs not yet signed reject. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of [...this.workers]) {
      this.gone(w, new Error('the signing pool is closed'));
      void w.worker.terminate();
    }
  }

  private signHere(job: Omit<SigningJob, 'hotkey' | 'dendriteIp'>): Promise<SignedWire> {
    try {
      const r = signingRequest(this.opts.keys, { ...job, hotkey: this.opts.hotkey, dendriteIp: this.opts.dendriteIp });
      return Promise.resolve({ headers: r.headers, body: r.body });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private pick(): PoolWorker {
    const ws = this.workers;
    let best = ws[this.turn++ % ws.length]!;
    for (const w of ws) if (w.pending.size < best.pending.size) best = w;
    return best;
  }

  private idOf<T extends object>(ids: WeakMap<T, number>, o: T, next: () => number): number {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = next()));
    return id;
  }

  private flush(w: PoolWorker): void {
    const b = w.batch;
    w.batch = null;
    if (!b || !this.workers.includes(w)) return;
    try {
      w.worker.postMessage(b);
    } catch (e) {
      // A query that cannot cross to the thread (not plain data): its batch fails, and the worker never saw its queries.
      for (const [qid] of b.queries) w.knownQueries.delete(qid);
      for (const [cid] of b.configs) w.knownConfigs.delete(cid);
      const why = new Error(`the request could not be handed to a signing worker: ${(e as Error).message}`);
      for (const [id] of b.jobs) w.take(id)?.reject(why);
    }
  }

  /** A worker that failed or exited: its jobs reject; the rest of the pool (or the calling thread) signs from now on. */
  private gone(w: PoolWorker, why: Error): void {
    const i = this.workers.indexOf(w);
    if (i < 0) return;
    this.workers.splice(i, 1);
    for (const p of w.pending.values()) p.reject(why);
    w.pending.clear();
  }
}
