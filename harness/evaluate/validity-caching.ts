// cachingVerdict: MLPerf TEST04 in spirit: flags a miner whose repeated queries come back much faster than fresh ones. Pure.

export interface CachingProbeResult {
  /** Latencies (ms) of distinct queries, and of one query sent again and again. */
  freshMs: number[];
  repeatedMs: number[];
}

export interface CachingVerdict {
  freshP50Ms: number | null;
  repeatedP50Ms: number | null;
  /** fresh / repeated median; > 1 means repeats are faster. */
  speedup: number | null;
  /** Flagged when repeats are faster than fresh ones by more than this factor. */
  threshold: number;
  suspicious: boolean;
}

function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function cachingVerdict(r: CachingProbeResult, threshold = 2): CachingVerdict {
  const f = median(r.freshMs);
  const p = median(r.repeatedMs);
  const speedup = f !== null && p !== null && p > 0 ? Math.round((f / p) * 1000) / 1000 : null;
  return { freshP50Ms: f, repeatedP50Ms: p, speedup, threshold, suspicious: speedup !== null && speedup > threshold };
}
