// Earnings model (pure): what the miners of a subnet are paid per day, per UID, from a chain snapshot, with every input
// returned. The pool and burn logic is subnetEconomics' (evaluate/subnet-economics.ts); this adds the per-UID rank spread.
import type { ChainSnapshot, SubnetSnapshot } from '../model/chain-snapshot-schema.ts';
import { validatePrices, type EarningsPrices } from './earnings-prices.ts';
import { blockClock, periodBlocks, periodRule as rule } from './epoch-period.ts';
import { minerPartsPerEpoch, ownerUidsOf } from './miner-parts.ts';
import { findSubnet, subnetEconomics } from './subnet-economics.ts';

export { TEMPO_PERIOD_FROM_SPEC } from './epoch-period.ts';
const RAO = 1e9;

export interface Amount {
  alphaPerDay: number;
  /** null without an alpha price. */
  taoPerDay: number | null;
  /** null without --tao-price. */
  fiatPerDay: number | null;
}

export interface RankPoint extends Amount {
  /** 'top', 'p10', 'p50', 'p90', 'last': rank percentiles counted from the best paid miner. */
  label: string;
  /** 1 = the best paid miner. */
  rank: number;
}

export interface SubnetEarnings {
  netuid: number;
  name: string;
  symbol: string;
  /** Paid to miners (owner-owned UIDs excluded). */
  minerPool: Amount;
  /** Miner incentive to UIDs owned by the subnet owner: burned or recycled, not paid. */
  burned: Amount;
  payingMiners: number;
  /** false: the snapshot has no per-UID data (the offline capture): pool from chain state, no rank spread. */
  perUid: boolean;
  /** The per-miner income at rank points; empty when no miner is paid or without per-UID data. */
  distribution: RankPoint[];
  /** Per-miner income of every paying miner, best first (alpha per day). */
  perMinerAlphaPerDay: number[];
  topShare: number | null;
  /** Herfindahl-Hirschman index of the paying miners' shares (1/n .. 1); null without paying miners. */
  concentration: number | null;
  /** Immunity is null when the snapshot does not record it (the offline capture). */
  registration: { burnTao: number; immunityPeriodBlocks: number | null; immunityPeriodDays: number | null };
  inputs: {
    block: number;
    blockTime: string | null;
    specVersion: number | null;
    blocksPerDay: number;
    tempo: number;
    periodBlocks: number;
    periodRule: 'tempo+1' | 'tempo';
    epochsPerDay: number;
    emissionPerEpochRao: string;
    minerEmissionPerEpochRao: number;
    ownerUids: number[];
    alphaPrice: { taoPerAlpha: number | null; source: string };
    prices: EarningsPrices;
  };
  assumptions: string[];
}

function amount(alphaPerDay: number, taoPerAlpha: number | null, prices: EarningsPrices): Amount {
  const taoPerDay = taoPerAlpha === null ? null : alphaPerDay * taoPerAlpha;
  return {
    alphaPerDay,
    taoPerDay,
    fiatPerDay: taoPerDay === null || !prices.taoPrice ? null : taoPerDay * prices.taoPrice.value,
  };
}

/** The rank (1-based) at rank percentile p among n miners. */
export function rankAtPercentile(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
}

export function periodRule(specVersion: number | null): 'tempo+1' | 'tempo' {
  return rule(specVersion);
}

/** UIDs whose hotkey is the owner hotkey or whose coldkey is the owner coldkey. */
export function ownerUids(s: SubnetSnapshot): number[] {
  return s.uids ? ownerUidsOf(s.uids, s.ownerHotkey, s.ownerColdkey) : [];
}

export function subnetEarnings(snapshot: ChainSnapshot, netuid: number, prices: EarningsPrices): SubnetEarnings {
  validatePrices(prices);
  const s = findSubnet(snapshot, netuid);
  const economics = subnetEconomics(snapshot, netuid);
  const clock = blockClock(snapshot);
  const spec = snapshot.chain.specVersion;
  const period = periodBlocks(s.tempo, spec);
  const epochsPerDay = period > 0 ? clock.blocksPerDay / period : 0;
  const price = s.price.taoPerAlpha;
  const minerPerEpoch = s.uids ? minerPartsPerEpoch(s.uids) : [];
  const owners = new Set(ownerUids(s));
  const perDay = (r: number) => (r * epochsPerDay) / RAO;
  const paid = minerPerEpoch
    .map((v, uid) => ({ uid, alpha: owners.has(uid) ? 0 : perDay(v) }))
    .filter((x) => x.alpha > 0);
  paid.sort((a, b) => b.alpha - a.alpha);
  const pool = s.uids ? paid.reduce((a, b) => a + b.alpha, 0) : (economics.minerPool.alphaPerDay ?? 0);
  const burned = s.uids
    ? [...owners].reduce((a, uid) => a + perDay(minerPerEpoch[uid] ?? 0), 0)
    : (economics.minerBurnedAlphaPerDay ?? 0);
  const n = paid.length;
  const points: [string, number][] = [
    ['top', 1],
    ['p10', rankAtPercentile(10, n)],
    ['p50', rankAtPercentile(50, n)],
    ['p90', rankAtPercentile(90, n)],
    ['last', n],
  ];
  const assumptions = s.uids
    ? [
        `epoch period = ${rule(spec)} = ${period} blocks for runtime spec ${spec ?? 'unknown'}; ${clock.statement}, ${round(epochsPerDay)} epochs/day`,
        "the last epoch's per-UID emission and incentive repeat every epoch of the day (realised values, not a forecast)",
        "a UID's miner part of its realised emission = E x a/(a+b), a = incentive/Σincentive, b = dividends/Σdividends (equal miner and validator halves)",
        `miner incentive to UIDs owned by the subnet owner (UID ${[...owners].join(', ') || 'none'}) is burned, not paid`,
      ]
    : [
        `no per-UID data in this snapshot (needs live chain): no rank spread; ${economics.minerPool.basis}`,
        clock.statement,
      ];
  assumptions.push(
    `alpha price ${price === null ? 'unknown' : `${price} TAO`} (${s.price.source}); spot price, no slippage for selling`,
    'rank percentiles count from the best paid miner: p10 is better paid than 90 % of paying miners',
    prices.taoPrice
      ? `TAO = ${prices.taoPrice.value} ${prices.taoPrice.currency} at ${prices.taoPrice.at}`
      : 'no TAO price given (--tao-price): amounts in TAO only',
  );
  for (const w of economics.warnings) assumptions.push(w);
  return {
    netuid,
    name: s.name,
    symbol: s.symbol,
    minerPool: amount(pool, price, prices),
    burned: amount(burned, price, prices),
    payingMiners: n,
    perUid: s.uids !== null,
    distribution: n
      ? points.map(([label, rank]) => ({ label, rank, ...amount(paid[rank - 1]!.alpha, price, prices) }))
      : [],
    perMinerAlphaPerDay: paid.map((x) => x.alpha),
    topShare: n ? paid[0]!.alpha / pool : null,
    concentration: n ? paid.reduce((a, x) => a + (x.alpha / pool) ** 2, 0) : null,
    registration: {
      burnTao: Number(s.burnRao) / RAO,
      immunityPeriodBlocks: s.immunityPeriod,
      immunityPeriodDays: s.immunityPeriod === null ? null : s.immunityPeriod / clock.blocksPerDay,
    },
    inputs: {
      block: snapshot.block.number,
      blockTime: snapshot.block.time,
      specVersion: spec,
      blocksPerDay: clock.blocksPerDay,
      tempo: s.tempo,
      periodBlocks: period,
      periodRule: rule(spec),
      epochsPerDay,
      emissionPerEpochRao: (s.uids?.emissionRao ?? []).reduce((a, b) => a + BigInt(b), 0n).toString(),
      minerEmissionPerEpochRao: minerPerEpoch.reduce((a, b) => a + b, 0),
      ownerUids: [...owners],
      alphaPrice: s.price,
      prices,
    },
    assumptions,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
