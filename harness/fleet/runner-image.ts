// RunnerImages: makes sure each engine has the runner image for this minerbench: built on the first, loaded on the rest.
import type Docker from 'dockerode';
import { MinerbenchError } from '../errors.ts';
import { lastLines } from '../runtime/docker-image.ts';
import { OFFLINE_BASE_IMAGE } from '../runtime/base-image.ts';
import { packRunnerContext, runnerContext } from './runner-context.ts';

export const RUNNER_REPO = 'minerbench/runner';

export interface RunnerImage {
  tag: string;
  baseImage: string;
  how: 'present' | 'built' | 'loaded';
  seconds: number;
}

async function hasImage(docker: Docker, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return false;
    throw e;
  }
}

/** The requested base, else the offline base if the engine has it, else debian:bookworm-slim if it has that. */
async function chooseRunnerBase(docker: Docker, requested: string | undefined, machine: string): Promise<string> {
  const candidates = requested ? [requested] : [OFFLINE_BASE_IMAGE, 'debian:bookworm-slim'];
  for (const c of candidates) if (await hasImage(docker, c)) return c;
  throw new MinerbenchError(
    'FLEET_RUNNER_FAILED',
    `machine ${machine} has no base image for the runner (looked for ${candidates.join(', ')})`,
    {
      hint: `put one there without a registry: docker save ${candidates[0]} | docker -H <that engine> load (or bash .ci/build-base-image.sh on it)`,
    },
  );
}

/** Builds the runner image on this engine from the packed context. */
async function buildRunnerImage(
  docker: Docker,
  tag: string,
  baseImage: string,
  machine: string,
  signal?: AbortSignal,
): Promise<void> {
  let log = '';
  try {
    const ctx = runnerContext(baseImage);
    const stream = await docker.buildImage(packRunnerContext(ctx), {
      t: tag,
      buildargs: { BASE_IMAGE: baseImage },
      labels: { 'minerbench.runner': 'true' },
      rm: true,
      forcerm: true,
      ...(signal ? { abortSignal: signal } : {}),
    });
    const events = await followStream(
      docker,
      stream,
      (ev) => (log += ev.stream ?? (ev.error ? `ERROR: ${ev.error}\n` : '')),
    );
    const failed = events.find((e) => e.error);
    if (failed) throw new Error(failed.error);
  } catch (e) {
    throw new MinerbenchError(
      'FLEET_RUNNER_FAILED',
      `building the runner image on ${machine} failed: ${(e as Error).message.trim()}`,
      {
        details: lastLines(log, 10),
        hint: 'check the base image is a glibc Debian/Ubuntu image (runner.baseImage in the fleet file)',
        cause: e,
      },
    );
  }
}

type StreamEvent = { error?: string; stream?: string };

function followStream(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onEvent: (e: StreamEvent) => void,
): Promise<StreamEvent[]> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (err, out) => (err ? reject(err) : resolve(out as StreamEvent[])), onEvent);
  });
}

/** Streams an image from one engine into another (docker save | docker load, through this process). */
async function copyImage(from: Docker, to: Docker, tag: string): Promise<void> {
  const saved = await from.getImage(tag).get();
  const loaded = await to.loadImage(saved, { quiet: true });
  const events = await followStream(to, loaded, () => {});
  const failed = events.find((e) => e.error);
  if (failed) throw new Error(failed.error);
}

/**
 * One per fleet run: the first machine that lacks the image builds it; the others then load it from that engine
 * (docker save | docker load is several times faster than building), and build themselves if that fails.
 */
export class RunnerImages {
  private readonly holders = new Map<string, Promise<Docker>>();
  private readonly tags = new Map<string, string>();
  private readonly checks: Array<Promise<void>> = [];

  async ensure(
    docker: Docker,
    opts: { machine: string; baseImage?: string; signal?: AbortSignal },
  ): Promise<RunnerImage> {
    const started = performance.now();
    const baseImage = await chooseRunnerBase(docker, opts.baseImage, opts.machine);
    let tag = this.tags.get(baseImage);
    if (!tag) {
      tag = `${RUNNER_REPO}:${runnerContext(baseImage).hash}`;
      this.tags.set(baseImage, tag);
    }
    const done = (how: RunnerImage['how']): RunnerImage => ({
      tag: tag!,
      baseImage,
      how,
      seconds: (performance.now() - started) / 1000,
    });
    const check = hasImage(docker, tag);
    const inFlight = [...this.checks];
    this.checks.push(
      check.then(
        () => undefined,
        () => undefined,
      ),
    );
    if (await check) {
      if (!this.holders.has(tag)) this.holders.set(tag, Promise.resolve(docker));
      return done('present');
    }
    await Promise.all(inFlight); // an engine being checked right now may have it: load from there rather than build
    const holder = this.holders.get(tag);
    if (holder) {
      const source = await holder.catch(() => undefined);
      if (source && source !== docker) {
        try {
          await copyImage(source, docker, tag);
          if (await hasImage(docker, tag)) return done('loaded');
        } catch {
          /* build it here instead */
        }
      }
    }
    const building = buildRunnerImage(docker, tag, baseImage, opts.machine, opts.signal).then(() => docker);
    if (!holder) this.holders.set(tag, building);
    await building;
    return done('built');
  }
}
