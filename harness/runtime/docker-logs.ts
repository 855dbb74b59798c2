// Container logs: the last lines while a miner runs, and its whole output (bounded) once it stopped, demultiplexed
// from the engine's framed stream.
import type Docker from 'dockerode';
import { BoundedLog } from './bounded-log.ts';

/**
 * Docker frames non-TTY logs as [stream, 0, 0, 0, size(4 bytes BE)] + payload, one frame per write of the miner, so
 * a character can be cut between two frames: each stream is decoded as one UTF-8 stream of its own.
 */
export function demuxDockerLog(buf: Buffer): string {
  const decoders = [new TextDecoder(), new TextDecoder(), new TextDecoder()]; // stdin, stdout, stderr
  let out = '';
  let off = 0;
  while (off + 8 <= buf.length) {
    const kind = buf[off]!;
    const size = buf.readUInt32BE(off + 4);
    if (kind !== 0 && kind !== 1 && kind !== 2) return buf.toString('utf8'); // not framed (TTY)
    out += decoders[kind]!.decode(buf.subarray(off + 8, off + 8 + size), { stream: true });
    off += 8 + size;
  }
  for (const d of decoders) out += d.decode();
  return out;
}

/** Frames arriving in chunks of any size, payloads handed on as they complete; never holds more than one frame. */
export class DockerLogDemuxer {
  private pending: Buffer = Buffer.alloc(0);
  private raw = false;

  constructor(private readonly onPayload: (b: Buffer) => void) {}

  push(chunk: Buffer): void {
    if (this.raw) return this.onPayload(chunk);
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (buf.length >= 8) {
      const kind = buf[0];
      if (kind !== 0 && kind !== 1 && kind !== 2) {
        this.raw = true; // not framed (a TTY container): the bytes are the text
        this.onPayload(buf);
        buf = Buffer.alloc(0);
        break;
      }
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      this.onPayload(buf.subarray(8, 8 + size));
      buf = buf.subarray(8 + size);
    }
    this.pending = Buffer.from(buf);
  }
}

/** The last `tail` lines of a running container's output (enough for an error's details, never the whole log). */
export async function readContainerLogs(container: Docker.Container, tail = 200): Promise<string> {
  const raw = (await container.logs({
    stdout: true,
    stderr: true,
    follow: false,
    timestamps: false,
    tail,
  })) as unknown as Buffer;
  return demuxDockerLog(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
}

/**
 * A stopped container's whole output streamed into a BoundedLog (its start and end kept, the cut said), so a log of
 * any size comes back as text and never as an empty string. Gives up after `timeoutMs` with what it has.
 */
export async function collectContainerLogs(container: Docker.Container, timeoutMs = 60_000): Promise<BoundedLog> {
  const log = new BoundedLog();
  const stream = (await container.logs({
    stdout: true,
    stderr: true,
    follow: true,
    timestamps: false,
  })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  const demux = new DockerLogDemuxer((b) => log.append(b));
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      stream.destroy();
      resolve();
    }, timeoutMs);
    t.unref();
    stream.on('data', (c: Buffer) => demux.push(c));
    stream.on('end', () => (clearTimeout(t), resolve()));
    stream.on('close', () => (clearTimeout(t), resolve()));
    stream.on('error', () => (clearTimeout(t), resolve()));
  });
  return log;
}
