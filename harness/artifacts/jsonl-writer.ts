// JsonlWriter: appends one JSON value per line to a file as a run goes, in batched writes off the hot path, so a run's
// memory does not grow with its length and a crash keeps everything written so far.
import { closeSync, openSync, write, fsyncSync } from 'node:fs';

export interface JsonlWriterOptions {
  /** Flush when this many bytes are waiting (default 64 KiB). */
  batchBytes?: number;
  /** And at least this often while lines come in (default 250 ms). */
  flushMs?: number;
}

export class JsonlWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private failed: Error | undefined;
  private closed = false;
  /** Lines accepted so far. */
  lines = 0;
  readonly batchBytes: number;
  readonly flushMs: number;

  constructor(
    readonly file: string,
    opts: JsonlWriterOptions = {},
  ) {
    this.fd = openSync(file, 'a');
    this.batchBytes = opts.batchBytes ?? 64 * 1024;
    this.flushMs = opts.flushMs ?? 250;
  }

  /** Queues one value; cheap (a JSON.stringify and an array push); the write happens later, in one call per batch. */
  write(value: unknown): void {
    if (this.closed) throw new Error(`${this.file}: write after close`);
    const line = JSON.stringify(value) + '\n';
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.lines++;
    if (this.pendingBytes >= this.batchBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /** Starts writing what is queued (batches are written in order). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return this.writing;
    const chunk = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
    this.writing = this.writing.then(() => writeAll(this.fd, chunk).catch((e: Error) => void (this.failed ??= e)));
    return this.writing;
  }

  /** Writes everything queued, syncs and closes; throws the first write error, if any. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    if (this.failed) throw this.failed;
  }
}

function writeAll(fd: number, buf: Buffer, offset = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    write(fd, buf, offset, buf.length - offset, null, (err, n) => {
      if (err) return reject(err);
      if (offset + n < buf.length) writeAll(fd, buf, offset + n).then(resolve, reject);
      else resolve();
    });
  });
}
