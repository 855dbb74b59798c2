// rankSubnets (pure): every subnet of a snapshot ordered by what a new, median-ranked miner would be paid per day.
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import { subnetEarnings, type SubnetEarnings } from './earnings.ts';
import type { EarningsPrices } from './earnings-prices.ts';

export interface SubnetRankingRow {
  earnings: SubnetEarnings;
  /** The ranking key: TAO per day of the median (p50) paying miner; 0 when none is paid; null without a price. */
  medianMinerTaoPerDay: number | null;
}

export const RANKING_RULE =
  'ranked by the TAO/day of the median paying miner (what a new miner who reaches the middle of the field would get), then by the miner pool';

export function rankSubnets(snapshot: ChainSnapshot, prices: EarningsPrices): SubnetRankingRow[] {
  const rows = snapshot.subnets.map((s) => {
    const earnings = subnetEarnings(snapshot, s.netuid, prices);
    const p50 = earnings.distribution.find((d) => d.label === 'p50');
    const medianMinerTaoPerDay = earnings.payingMiners === 0 ? 0 : (p50?.taoPerDay ?? null);
    return { earnings, medianMinerTaoPerDay };
  });
  const key = (r: SubnetRankingRow) => r.medianMinerTaoPerDay ?? -1;
  return rows.sort(
    (a, b) =>
      key(b) - key(a) ||
      (b.earnings.minerPool.taoPerDay ?? -1) - (a.earnings.minerPool.taoPerDay ?? -1) ||
      a.earnings.netuid - b.earnings.netuid,
  );
}
