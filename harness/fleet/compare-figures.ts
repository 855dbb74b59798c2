// compareFigures: tonight's runs against the baseline nights' runs, per metric; a regression only where the intervals do not overlap. Pure.
import { aggregateFigures, overlaps, type Figure } from '../evaluate/figure.ts';
import { METRICS, type MetricId, type RunFigures } from '../evaluate/run-figures.ts';

/** The metrics a night is judged on (energy ones only when measured). */
export const NIGHTLY_METRICS: readonly MetricId[] = [
  'p50Ms',
  'p99Ms',
  'capacityQps',
  'errorRate',
  'quality',
  'joulesPerQuery',
  'qualityPerJoule',
];

export type Verdict = 'regression' | 'improvement' | 'same' | 'no-baseline' | 'not-measured';

export interface MetricComparison {
  metric: MetricId;
  label: string;
  unit: string;
  better: 'higher' | 'lower';
  tonight: Figure | null;
  baseline: Figure | null;
  verdict: Verdict;
  /** (tonight - baseline) / baseline, when both exist and the baseline is not 0. */
  change: number | null;
}

export function compareFigures(
  tonight: readonly RunFigures[],
  baseline: readonly RunFigures[],
  metrics = NIGHTLY_METRICS,
): MetricComparison[] {
  const out: MetricComparison[] = [];
  for (const id of metrics) {
    const def = METRICS.find((m) => m.id === id)!;
    const t = aggregateFigures(tonight.flatMap((f) => (f[id] ? [f[id]!] : [])));
    const b = aggregateFigures(baseline.flatMap((f) => (f[id] ? [f[id]!] : [])));
    if (!t && !b) continue;
    let verdict: Verdict;
    if (!t) verdict = 'not-measured';
    else if (!b) verdict = 'no-baseline';
    else if (overlaps(t, b)) verdict = 'same';
    else verdict = t.value > b.value === (def.better === 'higher') ? 'improvement' : 'regression';
    out.push({
      metric: id,
      label: def.label,
      unit: def.unit,
      better: def.better,
      tonight: t,
      baseline: b,
      verdict,
      change: t && b && b.value !== 0 ? (t.value - b.value) / Math.abs(b.value) : null,
    });
  }
  return out;
}
