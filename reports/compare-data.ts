// buildComparison: PURE. Indexed runs -> machines side by side per subnet and subnets side by side per machine.
import { aggregateFigures, overlaps, type Figure } from '../harness/evaluate/figure.ts';
import type { IndexedRun } from '../harness/results/query-runs.ts';
import { METRICS, type MetricDef, type MetricId } from '../harness/evaluate/run-figures.ts';
import { maxOf, minOf } from '../harness/model/min-max.ts';

/** The columns of the comparison tables. */
export const COMPARE_METRICS: readonly MetricId[] = [
  'qualityPerJoule',
  'quality',
  'meanW',
  'p99Ms',
  'p99OfTimeout',
  'capacityQps',
  'netPerDay',
];

/** 'best': the best value of its table; 'noise': not the best, but its interval overlaps the best's (within noise). */
export type Mark = 'best' | 'noise' | '';

export interface CompareCell {
  subnet: string;
  machine: string;
  runs: number;
  latestRunId: string;
  latestAt: string;
  /** The verdict of the latest run; INVALID cells are shown but never marked best. */
  verdict: string;
  figures: Partial<Record<MetricId, Figure>>;
}

export interface CompareRow {
  /** Index into cells. */
  cell: number;
  marks: Partial<Record<MetricId, Mark>>;
}

export interface CompareGroup {
  /** A subnet id (rows are machines) or a machine id (rows are subnets). */
  key: string;
  rows: CompareRow[];
}

export interface ComparisonData {
  metrics: MetricDef[];
  currency: string | null;
  runs: number;
  from: string | null;
  to: string | null;
  subnets: Array<{ id: string; netuid: number; title: string }>;
  machines: Array<{ id: string; name: string }>;
  cells: CompareCell[];
  bySubnet: CompareGroup[];
  byMachine: CompareGroup[];
}

export function buildComparison(runs: readonly IndexedRun[]): ComparisonData {
  const byCell = new Map<string, IndexedRun[]>();
  for (const r of runs) {
    const k = `${r.subnet.id}\u0000${r.machine.id}`;
    byCell.set(k, [...(byCell.get(k) ?? []), r]);
  }
  const cells: CompareCell[] = [...byCell.values()].map((list) => {
    const sorted = [...list].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const latest = sorted[0]!;
    const figures: Partial<Record<MetricId, Figure>> = {};
    for (const id of COMPARE_METRICS) {
      const f = aggregateFigures(sorted.flatMap((r) => (r.figures[id] ? [r.figures[id]!] : [])));
      if (f) figures[id] = f;
    }
    return {
      subnet: latest.subnet.id,
      machine: latest.machine.id,
      runs: list.length,
      latestRunId: latest.runId,
      latestAt: latest.startedAt,
      verdict: latest.verdict,
      figures,
    };
  });
  const subnets = uniqueBy(
    runs.map((r) => r.subnet),
    (s) => s.id,
  ).sort((a, b) => a.id.localeCompare(b.id));
  const machines = uniqueBy(
    runs.map((r) => ({ id: r.machine.id, name: r.machine.name })),
    (m) => m.id,
  ).sort((a, b) => a.name.localeCompare(b.name));
  const times = runs.map((r) => r.startedAt).sort();
  const currencies = uniqueBy(
    runs.flatMap((r) => (r.currency ? [r.currency] : [])),
    (c) => c,
  );
  return {
    metrics: METRICS.filter((m) => COMPARE_METRICS.includes(m.id)),
    currency: currencies.length === 1 ? currencies[0]! : null,
    runs: runs.length,
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    subnets,
    machines,
    cells,
    bySubnet: subnets.map((s) => group(s.id, cells, (c) => c.subnet === s.id)),
    byMachine: machines.map((m) => group(m.id, cells, (c) => c.machine === m.id)),
  };
}

function group(key: string, cells: readonly CompareCell[], member: (c: CompareCell) => boolean): CompareGroup {
  const idx = cells.flatMap((c, i) => (member(c) ? [i] : []));
  const rows: CompareRow[] = idx.map((cell) => ({ cell, marks: {} }));
  for (const m of METRICS) {
    if (!COMPARE_METRICS.includes(m.id)) continue;
    const eligible = rows.filter((r) => cells[r.cell]!.verdict !== 'INVALID' && cells[r.cell]!.figures[m.id]);
    if (eligible.length < 2) continue;
    const val = (r: CompareRow) => cells[r.cell]!.figures[m.id]!.value;
    const bestValue = m.better === 'higher' ? maxOf(eligible.map(val)) : minOf(eligible.map(val));
    const best = eligible.filter((r) => val(r) === bestValue);
    for (const r of eligible) {
      const f = cells[r.cell]!.figures[m.id]!;
      r.marks[m.id] = best.includes(r)
        ? 'best'
        : best.some((b) => overlaps(cells[b.cell]!.figures[m.id]!, f))
          ? 'noise'
          : '';
    }
  }
  return { key, rows };
}

function uniqueBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}
