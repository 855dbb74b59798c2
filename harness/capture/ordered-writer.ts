// OrderedWriter: writes lines in arrival order (sequence numbers) though exchanges finish in any order; nothing lost.
import { createWriteStream, type WriteStream } from 'node:fs';

export class OrderedWriter {
  private readonly out: WriteStream;
  private readonly pending = new Map<number, string | null>();
  private next = 0;
  written = 0;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx' });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.once('open', () => resolve());
      this.out.once('error', reject);
    });
  }

  /** The line of exchange `seq` (null: nothing to write for it); earlier ones still open hold it back. */
  put(seq: number, line: string | null): void {
    this.pending.set(seq, line);
    while (this.pending.has(this.next)) {
      const l = this.pending.get(this.next);
      this.pending.delete(this.next++);
      if (l !== null && l !== undefined) {
        this.out.write(l + '\n');
        this.written++;
      }
    }
  }

  /** Exchanges still open hold later lines back. */
  get held(): number {
    return this.pending.size;
  }

  close(): Promise<void> {
    // Whatever is still held (an exchange that never finished) is written in order rather than lost.
    for (const seq of [...this.pending.keys()].sort((a, b) => a - b)) {
      const l = this.pending.get(seq);
      if (l) {
        this.out.write(l + '\n');
        this.written++;
      }
    }
    this.pending.clear();
    return new Promise((r) => this.out.end(() => r()));
  }
}
