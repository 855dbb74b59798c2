// Operator figures (pure): the honest per-miner view of a subnet over a window of per-UID samples: earning UIDs and
// operators (UIDs grouped by coldkey), p50 / p90 / max per operator per day, the share of miner UIDs on zero, days covered.
import type { SubnetSnapshot, UidSample } from '../model/chain-snapshot-schema.ts';
import type { OperatorFigures } from '../model/subnet-economics.ts';
import { periodBlocks } from './epoch-period.ts';
import { minerPartsPerEpoch, ownerUidsOf } from './miner-parts.ts';

type Spread = NonNullable<OperatorFigures['perOperatorAlphaPerDay']>;

/** Nearest-rank percentile (ascending): the value at rank ceil(p x n). */
export function nearestRank(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  return sortedAscending[Math.min(n, Math.max(1, Math.ceil(p * n))) - 1]!;
}

function spread(values: number[]): Spread | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return { p50: nearestRank(s, 0.5), p90: nearestRank(s, 0.9), max: s[s.length - 1]! };
}

/** The samples a subnet holds: its window, else the snapshot block's per-UID vectors as one sample; [] without any. */
export function uidSamplesOf(
  s: SubnetSnapshot,
  block: { number: number; hash: string; time: string | null },
): UidSample[] {
  if (s.window?.samples.length) return s.window.samples;
  return s.uids ? [{ block: block.number, hash: block.hash, time: block.time, uids: s.uids }] : [];
}

/** null when the subnet has no per-UID data (the offline capture): those figures need a live chain. */
export function operatorFigures(
  s: SubnetSnapshot,
  samples: readonly UidSample[],
  clock: { blocksPerDay: number; blockSeconds: number },
  specVersion: number | null,
): OperatorFigures | null {
  if (!samples.length) return null;
  const period = periodBlocks(s.tempo, specVersion);
  const epochsPerDay = period > 0 ? clock.blocksPerDay / period : 0;
  const byHotkey = new Map<string, { coldkey: string; alpha: number }>();
  let owner = 0;
  for (const sample of samples) {
    const parts = minerPartsPerEpoch(sample.uids);
    const owners = new Set(ownerUidsOf(sample.uids, s.ownerHotkey, s.ownerColdkey));
    sample.uids.hotkeys.forEach((hk, uid) => {
      const alpha = ((parts[uid] ?? 0) * epochsPerDay) / 1e9 / samples.length;
      if (owners.has(uid)) {
        owner += alpha;
        return;
      }
      const entry = byHotkey.get(hk) ?? { coldkey: sample.uids.coldkeys[uid] ?? hk, alpha: 0 };
      entry.alpha += alpha;
      byHotkey.set(hk, entry);
    });
  }
  const byColdkey = new Map<string, number>();
  for (const { coldkey, alpha } of byHotkey.values())
    if (alpha > 0) byColdkey.set(coldkey, (byColdkey.get(coldkey) ?? 0) + alpha);
  const newest = samples[0]!;
  const newestOwners = new Set(ownerUidsOf(newest.uids, s.ownerHotkey, s.ownerColdkey));
  const minerHotkeys = newest.uids.hotkeys.filter(
    (_, uid) => !newest.uids.validatorPermit[uid] && !newestOwners.has(uid),
  );
  const onZero = minerHotkeys.filter((hk) => (byHotkey.get(hk)?.alpha ?? 0) === 0).length;
  const operators = [...byColdkey.values()];
  const alphaSpread = spread(operators);
  const price = s.price.taoPerAlpha;
  const oldest = samples[samples.length - 1]!;
  return {
    samples: samples.length,
    fromBlock: oldest.block,
    toBlock: newest.block,
    daysCovered: ((newest.block - oldest.block) * clock.blockSeconds) / 86_400,
    requestedDays: s.window?.requestedDays ?? null,
    partial: s.window?.partial ?? false,
    missing: s.window?.missing ?? [],
    minerUids: minerHotkeys.length,
    earningUids: [...byHotkey.values()].filter((x) => x.alpha > 0).length,
    earningOperators: operators.length,
    zeroShare: minerHotkeys.length ? onZero / minerHotkeys.length : null,
    perOperatorAlphaPerDay: alphaSpread,
    perOperatorTaoPerDay:
      alphaSpread && price !== null
        ? { p50: alphaSpread.p50 * price, p90: alphaSpread.p90 * price, max: alphaSpread.max * price }
        : null,
    ownerAlphaPerDay: owner,
  };
}
