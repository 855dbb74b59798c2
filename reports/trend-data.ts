// buildTrend: PURE. Indexed runs -> per subnet x machine, each metric night by night, regressions where intervals part.
import { aggregateFigures, overlaps, type Figure } from '../harness/evaluate/figure.ts';
import type { IndexedRun } from '../harness/results/query-runs.ts';
import { METRICS, type MetricDef, type MetricId } from '../harness/evaluate/run-figures.ts';

/** Change from the previous night with data: only a gap between the two intervals counts as a change. */
export type Change = 'first' | 'noise' | 'regression' | 'improvement';

export interface TrendPoint extends Figure {
  night: string;
  runs: number;
  change: Change;
}

export interface TrendSeries {
  subnet: { id: string; netuid: number; title: string };
  machine: { id: string; name: string };
  nights: string[];
  metrics: Partial<Record<MetricId, TrendPoint[]>>;
  regressions: number;
}

export interface TrendData {
  metrics: MetricDef[];
  nightRule: string;
  series: TrendSeries[];
}

/** Nights run noon to noon UTC and are named by the date they end on: 23:50 and 02:10 runs share one night. */
export function nightOf(iso: string): string {
  return new Date(Date.parse(iso) + 12 * 3_600_000).toISOString().slice(0, 10);
}

export function changeOf(prev: Figure | null, cur: Figure, better: 'higher' | 'lower'): Change {
  if (!prev) return 'first';
  if (overlaps(prev, cur)) return 'noise';
  const up = cur.value > prev.value;
  return up === (better === 'higher') ? 'improvement' : 'regression';
}

export function buildTrend(runs: readonly IndexedRun[]): TrendData {
  const pairs = new Map<string, IndexedRun[]>();
  for (const r of runs) {
    const k = `${r.subnet.id}\u0000${r.machine.id}`;
    pairs.set(k, [...(pairs.get(k) ?? []), r]);
  }
  const series = [...pairs.values()].map((list): TrendSeries => {
    const byNight = new Map<string, IndexedRun[]>();
    for (const r of list) byNight.set(nightOf(r.startedAt), [...(byNight.get(nightOf(r.startedAt)) ?? []), r]);
    const nights = [...byNight.keys()].sort();
    const metrics: Partial<Record<MetricId, TrendPoint[]>> = {};
    let regressions = 0;
    for (const m of METRICS) {
      let prev: Figure | null = null;
      const points: TrendPoint[] = [];
      for (const night of nights) {
        const rs = byNight.get(night)!;
        const f = aggregateFigures(rs.flatMap((r) => (r.figures[m.id] ? [r.figures[m.id]!] : [])));
        if (!f) continue;
        const change = changeOf(prev, f, m.better);
        if (change === 'regression') regressions++;
        points.push({ night, runs: rs.length, ...f, change });
        prev = f;
      }
      if (points.length) metrics[m.id] = points;
    }
    const first = list[0]!;
    return {
      subnet: first.subnet,
      machine: { id: first.machine.id, name: first.machine.name },
      nights,
      metrics,
      regressions,
    };
  });
  series.sort((a, b) => a.subnet.id.localeCompare(b.subnet.id) || a.machine.name.localeCompare(b.machine.name));
  return {
    metrics: [...METRICS],
    nightRule:
      'a night runs from 12:00 to 12:00 UTC and is named by the date it ends on; several runs in one night are averaged',
    series,
  };
}
