// eligibilityFromIndex: what the results index says about this fleet per netuid: each machine's latest run, and
// whether its result's eligibility section says eligible (result.eligibility.eligible: boolean | null).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EligibilityEvidence } from '../../evaluate/subnet-verdict.ts';
import { indexPath } from '../../results/open-index.ts';
import { openExistingIndex } from '../../results/open-existing-index.ts';
import { queryRuns, type IndexedRun } from '../../results/query-runs.ts';

/** A result's eligibility verdict, read loosely (results older than the eligibility section have none: null). */
export function resultEligible(resultFile: string): boolean | null {
  try {
    const r = JSON.parse(readFileSync(resultFile, 'utf8')) as { eligibility?: { eligible?: unknown } };
    return typeof r.eligibility?.eligible === 'boolean' ? r.eligibility.eligible : null;
  } catch {
    return null;
  }
}

/** Pure: per netuid, each machine's latest run decides; eligible if any machine is, false if all known are not. */
export function eligibilityByNetuid(
  runs: readonly Pick<IndexedRun, 'runId' | 'subnet' | 'machine' | 'startedAt'>[],
  eligibleOf: (runId: string) => boolean | null,
): Map<number, EligibilityEvidence> {
  const latest = new Map<string, (typeof runs)[number]>();
  for (const r of runs) {
    const key = `${r.subnet.netuid}\u0000${r.machine.id}`;
    const known = latest.get(key);
    if (!known || r.startedAt > known.startedAt) latest.set(key, r);
  }
  const perNetuid = new Map<number, { runs: typeof runs; values: (boolean | null)[] }>();
  for (const r of latest.values()) {
    const e = perNetuid.get(r.subnet.netuid) ?? { runs: [], values: [] };
    e.runs = [...e.runs, r];
    e.values.push(eligibleOf(r.runId));
    perNetuid.set(r.subnet.netuid, e);
  }
  const out = new Map<number, EligibilityEvidence>();
  for (const [netuid, { runs: rs, values }] of perNetuid) {
    const eligible = values.includes(true) ? true : values.every((v) => v === false) ? false : null;
    const newest = [...rs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0]!;
    out.set(netuid, { eligible, runs: rs.length, machines: rs.map((r) => r.machine.name), latestRun: newest.runId });
  }
  return out;
}

/** Reads the index under the store folder, if there is one; no index means no evidence (an empty map). */
export function eligibilityFromIndex(store: string): Map<number, EligibilityEvidence> {
  if (!existsSync(indexPath(store))) return new Map();
  const db = openExistingIndex(store, { readonly: true });
  try {
    const runs = queryRuns(db, {});
    const files = new Map(runs.map((r) => [r.runId, path.resolve(store, r.resultPath)]));
    return eligibilityByNetuid(runs, (id) => resultEligible(files.get(id)!));
  } finally {
    db.close();
  }
}
