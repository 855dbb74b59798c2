// startServices: starts the services a workload asked for (clip server, S3 sink, window world) on one address the miner
// reaches, and gives back what the miner's environment, `inspect` and the workload need; stop() always stops them all.
import path from 'node:path';
import { MinerbenchError } from '../errors.ts';
import { cachedClips } from './clip-cache.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import { queryAtClipServer } from './clip-origin.ts';
import { ClipServer } from './clip-server.ts';
import { S3Sink, sinkCredentials } from './s3-sink.ts';
import type { ServiceSpec } from './service-specs.ts';
import { sinkEnvironment } from './sink-environment.ts';
import { WindowWorld } from './window-world.ts';
import type { ServiceAddress, WorkloadService } from './workload-service.ts';

export interface StartServicesInput {
  specs: Readonly<Record<string, ServiceSpec>>;
  /** The address every service listens on: the run network's gateway, or 127.0.0.1 for a local miner. */
  host: string;
  /** The sink's folder (the run's artifacts/uploads). */
  uploadsDir: string;
  /** Where generated clips are kept between runs (<out>/cache/clips). */
  clipsCacheDir: string;
  /** The run's clock (the window world's blocks and the records are stamped with it). */
  now: () => number;
  signal: AbortSignal;
  /** What is being done (making clips can take a while). */
  onStep?: (detail: string) => void;
}

export interface ServiceStarted {
  kind: ServiceSpec['kind'];
  address: ServiceAddress;
  /** Clip servers: whether the clips came from the cache, and their folder. */
  clips?: { dir: string; cached: boolean; count: number };
}

export interface RunServices {
  /** The running services by name (what `inspect` and the workload get as `services`). */
  instances: Readonly<Record<string, unknown>>;
  started: Readonly<Record<string, ServiceStarted>>;
  /** The variables the miner is started with (sink credentials, the world's URL). */
  env: Readonly<Record<string, string>>;
  /** A query with its clip URLs moved to the clip server (identity without one). */
  rewriteQuery(q: CapturedQuery): CapturedQuery;
  /** Stops every service (each once; safe to call again) and returns what each recorded, by name. */
  stop(): Promise<Record<string, unknown>>;
}

export async function startServices(i: StartServicesInput): Promise<RunServices> {
  const running: Array<[string, WorkloadService<unknown>]> = [];
  const instances: Record<string, unknown> = {};
  const started: Record<string, ServiceStarted> = {};
  const env: Record<string, string> = {};
  let clipUrl: string | null = null;
  let records: Promise<Record<string, unknown>> | null = null;
  const stop = () =>
    (records ??= (async () => {
      const out: Record<string, unknown> = {};
      for (const [name, s] of running) out[name] = await s.stop();
      return out;
    })());
  const binding = { host: i.host, port: 0 };
  try {
    // Clips first (the slow part), then the servers, the world last so its clock starts closest to the miner.
    const order = Object.entries(i.specs).sort(([, a], [, b]) => rank(a) - rank(b));
    for (const [name, spec] of order) {
      if (i.signal.aborted) throw new MinerbenchError('INTERRUPTED', 'interrupted while starting the services');
      if (spec.kind === 'clip-server') {
        i.onStep?.(`${name}: ${spec.clips.length} clips (ffmpeg testsrc2, cached under ${i.clipsCacheDir})`);
        const set = await cachedClips(spec.clips, i.clipsCacheDir, i.signal);
        const server = new ClipServer({ ...binding, root: set.dir, now: i.now });
        running.push([name, server]);
        const address = await server.start();
        clipUrl ??= address.url;
        instances[name] = server;
        started[name] = {
          kind: spec.kind,
          address,
          clips: { dir: set.dir, cached: set.cached, count: spec.clips.length },
        };
      } else if (spec.kind === 's3-sink') {
        const sink = new S3Sink({
          ...binding,
          dir: i.uploadsDir,
          bucket: spec.bucket,
          credentials: sinkCredentials(),
          now: i.now,
        });
        running.push([name, sink]);
        const address = await sink.start();
        Object.assign(env, sinkEnvironment(sink, address.url, spec.env));
        instances[name] = sink;
        started[name] = { kind: spec.kind, address };
      } else {
        const world = new WindowWorld({
          ...binding,
          clock: spec.clock,
          windowBlocks: spec.windowBlocks,
          beaconPeriodS: spec.beaconPeriodS,
          now: i.now,
        });
        running.push([name, world]);
        const address = await world.start();
        env[spec.env.url] = address.url;
        instances[name] = world;
        started[name] = { kind: spec.kind, address };
      }
    }
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
  return {
    instances,
    started,
    env,
    rewriteQuery: (q) => (clipUrl === null ? q : queryAtClipServer(q, clipUrl)),
    stop,
  };
}

function rank(s: ServiceSpec): number {
  return s.kind === 'clip-server' ? 0 : s.kind === 's3-sink' ? 1 : 2;
}

/** The uploads folder of a run folder's artifacts (the sink writes <bucket>/<key> under it). */
export function uploadsDirOf(artifactsDir: string): string {
  return path.join(artifactsDir, 'uploads');
}
