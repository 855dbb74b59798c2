// QualityDetail: the parts of a replay's quality beyond the mean: per synapse, what `inspect` found by outcome (bad
// inputs counted and named) and which quality measure was used (a proxy or the validator's own). Pure, streaming.
import type { RequestRecord } from '../model/request-record.ts';
import type { QualityMetric, QualityOutcome, QualitySummary } from '../model/result/quality-section.ts';

/** Examples kept per outcome other than 'ok'. */
const FIRST_OUTCOMES = 5;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export type MetricTitles = Readonly<Record<string, { title: string; proxy: boolean; note: string }>>;
type Detail = Pick<QualitySummary, 'bySynapse' | 'outcomes' | 'metrics'>;

/** The parts of an `inspect` value that are counted (by convention: { outcome, reason, metric }); null otherwise. */
export function inspectedParts(x: unknown): { outcome: string; reason: string; metric: string | null } | null {
  if (!x || typeof x !== 'object') return null;
  const v = x as { outcome?: unknown; reason?: unknown; metric?: unknown; inspectError?: unknown };
  if (typeof v.inspectError === 'string') return { outcome: 'inspect-failed', reason: v.inspectError, metric: null };
  if (typeof v.outcome !== 'string') return null;
  return {
    outcome: v.outcome,
    reason: typeof v.reason === 'string' ? v.reason : '',
    metric: typeof v.metric === 'string' ? v.metric : null,
  };
}

export class QualityDetail {
  private readonly bySynapse = new Map<string, { scored: number; sum: number; zero: number }>();
  private readonly outcomes = new Map<string, QualityOutcome>();
  private readonly metrics = new Map<string, number>();

  /** One scored answer: its synapse, its score, its record and what `inspect` found. */
  add(synapse: string, score: number, r: RequestRecord, inspected: unknown): void {
    const s = this.bySynapse.get(synapse) ?? { scored: 0, sum: 0, zero: 0 };
    s.scored++;
    s.sum += score;
    if (score === 0) s.zero++;
    this.bySynapse.set(synapse, s);
    const parts = inspectedParts(inspected);
    if (!parts) return;
    const o = this.outcomes.get(parts.outcome) ?? { outcome: parts.outcome, count: 0, first: [] };
    o.count++;
    if (parts.outcome !== 'ok' && o.first.length < FIRST_OUTCOMES)
      o.first.push({ i: r.i, line: r.line, reason: parts.reason.slice(0, 300) });
    this.outcomes.set(parts.outcome, o);
    if (parts.metric !== null) this.metrics.set(parts.metric, (this.metrics.get(parts.metric) ?? 0) + 1);
  }

  /** Mean score per synapse replayed (what a law's pool of synapses is placed by), even for one synapse. */
  means(): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (const [synapse, x] of this.bySynapse) out[synapse] = x.scored ? r6(x.sum / x.scored) : null;
    return out;
  }

  /** Per synapse only when there are several; outcomes and metrics only when `inspect` named any. */
  finish(titles: MetricTitles | undefined): Detail {
    const out: Detail = {};
    if (this.bySynapse.size > 1)
      out.bySynapse = [...this.bySynapse.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([synapse, x]) => ({
          synapse,
          scored: x.scored,
          mean: x.scored ? r6(x.sum / x.scored) : null,
          zero: x.zero,
        }));
    if (this.outcomes.size)
      out.outcomes = [...this.outcomes.values()].sort((a, b) =>
        a.outcome === 'ok' ? -1 : b.outcome === 'ok' ? 1 : b.count - a.count || (a.outcome < b.outcome ? -1 : 1),
      );
    if (this.metrics.size)
      out.metrics = [...this.metrics.entries()].map(([name, answers]): QualityMetric => {
        const known = titles?.[name];
        return known
          ? { name, title: known.title, proxy: known.proxy, note: known.note, answers }
          : { name, title: name, proxy: false, note: "not described by the profile's qualityMetrics", answers };
      });
    return out;
  }
}
