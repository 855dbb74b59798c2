// readContainerLogs: a container's stdout and stderr as one text, demultiplexed from the engine's framed stream.
import type Docker from 'dockerode';

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

export async function readContainerLogs(container: Docker.Container): Promise<string> {
  const raw = (await container.logs({
    stdout: true,
    stderr: true,
    follow: false,
    timestamps: false,
  })) as unknown as Buffer;
  return demuxDockerLog(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
}
