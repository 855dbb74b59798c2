// ArrivalKind: one arrival model (closed, constant, poisson, trace, sweep): its options, checks and driver in one file.
import type { OptionSpec, OptionsOf } from '../config/option-spec.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ArrivalInfo, ReplayOutput } from '../model/replay-output.ts';
import type { ReplayContext } from './replay-context.ts';

/** How much a run sends: a count (--queries, or the file) or a time (--duration), after the warm-up. */
export interface RunSize {
  warmup: number;
  count: number | null;
  durationS: number | null;
}

export interface ArrivalPlan {
  /** Queries sent in all, warm-up included; null when only time decides. */
  total: number | null;
  /** Measured queries (after the warm-up); null when only time decides. */
  measured: number | null;
  /** Seconds the schedule spans, when it is known in advance (open loops); null otherwise. */
  spanS: number | null;
  warnings: string[];
}

/** A closed or rate-based loop sends the warm-up plus the count it is asked for (the file is cycled). */
export function countedPlan(run: RunSize, queries: readonly CapturedQuery[], ratePerS?: number | null): ArrivalPlan {
  if (run.durationS !== null) return { total: null, measured: null, spanS: run.durationS, warnings: [] };
  const measured = run.count ?? queries.length;
  const total = run.warmup + measured;
  return { total, measured, spanS: ratePerS ? total / ratePerS : null, warnings: [] };
}

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
  /** Queries due in the schedule's first second (open loops with a rate): the default warm-up covers them. */
  firstSecond?(o: OptionsOf<T>): number;
  /** What this kind will send: the progress total and the schedule's span where known, and what to say first. */
  plan(o: OptionsOf<T>, queries: readonly CapturedQuery[], run: RunSize): ArrivalPlan;
  run(ctx: ReplayContext, o: OptionsOf<T>): Promise<ReplayOutput>;
}

/** Declares an arrival kind with its options typed in every method. */
export function defineArrival<const T extends readonly OptionSpec[]>(k: ArrivalKind<T>): ArrivalKind {
  return k as unknown as ArrivalKind;
}
