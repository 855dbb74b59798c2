// WindowWorld: the miner's world for a window workload, over HTTP: GET /block (number, hash, window) and GET /beacon.
import { createServer, type Server } from 'node:http';
import { beaconAt, beaconRandomness, blockAt, blockHash, windowStart, type BlockClockConfig } from './block-clock.ts';
import {
  closeServer,
  listenOn,
  type ServiceAddress,
  type ServiceBinding,
  type WorkloadService,
} from './workload-service.ts';

export interface WindowWorldOptions extends ServiceBinding {
  clock: Omit<BlockClockConfig, 'startMs'>;
  windowBlocks: number;
  /** Beacon period in chain seconds (drand quicknet: 3). */
  beaconPeriodS: number;
  now?: () => number;
}

export interface WindowWorldRecord {
  kind: 'window-world';
  clock: BlockClockConfig;
  windowBlocks: number;
  /** Requests answered, by route. */
  requests: Record<string, number>;
}

export class WindowWorld implements WorkloadService<WindowWorldRecord> {
  readonly name = 'block clock';
  private readonly server: Server;
  private readonly now: () => number;
  private clock: BlockClockConfig;
  private readonly requests: Record<string, number> = {};

  constructor(private readonly opts: WindowWorldOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.clock = { ...opts.clock, startMs: this.now() };
    this.server = createServer((req, res) => {
      const url = req.url ?? '/';
      const route = url.startsWith('/beacon/') ? '/beacon' : url;
      this.requests[route] = (this.requests[route] ?? 0) + 1;
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res
          .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
          .end(text);
      };
      const t = this.now();
      if (url === '/block') {
        const block = blockAt(this.clock, t);
        return send(200, {
          number: block,
          hash: blockHash(this.clock.seed, block),
          window_start: windowStart(block, this.opts.windowBlocks),
          window_length: this.opts.windowBlocks,
        });
      }
      if (url === '/beacon/latest') return send(200, beaconAt(this.clock, t, this.opts.beaconPeriodS));
      const m = /^\/beacon\/(\d+)$/.exec(url);
      if (m) {
        const round = Number(m[1]);
        const latest = beaconAt(this.clock, t, this.opts.beaconPeriodS).round;
        // drand answers only rounds that have happened
        return round <= latest
          ? send(200, { round, randomness: beaconRandomness(this.clock.seed, round) })
          : send(404, { error: `round ${round} is in the future (latest ${latest})` });
      }
      send(404, { error: 'GET /block, /beacon/latest or /beacon/<round>' });
    });
  }

  /** Starts serving; the clock starts now. */
  async start(): Promise<ServiceAddress> {
    const address = await listenOn(this.server, this.name, this.opts);
    this.clock = { ...this.opts.clock, startMs: this.now() };
    return address;
  }

  get config(): BlockClockConfig {
    return this.clock;
  }

  async stop(): Promise<WindowWorldRecord> {
    await closeServer(this.server);
    return {
      kind: 'window-world',
      clock: this.clock,
      windowBlocks: this.opts.windowBlocks,
      requests: { ...this.requests },
    };
  }
}
