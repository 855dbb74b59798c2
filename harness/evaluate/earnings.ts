// Earnings model (pure): what the miners of a subnet are paid per day, from a chain snapshot, with every input returned.
import { MinerbenchError } from '../errors.ts';
import type { ChainSnapshot, SubnetSnapshot } from '../model/chain-snapshot-schema.ts';
import { validatePrices, type EarningsPrices } from './earnings-prices.ts';

export const BLOCKS_PER_DAY = 7200;
/** From this runtime on the epoch period is `tempo` blocks; before it `tempo + 1` (bittensor.md §4.5 item 7). */
export const TEMPO_PERIOD_FROM_SPEC = 423;
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
  /** The per-miner income at rank points; empty when no miner is paid. */
  distribution: RankPoint[];
  /** Per-miner income of every paying miner, best first (alpha per day). */
  perMinerAlphaPerDay: number[];
  topShare: number | null;
  /** Herfindahl-Hirschman index of the paying miners' shares (1/n .. 1); null without paying miners. */
  concentration: number | null;
  registration: { burnTao: number; immunityPeriodBlocks: number; immunityPeriodDays: number };
  inputs: {
    block: number;
    blockTime: string | null;
    specVersion: number;
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

export function periodRule(specVersion: number): 'tempo+1' | 'tempo' {
  return specVersion >= TEMPO_PERIOD_FROM_SPEC ? 'tempo' : 'tempo+1';
}

/** UIDs whose hotkey is the owner hotkey or whose coldkey is the owner coldkey. */
export function ownerUids(s: SubnetSnapshot): number[] {
  return s.uids.hotkeys.flatMap((hk, uid) =>
    hk === s.ownerHotkey || s.uids.coldkeys[uid] === s.ownerColdkey ? [uid] : [],
  );
}

export function subnetEarnings(snapshot: ChainSnapshot, netuid: number, prices: EarningsPrices): SubnetEarnings {
  validatePrices(prices);
  const s = snapshot.subnets.find((x) => x.netuid === netuid);
  if (!s) {
    throw new MinerbenchError(
      'CHAIN_DATA_MISSING',
      `netuid ${netuid} is not in the chain snapshot of block ${snapshot.block.number}`,
      {
        hint: `the snapshot holds netuid ${snapshot.subnets.map((x) => x.netuid).join(', ')}; take one with --netuids ${netuid}`,
      },
    );
  }
  const rule = periodRule(snapshot.chain.specVersion);
  const periodBlocks = rule === 'tempo' ? s.tempo : s.tempo + 1;
  if (periodBlocks <= 0)
    throw new MinerbenchError('CHAIN_DATA_MISSING', `netuid ${netuid} has tempo ${s.tempo}: it runs no epochs`);
  const epochsPerDay = BLOCKS_PER_DAY / periodBlocks;
  const emission = s.uids.emissionRao.map(Number);
  const sumInc = s.uids.incentive.reduce((a, b) => a + b, 0);
  const sumDiv = s.uids.dividends.reduce((a, b) => a + b, 0);
  // Emission[uid] = server (miner) part + validator part; Yuma gives them as incentive_i/Σinc and dividend_i/Σdiv of
  // equal halves (run_epoch.rs), so the miner part of the realised emission is E x a/(a+b). A UID with no dividends keeps all.
  const minerPerEpoch = emission.map((e, uid) => {
    const a = sumInc === 0 ? 0 : (s.uids.incentive[uid] ?? 0) / sumInc;
    const b = sumDiv === 0 ? 0 : (s.uids.dividends[uid] ?? 0) / sumDiv;
    return a + b === 0 ? 0 : (e * a) / (a + b);
  });
  const owners = new Set(ownerUids(s));
  const price = s.price.taoPerAlpha;
  const perDay = (rao: number) => (rao * epochsPerDay) / RAO;
  const paid = minerPerEpoch
    .map((v, uid) => ({ uid, alpha: owners.has(uid) ? 0 : perDay(v) }))
    .filter((x) => x.alpha > 0);
  paid.sort((a, b) => b.alpha - a.alpha);
  const pool = paid.reduce((a, b) => a + b.alpha, 0);
  const burned = [...owners].reduce((a, uid) => a + perDay(minerPerEpoch[uid] ?? 0), 0);
  const n = paid.length;
  const points: [string, number][] = [
    ['top', 1],
    ['p10', rankAtPercentile(10, n)],
    ['p50', rankAtPercentile(50, n)],
    ['p90', rankAtPercentile(90, n)],
    ['last', n],
  ];
  const assumptions = [
    `epoch period = ${rule} = ${periodBlocks} blocks for runtime spec ${snapshot.chain.specVersion}; ${BLOCKS_PER_DAY} blocks/day (12 s) gives ${round(epochsPerDay)} epochs/day`,
    "the last epoch's per-UID emission and incentive repeat every epoch of the day (realised values, not a forecast)",
    "a UID's miner part of its realised emission = E x a/(a+b), a = incentive/Σincentive, b = dividends/Σdividends (equal miner and validator halves)",
    `miner incentive to UIDs owned by the subnet owner (UID ${[...owners].join(', ') || 'none'}) is burned, not paid`,
    `alpha price ${price === null ? 'unknown' : `${price} TAO`} (${s.price.source}); spot price, no slippage for selling`,
    'rank percentiles count from the best paid miner: p10 is better paid than 90 % of paying miners',
    prices.taoPrice
      ? `TAO = ${prices.taoPrice.value} ${prices.taoPrice.currency} at ${prices.taoPrice.at}`
      : 'no TAO price given (--tao-price): amounts in TAO only',
  ];
  return {
    netuid,
    name: s.name,
    symbol: s.symbol,
    minerPool: amount(pool, price, prices),
    burned: amount(burned, price, prices),
    payingMiners: n,
    distribution: n
      ? points.map(([label, rank]) => ({ label, rank, ...amount(paid[rank - 1]!.alpha, price, prices) }))
      : [],
    perMinerAlphaPerDay: paid.map((x) => x.alpha),
    topShare: n ? paid[0]!.alpha / pool : null,
    concentration: n ? paid.reduce((a, x) => a + (x.alpha / pool) ** 2, 0) : null,
    registration: {
      burnTao: Number(s.burnRao) / RAO,
      immunityPeriodBlocks: s.immunityPeriod,
      immunityPeriodDays: s.immunityPeriod / BLOCKS_PER_DAY,
    },
    inputs: {
      block: snapshot.block.number,
      blockTime: snapshot.block.time,
      specVersion: snapshot.chain.specVersion,
      tempo: s.tempo,
      periodBlocks,
      periodRule: rule,
      epochsPerDay,
      emissionPerEpochRao: s.uids.emissionRao.reduce((a, b) => a + BigInt(b), 0n).toString(),
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
