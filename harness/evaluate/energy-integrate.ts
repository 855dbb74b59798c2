// integratePower: trapezoidal energy over a time window from irregular power samples, never bridging a gap.
import type { PowerIntegral, TimeWindow } from '../model/result/energy-section.ts';

export type { PowerIntegral, TimeWindow };

export interface PowerPoint {
  /** Time in ms (harness clock, or any one clock shared by samples, gaps and window). */
  t: number;
  powerW: number | null;
}

/**
 * Trapezoids between consecutive readings, clipped to the window with linear interpolation. An interval longer than
 * maxIntervalMs, or overlapping one of `gaps`, is not bridged: its seconds count as uncovered, not as energy.
 */
export function integratePower(
  points: readonly PowerPoint[],
  window: TimeWindow,
  opts: { maxIntervalMs: number; gaps?: readonly TimeWindow[] },
): PowerIntegral {
  const pts = points
    .filter(
      (p): p is { t: number; powerW: number } => p.powerW !== null && Number.isFinite(p.powerW) && Number.isFinite(p.t),
    )
    .sort((a, b) => a.t - b.t);
  const windowMs = Math.max(0, window.endMs - window.startMs);
  let coveredMs = 0;
  let joules = 0;
  let step = 0;
  let gapsFound = 0;
  let firstW: number | null = null;
  let lastW: number | null = null;
  let minW: number | null = null;
  let maxW: number | null = null;
  const see = (w: number): void => {
    minW = minW === null ? w : Math.min(minW, w);
    maxW = maxW === null ? w : Math.max(maxW, w);
  };
  let inside = 0;
  for (const p of pts) if (p.t >= window.startMs && p.t <= window.endMs) inside++;
  for (let i = 0; i + 1 < pts.length; i++) {
    const p = pts[i] as { t: number; powerW: number };
    const q = pts[i + 1] as { t: number; powerW: number };
    const lo = Math.max(p.t, window.startMs);
    const hi = Math.min(q.t, window.endMs);
    if (hi <= lo) continue;
    const dt = q.t - p.t;
    const crossesGap = (opts.gaps ?? []).some((g) => g.startMs < q.t && g.endMs > p.t);
    if (dt > opts.maxIntervalMs || crossesGap) {
      gapsFound++;
      continue;
    }
    const at = (t: number): number => p.powerW + ((q.powerW - p.powerW) * (t - p.t)) / dt;
    const wLo = at(lo);
    const wHi = at(hi);
    const sec = (hi - lo) / 1000;
    joules += ((wLo + wHi) / 2) * sec;
    step += (Math.abs(wHi - wLo) * sec) / 2;
    coveredMs += hi - lo;
    see(wLo);
    see(wHi);
    firstW ??= wLo;
    lastW = wHi;
  }
  const coveredS = coveredMs / 1000;
  return {
    windowS: windowMs / 1000,
    coveredS,
    uncoveredS: Math.max(0, (windowMs - coveredMs) / 1000),
    measuredJ: joules,
    meanW: coveredMs > 0 ? joules / coveredS : null,
    minW,
    maxW,
    firstW,
    lastW,
    stepDifferenceJ: step,
    samples: inside,
    gapsFound,
  };
}
