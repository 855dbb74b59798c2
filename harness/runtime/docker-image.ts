// buildMinerImage: builds a miner image from its build context through the engine, keeping the whole build log.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { MinerbenchError } from '../errors.ts';
import { contextFiles, packBuildContext } from './build-context.ts';

export interface BuiltImage {
  id: string;
  tag: string;
  log: string;
  seconds: number;
}

export interface BuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

/** A content hash of what goes into the build, so an unchanged miner reuses its image tag. */
function contextHash(dir: string, buildArgs: Record<string, string>): string {
  const h = createHash('sha256');
  for (const f of contextFiles(dir))
    h.update(f)
      .update('\0')
      .update(readFileSync(path.join(dir, f)))
      .update('\0');
  h.update(JSON.stringify(buildArgs));
  return h.digest('hex').slice(0, 12);
}

export function lastLines(text: string, n: number): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .slice(-n);
}

/**
 * The build's events as the engine streams them. docker-modem decodes each chunk on its own, so the stream is set to
 * decode UTF-8 first: a character cut between two chunks (a build step printing non-ASCII) comes out whole.
 */
export function followBuildProgress(
  modem: Docker['modem'],
  stream: NodeJS.ReadableStream,
  onEvent: (ev: BuildEvent) => void,
): Promise<BuildEvent[]> {
  stream.setEncoding('utf8');
  return new Promise<BuildEvent[]>((resolve, reject) => {
    modem.followProgress(stream, (err, out) => (err ? reject(err) : resolve(out as BuildEvent[])), onEvent);
  });
}

export async function buildMinerImage(
  docker: Docker,
  opts: {
    subnetId: string;
    context: string;
    buildArgs: Record<string, string>;
    signal?: AbortSignal;
    onLog?: (text: string) => void;
  },
): Promise<BuiltImage> {
  const started = performance.now();
  const tag = `minerbench/${opts.subnetId}:${contextHash(opts.context, opts.buildArgs)}`;
  let log = '';
  let imageId: string | undefined;
  try {
    const stream = await docker.buildImage(packBuildContext(opts.context), {
      t: tag,
      buildargs: opts.buildArgs,
      labels: { 'minerbench.subnet': opts.subnetId },
      rm: true,
      forcerm: true,
      ...(opts.signal ? { abortSignal: opts.signal } : {}),
    });
    const events = await followBuildProgress(docker.modem, stream, (ev) => {
      const text = (ev.stream ?? (ev.status ? `${ev.status}\n` : '')) + (ev.error ? `ERROR: ${ev.error}\n` : '');
      log += text;
      opts.onLog?.(text);
    });
    const failed = events.find((e) => e.error || e.errorDetail);
    if (failed) throw new Error(failed.errorDetail?.message ?? failed.error ?? 'build failed');
    imageId = events.find((e) => e.aux?.ID)?.aux?.ID;
  } catch (e) {
    if (opts.signal?.aborted) throw new MinerbenchError('INTERRUPTED', 'image build interrupted');
    const msg = (e as Error).message;
    const pull = /pull access denied|failed to resolve|dial tcp|TLS handshake|no such host|manifest unknown/i.test(
      log + msg,
    );
    throw new MinerbenchError('IMAGE_BUILD_FAILED', `building the ${opts.subnetId} miner image failed: ${msg.trim()}`, {
      details: lastLines(log, 15),
      hint: pull
        ? 'the base image could not be pulled: on a machine without a registry build the offline base first (bash .ci/build-base-image.sh) or pass --base-image'
        : `fix the miner's Dockerfile or code in ${opts.context}; the whole build log is in the run folder`,
      cause: e,
    });
  }
  const inspected = await docker.getImage(tag).inspect();
  return { id: imageId ?? inspected.Id, tag, log, seconds: (performance.now() - started) / 1000 };
}
