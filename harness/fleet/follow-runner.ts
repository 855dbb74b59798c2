// followRunner: reads a runner container's output as it comes, hands each protocol message on, and notices a silent engine.
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { parseRunnerLine, type RunnerMessage } from './runner-message.ts';

export interface FollowOptions {
  onMessage: (m: RunnerMessage) => void;
  /** Checks the engine still answers (docker.ping); called when the runner has been silent for idleMs. */
  ping: () => Promise<unknown>;
  idleMs?: number;
}

export interface FollowResult {
  /** Why following stopped early: the stream broke or the engine stopped answering. */
  lost?: string;
  /** The runner's last stderr lines (for a failure message). */
  stderrTail: string[];
}

/** A writable that hands on each complete line written to it. */
export function lineStream(onLine: (l: string) => void): PassThrough {
  const p = new PassThrough();
  const decoder = new TextDecoder(); // one stream: a character cut between two chunks comes out whole
  let buf = '';
  p.on('data', (d: Buffer) => {
    buf += decoder.decode(d, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  return p;
}

export async function followRunner(
  docker: Docker,
  container: Docker.Container,
  o: FollowOptions,
): Promise<FollowResult> {
  const stderrTail: string[] = [];
  const stream = (await container.logs({
    follow: true,
    stdout: true,
    stderr: true,
  })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  const out = lineStream((l) => {
    const m = parseRunnerLine(l);
    if (m) o.onMessage(m);
  });
  const err = lineStream((l) => {
    stderrTail.push(l);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  docker.modem.demuxStream(stream, out, err);
  let last = Date.now();
  stream.on('data', () => (last = Date.now()));
  const idleMs = o.idleMs ?? 45_000;
  return new Promise<FollowResult>((resolve) => {
    let settled = false;
    const finish = (lost?: string) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      stream.destroy();
      resolve({ ...(lost ? { lost } : {}), stderrTail });
    };
    const watch = setInterval(
      () => {
        if (Date.now() - last < idleMs) return;
        last = Date.now();
        Promise.race([
          o.ping(),
          new Promise((_, rej) => setTimeout(() => rej(new Error(`no answer within 10 s`)), 10_000).unref()),
        ]).catch((e: Error) => finish(`the engine stopped answering (${e.message})`));
      },
      Math.min(5_000, idleMs),
    );
    stream.on('end', () => finish());
    stream.on('close', () => finish());
    stream.on('error', (e: Error) => finish(`the connection to the engine broke (${e.message})`));
  });
}
