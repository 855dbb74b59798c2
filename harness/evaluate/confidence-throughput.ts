// throughputConfidence: a confidence interval for completions per second by batch means over equal time slices. Pure.
import type { ThroughputInterval } from '../model/result/latency-section.ts';

export type { ThroughputInterval };

/** Two-sided 97.5% Student t quantiles for 1..30 degrees of freedom (95% intervals); beyond, the normal 1.96. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Counts completions into equal time slices as they come (constant memory), then gives the batch-means interval. */
export class ThroughputBatches {
  private readonly counts: number[];
  private readonly width: number;

  constructor(
    private readonly startMs: number,
    private readonly endMs: number,
    readonly batches = 10,
  ) {
    this.counts = new Array<number>(batches).fill(0);
    this.width = (endMs - startMs) / batches;
  }

  add(completedMs: number): void {
    if (!(this.width > 0) || completedMs < this.startMs || completedMs > this.endMs) return;
    this.counts[Math.min(this.batches - 1, Math.floor((completedMs - this.startMs) / this.width))]!++;
  }

  result(): ThroughputInterval {
    const { batches } = this;
    const spanS = (this.endMs - this.startMs) / 1000;
    if (!(spanS > 0) || batches < 2) return { meanQps: 0, lowQps: null, highQps: null, batches, level: 0.95 };
    const rates = this.counts.map((c) => c / (this.width / 1000));
    const mean = rates.reduce((a, b) => a + b, 0) / batches;
    const sd = Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (batches - 1));
    const half = (T975[batches - 2] ?? 1.96) * (sd / Math.sqrt(batches));
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return { meanQps: r3(mean), lowQps: r3(Math.max(0, mean - half)), highQps: r3(mean + half), batches, level: 0.95 };
  }
}

/** completionsMs: when each measured query completed (run clock); the window is split into `batches` slices. */
export function throughputConfidence(
  completionsMs: Iterable<number>,
  startMs: number,
  endMs: number,
  batches = 10,
): ThroughputInterval {
  const t = new ThroughputBatches(startMs, endMs, batches);
  for (const c of completionsMs) t.add(c);
  return t.result();
}
