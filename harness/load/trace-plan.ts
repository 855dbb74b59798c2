// tracePlan: what an --arrival trace run sends (the file once, never wrapped), how long its schedule spans, and a
// warning when that is long. PURE: the run announces it, sizes its progress bar and its time left from it.
import type { CapturedQuery } from '../model/captured-query.ts';

/** A trace schedule longer than this (seconds, after --time-scale) is announced with a warning. */
export const LONG_TRACE_S = 600;

/** Time scales offered to bring a long trace under LONG_TRACE_S. */
const SUGGESTED_SCALES = [2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600];

export interface TracePlanInput {
  /** Queries sent as warm-up before the measurement (--warmup). */
  warmup: number;
  /** Measured queries asked for (--queries), null for the whole file. Ignored when durationS is set. */
  count: number | null;
  /** Measured seconds (--duration), from the first measured query; null when the run is counted in queries. */
  durationS: number | null;
  timeScale: number;
}

export interface TracePlan {
  warmup: number;
  measured: number;
  /** Queries sent in all (warm-up included): the progress total. */
  total: number;
  /** Seconds from the first query sent to the last, at this time scale. */
  spanS: number;
  /** A line to show before the run starts when the schedule is longer than LONG_TRACE_S; null otherwise. */
  warning: string | null;
}

/** Seconds from the first to the last of these queries (their captured t, non-decreasing), divided by timeScale. */
export function traceSpan(queries: readonly Pick<CapturedQuery, 't'>[], timeScale: number): number {
  if (queries.length < 2) return 0;
  return (queries[queries.length - 1]!.t - queries[0]!.t) / timeScale;
}

/**
 * The trace schedule replays each query of the file once at its own offset, so a run sends at most the file:
 * warm-up first, then the measured queries (as many as asked, as fit in --duration, or as the file has left).
 */
export function tracePlan(queries: readonly Pick<CapturedQuery, 't'>[], o: TracePlanInput): TracePlan {
  const n = queries.length;
  const warmup = Math.min(o.warmup, n);
  let measured: number;
  if (o.durationS !== null) {
    // As the open loop does: the window opens at the first measured query's offset and closes durationS later.
    const opens = queries[warmup]?.t;
    measured = 0;
    if (opens !== undefined)
      for (let k = warmup; k < n && (queries[k]!.t - opens) / o.timeScale < o.durationS; k++) measured++;
  } else {
    measured = Math.min(o.count ?? n, n - warmup);
  }
  const total = warmup + measured;
  const spanS = traceSpan(queries.slice(0, total), o.timeScale);
  return { warmup, measured, total, spanS, warning: spanS > LONG_TRACE_S ? longTraceWarning(total, spanS, o) : null };
}

function longTraceWarning(total: number, spanS: number, o: TracePlanInput): string {
  const rawS = spanS * o.timeScale;
  const scale = SUGGESTED_SCALES.find((s) => s > o.timeScale && rawS / s <= LONG_TRACE_S) ?? null;
  const faster = scale === null ? '' : `use --time-scale ${scale} to replay it in ${spanText(rawS / scale)}, or `;
  return (
    `--arrival trace: the trace spans ${spanText(spanS)} at --time-scale ${o.timeScale} ` +
    `(${total} queries, the last sent ${spanText(spanS)} after the first); ` +
    `${faster}use --duration to measure a part of it`
  );
}

/** 17644.9 -> '4 h 54 m', 294.1 -> '4 m 54 s', 12.5 -> '12.5 s'. */
export function spanText(s: number): string {
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} m`;
  if (s >= 60) return `${Math.floor(s / 60)} m ${Math.floor(s % 60)} s`;
  return `${Number(s.toFixed(1))} s`;
}
