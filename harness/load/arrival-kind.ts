// ArrivalKind: one arrival model (closed, constant, poisson, trace, sweep): its options, checks and driver in one file.
import type { OptionSpec, OptionsOf } from '../config/option-spec.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ArrivalInfo, ReplayOutput } from '../model/replay-output.ts';
import type { ReplayContext } from './replay-context.ts';

export interface ArrivalKind<T extends readonly OptionSpec[] = readonly OptionSpec[]> {
  readonly kind: string;
  /** Open models schedule from absolute time; closed ones send when a worker is free. */
  readonly open: boolean;
  /** The queries file must have non-decreasing t (trace). */
  readonly monotonicQueries: boolean;
  /** One line for --help. */
  readonly summary: string;
  /** The options this kind reads (declared once here; shared ones are the same spec object). */
  readonly options: T;
  /** Every problem with the options (each naming the flag and the fix); empty when fine. */
  check(o: OptionsOf<T>, queries: readonly CapturedQuery[]): string[];
  /** One line for progress output: how the queries will be driven. */
  describe(o: OptionsOf<T>): string;
  /** How the queries were driven, for the result. */
  info(o: OptionsOf<T>): ArrivalInfo;
  /** Queries this kind will send (warm-up included) for a count-based run; null when only time decides. */
  plannedQueries(
    o: OptionsOf<T>,
    queries: readonly CapturedQuery[],
    warmup: number,
    count: number | undefined,
  ): number | null;
  run(ctx: ReplayContext, o: OptionsOf<T>): Promise<ReplayOutput>;
}

/** Declares an arrival kind with its options typed in every method. */
export function defineArrival<const T extends readonly OptionSpec[]>(k: ArrivalKind<T>): ArrivalKind {
  return k as unknown as ArrivalKind;
}
