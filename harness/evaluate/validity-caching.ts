// cachingVerdict: MLPerf TEST04 in spirit: flags a miner whose repeated queries come back much faster than fresh ones. Pure.
import type { CachingProbeResult, CachingVerdict } from '../model/result/validity-section.ts';

export type { CachingProbeResult, CachingVerdict };

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
