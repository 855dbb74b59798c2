// powerPerWindow / windowSummary: GPU energy in each window from the sampler's artifact, and the window figures. Pure.
import type { GpuSamplerArtifact } from '../model/gpu-sampler-artifact.ts';
import { integratePower } from './energy-integrate.ts';
import type { WindowCount } from './window-units.ts';

export interface WindowSpan {
  window: number;
  /** Harness clock (ms), the same clock the sampler stamps samples with. */
  startMs: number;
  endMs: number;
}

export interface WindowPower {
  window: number;
  /** All GPUs together over the covered part of the window. */
  joules: number;
  meanW: number | null;
  /** The smallest coverage of any GPU, seconds. */
  coveredS: number;
  windowS: number;
}

/** Trapezoidal energy per window per GPU (never bridging gaps longer than `maxIntervalMs`), summed over GPUs. */
export function powerPerWindow(
  artifact: GpuSamplerArtifact,
  spans: readonly WindowSpan[],
  maxIntervalMs: number,
): WindowPower[] {
  const gpus = Object.values(artifact.gpus);
  return spans.map((s) => {
    let joules = 0;
    let meanW = 0;
    let coveredS = Infinity;
    let measured = gpus.length > 0;
    for (const g of gpus) {
      const p = integratePower(
        g.samples,
        { startMs: s.startMs, endMs: s.endMs },
        { maxIntervalMs, gaps: artifact.gaps },
      );
      joules += p.measuredJ;
      if (p.meanW === null) measured = false;
      else meanW += p.meanW;
      coveredS = Math.min(coveredS, p.coveredS);
    }
    return {
      window: s.window,
      joules,
      meanW: measured ? meanW : null,
      coveredS: Number.isFinite(coveredS) ? coveredS : 0,
      windowS: (s.endMs - s.startMs) / 1000,
    };
  });
}

export interface WindowSummary {
  windows: number;
  unitsPerWindowMean: number;
  minUnits: number;
  maxUnits: number;
  /** Standard deviation / mean of unique units per window (population); 0 with one window. */
  spread: number;
  /** Unique units per joule over all windows with power; null without power. */
  unitsPerJoule: number | null;
  duplicates: number;
}

export function windowSummary(counts: readonly WindowCount[], power: readonly WindowPower[] | null): WindowSummary {
  const n = counts.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let duplicates = 0;
  for (const c of counts) {
    sum += c.unique;
    min = Math.min(min, c.unique);
    max = Math.max(max, c.unique);
    duplicates += c.duplicates;
  }
  const mean = n ? sum / n : 0;
  let sq = 0;
  for (const c of counts) sq += (c.unique - mean) ** 2;
  const spread = n && mean > 0 ? Math.sqrt(sq / n) / mean : 0;
  let joules = 0;
  let powered = power !== null && power.length > 0;
  for (const p of power ?? []) {
    if (p.meanW === null) powered = false;
    joules += p.joules;
  }
  return {
    windows: n,
    unitsPerWindowMean: mean,
    minUnits: n ? min : 0,
    maxUnits: n ? max : 0,
    spread,
    unitsPerJoule: powered && joules > 0 ? sum / joules : null,
    duplicates,
  };
}
