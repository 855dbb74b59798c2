// ArrivalDriver: one registered arrival model kind: checks its options, then drives a whole replay.
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ArrivalOptions, ReplayContext } from './replay-context.ts';
import type { ReplayOutput } from '../model/replay-output.ts';

export interface ArrivalDriver {
  readonly kind: string;
  /** Open models schedule from absolute time; closed ones send when a worker is free. */
  readonly open: boolean;
  /** The queries file must have non-decreasing t (trace). */
  readonly monotonicQueries: boolean;
  describe: string;
  /** Every problem with the options, each naming the flag and the fix; empty when fine. */
  check(o: ArrivalOptions, queries: readonly CapturedQuery[]): string[];
  run(ctx: ReplayContext): Promise<ReplayOutput>;
}
