// queryRuns: indexed runs matching subnet / machine / time filters, newest first, each with its figures.
import { MinerbenchError } from '../errors.ts';
import type { Figure } from '../evaluate/figure.ts';
import { indexError, type IndexDb } from './open-index.ts';
import type { RunFigures } from '../evaluate/run-figures.ts';

export interface RunFilter {
  subnet?: string;
  /** A machine id (or its prefix), hostname or name. */
  machine?: string;
  /** ISO date/time, or a span back from `now`: 36h, 7d, 4w. */
  since?: string;
  limit?: number;
}

export interface IndexedRun {
  runId: string;
  resultPath: string;
  subnet: { id: string; netuid: number; title: string };
  machine: { id: string; name: string; hostname: string; gpuSummary: string };
  startedAt: string;
  status: string;
  verdict: string;
  reasons: string[];
  currency: string | null;
  minerbenchVersion: string;
  figures: RunFigures;
}

/** --since as an ISO instant: a date, a date-time, or N h/d/w before now. */
export function sinceInstant(since: string, now = new Date()): string {
  const rel = /^(\d+(?:\.\d+)?)\s*([hdw])$/.exec(since.trim());
  if (rel) {
    const hours = Number(rel[1]) * { h: 1, d: 24, w: 168 }[rel[2] as 'h' | 'd' | 'w'];
    const at = new Date(now.getTime() - hours * 3_600_000);
    // A span beyond what a Date can hold (about 270,000 years) is a typo, not "everything".
    if (Number.isNaN(at.getTime()))
      throw new MinerbenchError('USAGE', `--since ${since} reaches before the earliest date there is`, {
        hint: 'e.g. --since 7d',
      });
    return at.toISOString();
  }
  const t = Date.parse(since);
  if (Number.isNaN(t))
    throw new MinerbenchError('USAGE', `--since ${since} is neither a date (2026-11-01) nor a span (36h, 7d, 4w)`, {
      hint: 'e.g. --since 7d',
    });
  return new Date(t).toISOString();
}

export function queryRuns(db: IndexDb, filter: RunFilter = {}, now = new Date()): IndexedRun[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.subnet) {
    where.push('r.subnet_id = ?');
    args.push(filter.subnet);
  }
  if (filter.machine) {
    where.push("(r.machine_id LIKE ? || '%' OR m.hostname = ? OR m.name = ?)");
    args.push(filter.machine, filter.machine, filter.machine);
  }
  if (filter.since) {
    where.push('r.started_at >= ?');
    args.push(sinceInstant(filter.since, now));
  }
  const sql = `SELECT r.run_id, r.result_path, r.subnet_id, s.netuid, s.title, r.machine_id, m.name, m.hostname, m.gpu_summary,
      r.started_at, r.status, r.verdict, r.reasons, r.currency, r.minerbench_version
    FROM runs r JOIN subnets s USING (subnet_id) JOIN machines m USING (machine_id)
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.started_at DESC, r.run_id${filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : ''}`;
  try {
    const rows = db.prepare(sql).all(...args) as Array<Record<string, string | number | null>>;
    const figs = db.prepare('SELECT metric, value, lo, hi FROM figures WHERE run_id = ?');
    return rows.map((x) => {
      const figures: RunFigures = {};
      for (const f of figs.all(x['run_id']) as Array<Figure & { metric: keyof RunFigures }>)
        figures[f.metric] = { value: f.value, lo: f.lo, hi: f.hi };
      return {
        runId: String(x['run_id']),
        resultPath: String(x['result_path']),
        subnet: { id: String(x['subnet_id']), netuid: Number(x['netuid']), title: String(x['title']) },
        machine: {
          id: String(x['machine_id']),
          name: String(x['name']),
          hostname: String(x['hostname']),
          gpuSummary: String(x['gpu_summary']),
        },
        startedAt: String(x['started_at']),
        status: String(x['status']),
        verdict: String(x['verdict']),
        reasons: JSON.parse(String(x['reasons'])) as string[],
        currency: x['currency'] === null ? null : String(x['currency']),
        minerbenchVersion: String(x['minerbench_version']),
        figures,
      };
    });
  } catch (e) {
    throw indexError(e, db.name);
  }
}
