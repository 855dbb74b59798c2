// strategistTable (pure): one row per subnet of a snapshot (economics, price and trend, registration, the kind of miner,
// eligibility, verdict and reasons), ordered MINE, WATCH, SKIP and then by miner pool: `minerbench subnets --rank`.
import type { ChainSnapshot, SubnetSnapshot } from '../model/chain-snapshot-schema.ts';
import type { SubnetEconomics } from '../model/subnet-economics.ts';
import { subnetEconomics } from './subnet-economics.ts';
import {
  subnetVerdict,
  VERDICT_RULES,
  type EligibilityEvidence,
  type PluginInfo,
  type Verdict,
} from './subnet-verdict.ts';

export interface PriceTrend {
  /** Spot now against an earlier price, as a fraction (+0.12 = 12 % up). */
  change: number;
  fromBlock: number;
  fromTime: string | null;
  days: number;
  /** What the earlier price is: a spot price, or the moving-price EMA. */
  against: 'spot' | 'moving';
}

export interface StrategistRow {
  netuid: number;
  name: string;
  symbol: string;
  verdict: Verdict;
  reasons: string[];
  minerPoolTaoPerDay: number | null;
  minerPoolAlphaPerDay: number | null;
  minerBurnedFraction: number | null;
  emissionEnabled: boolean | null;
  registrationAllowed: boolean | null;
  taoInflowPerDay: number | null;
  spotPrice: number | null;
  movingPrice: number | null;
  /** Spot against the moving price (EMA): above 0 = trading above its average. */
  spotVsMoving: number | null;
  trend: PriceTrend | null;
  registrationCostTao: number;
  miners: number | null;
  validators: number | null;
  uids: number;
  maxUids: number | null;
  mechanisms: number;
  earningOperators: number | null;
  earningUids: number | null;
  zeroShare: number | null;
  operatorTaoPerDay: { p50: number; p90: number; max: number } | null;
  daysCovered: number | null;
  /** "needs live chain" when the snapshot has no per-UID data; else the samples and days covered. */
  operatorsNote: string;
  plugin: PluginInfo | null;
  eligible: boolean | null;
  economics: SubnetEconomics;
}

export interface StrategistTable {
  block: number;
  blockTime: string | null;
  network: string;
  source: string;
  rules: readonly string[];
  rows: StrategistRow[];
}

/** The earliest recorded spot price (else the earliest moving price) against the spot price now. */
export function priceTrend(s: SubnetSnapshot, block: number, blockSeconds: number): PriceTrend | null {
  const now = s.price.taoPerAlpha;
  if (now === null) return null;
  const point =
    s.priceHistory.find((p) => p.kind === 'spot' && p.taoPerAlpha > 0) ?? s.priceHistory.find((p) => p.taoPerAlpha > 0);
  if (!point) return null;
  return {
    change: now / point.taoPerAlpha - 1,
    fromBlock: point.block,
    fromTime: point.time,
    days: ((block - point.block) * blockSeconds) / 86_400,
    against: point.kind,
  };
}

const ORDER: Record<Verdict, number> = { MINE: 0, WATCH: 1, SKIP: 2 };

export function strategistTable(
  snapshot: ChainSnapshot,
  opts: {
    plugins: ReadonlyMap<number, PluginInfo>;
    eligibility: ReadonlyMap<number, EligibilityEvidence>;
    source?: string;
  },
): StrategistTable {
  const rows = snapshot.subnets.map((s): StrategistRow => {
    const e = subnetEconomics(snapshot, s.netuid, opts.source ? { source: opts.source } : {});
    const plugin = opts.plugins.get(s.netuid) ?? null;
    const eligibility = opts.eligibility.get(s.netuid) ?? null;
    const v = subnetVerdict(e, plugin, eligibility);
    const moving = e.movingPrice ?? null;
    return {
      netuid: s.netuid,
      name: s.name,
      symbol: s.symbol,
      verdict: v.verdict,
      reasons: v.reasons,
      minerPoolTaoPerDay: e.minerPool.taoPerDay,
      minerPoolAlphaPerDay: e.minerPool.alphaPerDay,
      minerBurnedFraction: e.minerBurnedFraction,
      emissionEnabled: e.emissionEnabled,
      registrationAllowed: e.registrationAllowed ?? null,
      taoInflowPerDay: e.taoInflowPerDay ?? null,
      spotPrice: e.taoPerAlpha,
      movingPrice: moving,
      spotVsMoving: e.taoPerAlpha !== null && moving ? e.taoPerAlpha / moving - 1 : null,
      trend: priceTrend(s, snapshot.block.number, e.blockSeconds),
      registrationCostTao: e.registrationBurnTao ?? 0,
      miners: s.counts.miners,
      validators: s.counts.validators,
      uids: s.numUids,
      maxUids: s.maxUids,
      mechanisms: e.mechanisms?.count ?? 1,
      earningOperators: e.operators?.earningOperators ?? null,
      earningUids: e.operators?.earningUids ?? null,
      zeroShare: e.operators?.zeroShare ?? null,
      operatorTaoPerDay: e.operators?.perOperatorTaoPerDay ?? null,
      daysCovered: e.operators?.daysCovered ?? null,
      operatorsNote: e.operatorsNote ?? '',
      plugin,
      eligible: eligibility?.eligible ?? null,
      economics: e,
    };
  });
  rows.sort(
    (a, b) =>
      ORDER[a.verdict] - ORDER[b.verdict] ||
      (b.minerPoolTaoPerDay ?? -1) - (a.minerPoolTaoPerDay ?? -1) ||
      a.netuid - b.netuid,
  );
  return {
    block: snapshot.block.number,
    blockTime: snapshot.block.time,
    network: snapshot.source.network,
    source: opts.source ?? `${snapshot.source.network} block ${snapshot.block.number}`,
    rules: VERDICT_RULES,
    rows,
  };
}
