// BoundedLog: a miner's output kept within a byte budget: the start and the end, and a line saying what was cut between.

export interface BoundedLogLimits {
  /** Bytes kept from the start (where a miner says what it loaded). */
  headBytes: number;
  /** Bytes kept from the end (where it says why it failed). */
  tailBytes: number;
}

/** 1 MiB of the start and 15 MiB of the end: a kept miner.log is at most 16 MiB and never silently empty. */
export const MINER_LOG_LIMITS: BoundedLogLimits = { headBytes: 1 << 20, tailBytes: 15 << 20 };

export class BoundedLog {
  private head: Buffer[] = [];
  private headLen = 0;
  private tail: Buffer[] = [];
  private tailLen = 0;
  /** Every byte the miner wrote, kept or not. */
  total = 0;

  constructor(private readonly limits: BoundedLogLimits = MINER_LOG_LIMITS) {}

  append(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headLen < this.limits.headBytes) {
      const take = rest.subarray(0, this.limits.headBytes - this.headLen);
      this.head.push(take);
      this.headLen += take.length;
      rest = rest.subarray(take.length);
    }
    if (!rest.length) return;
    this.tail.push(rest);
    this.tailLen += rest.length;
    // Drop whole chunks from the front while the rest still fills the budget, then trim the first one.
    while (this.tail.length > 1 && this.tailLen - this.tail[0]!.length >= this.limits.tailBytes)
      this.tailLen -= this.tail.shift()!.length;
    if (this.tailLen > this.limits.tailBytes) {
      this.tail[0] = this.tail[0]!.subarray(this.tailLen - this.limits.tailBytes);
      this.tailLen = this.limits.tailBytes;
    }
  }

  /** Bytes left out between the head and the tail. */
  get cutBytes(): number {
    return this.total - this.headLen - this.tailLen;
  }

  /** The kept text; where bytes were cut, a line says how many (so a short log is never mistaken for the whole). */
  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    if (!this.cutBytes) return head + tail;
    const nl = head.endsWith('\n') || !head ? '' : '\n';
    return `${head}${nl}[minerbench: ${this.cutBytes} bytes of the miner's output cut here; ${this.total} bytes in all, the first ${this.headLen} and the last ${this.tailLen} kept]\n${tail}`;
  }
}
