// cachingVerdict: MLPerf TEST04 in spirit: flags a miner whose repeated queries come back much faster than fresh ones. Pure.
import type { CachingProbeResult, CachingVerdict } from '../model/result/validity-section.ts';
import { median } from './median.ts';

export type { CachingProbeResult, CachingVerdict };

export function cachingVerdict(r: CachingProbeResult, threshold = 2): CachingVerdict {
  const f = median(r.freshMs);
  const p = median(r.repeatedMs);
  const speedup = f !== null && p !== null && p > 0 ? Math.round((f / p) * 1000) / 1000 : null;
  return { freshP50Ms: f, repeatedP50Ms: p, speedup, threshold, suspicious: speedup !== null && speedup > threshold };
}
