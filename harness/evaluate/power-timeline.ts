// powerTimeline: GPU power over the run, averaged down to a few hundred points, with the load phases, for the report.
import type { EnergyTrace } from './energy.ts';
import { maxOf, minOf } from '../model/min-max.ts';
import type { PowerTimeline } from '../model/result/energy-section.ts';

export type { PowerTimeline };

export interface PowerPhaseMs {
  name: string;
  startMs: number;
  endMs: number;
}

/** Mean power in equal time buckets (at most maxPoints per GPU); samples without a reading are skipped. */
export function powerTimeline(trace: EnergyTrace, phases: readonly PowerPhaseMs[], maxPoints = 400): PowerTimeline {
  const all = Object.values(trace.gpus).flatMap((g) => g.samples.map((s) => s.t));
  const originMs = Math.min(minOf(all), minOf(phases.map((p) => p.startMs)));
  const endMs = Math.max(maxOf(all), maxOf(phases.map((p) => p.endMs)));
  const bucketMs = Math.max(trace.periodMs, (endMs - originMs) / Math.max(1, maxPoints));
  const series = Object.entries(trace.gpus).map(([uuid, g]) => {
    const buckets = new Map<number, { sum: number; n: number }>();
    for (const s of g.samples) {
      if (s.powerW === null || !Number.isFinite(s.powerW)) continue;
      const k = Math.floor((s.t - originMs) / bucketMs);
      const b = buckets.get(k) ?? { sum: 0, n: 0 };
      b.sum += s.powerW;
      b.n++;
      buckets.set(k, b);
    }
    const points = [...buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([k, b]): [number, number] => [round(((k + 0.5) * bucketMs) / 1000), round(b.sum / b.n)]);
    return { uuid, points };
  });
  const sec = (ms: number) => round((ms - originMs) / 1000);
  return {
    originMs,
    phases: phases.map((p) => ({ name: p.name, startS: sec(p.startMs), endS: sec(p.endMs) })),
    series,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
