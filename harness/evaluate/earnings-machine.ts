// Machine earnings (pure): power cost, amortised registration burn and net per day at several ranks for one machine.
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import { subnetEarnings, type SubnetEarnings } from './earnings.ts';
import type { EarningsPrices } from './earnings-prices.ts';
import { spreadOnlyRule, type RankPlacement, type RankRule } from './earnings-rank-rule.ts';

/** What a run measured; the run pipeline fills it from its result. */
export interface MachineRunLike {
  netuid: number;
  /** Average power at the validator-like load (W); null when not measured. */
  avgPowerW: number | null;
  p99Ms: number | null;
  /** The validator's timeout for one query (s). */
  timeoutS: number;
  /** Throughput the machine sustained (queries/s). */
  capacityQps: number | null;
  qualityMean: number | null;
  /** Query rate validators send one miner (queries/s), from the subnet profile; null when unknown. */
  validatorQps?: number | null;
}

export interface MachineEarningsOptions {
  prices: EarningsPrices;
  /** Power usage effectiveness of the site (>= 1). */
  pue?: number;
  /** Expected days a UID is held, over which the registration burn is spread. */
  tenureDays?: number;
  rankRule?: RankRule;
}

export interface NetAtRank {
  label: string;
  rank: number;
  grossTaoPerDay: number | null;
  grossFiatPerDay: number | null;
  /** null when a price or the power measurement is missing (see `missing`). */
  netFiatPerDay: number | null;
  netTaoPerDay: number | null;
}

export interface MachineEarnings {
  subnet: SubnetEarnings;
  power: {
    avgPowerW: number | null;
    pue: number;
    kwhPerDay: number | null;
    costPerDay: number | null;
    currency: string | null;
  };
  burnAmortised: { burnTao: number; tenureDays: number; taoPerDay: number; fiatPerDay: number | null };
  atRanks: NetAtRank[];
  /** The worst rank (largest number) that still nets >= 0; null when unknown or when no rank breaks even. */
  breakEvenRank: number | null;
  breakEvenNote: string;
  capacity: {
    ok: boolean | null;
    requiredQps: number | null;
    achievedQps: number | null;
    p99Ms: number | null;
    timeoutMs: number;
    note: string;
  };
  placement: RankPlacement & { rule: string; estimate: NetAtRank | null };
  /** Why some numbers are null. */
  missing: string[];
  assumptions: string[];
}

export const DEFAULT_PUE = 1.0;
export const DEFAULT_TENURE_DAYS = 30;

export function machineEarnings(
  run: MachineRunLike,
  snapshot: ChainSnapshot,
  opts: MachineEarningsOptions,
): MachineEarnings {
  const subnet = subnetEarnings(snapshot, run.netuid, opts.prices);
  const pue = opts.pue ?? DEFAULT_PUE;
  const tenureDays = opts.tenureDays ?? DEFAULT_TENURE_DAYS;
  const { taoPrice, kwhPrice } = opts.prices;
  const missing: string[] = [];
  if (run.avgPowerW === null) missing.push('no power measurement: power cost unknown');
  if (!kwhPrice) missing.push('no --kwh-price: power cost unknown');
  if (!taoPrice) missing.push('no --tao-price: TAO income cannot be compared with power cost');
  if (subnet.inputs.alphaPrice.taoPerAlpha === null)
    missing.push('no alpha price for this subnet: income in alpha only');

  const kwhPerDay = run.avgPowerW === null ? null : (run.avgPowerW * 24 * pue) / 1000;
  const costPerDay = kwhPerDay === null || !kwhPrice ? null : kwhPerDay * kwhPrice.value;
  const burnTaoPerDay = subnet.registration.burnTao / tenureDays;
  const burnFiat = taoPrice ? burnTaoPerDay * taoPrice.value : null;

  const netAt = (label: string, rank: number, alphaPerDay: number): NetAtRank => {
    const p = subnet.inputs.alphaPrice.taoPerAlpha;
    const grossTao = p === null ? null : alphaPerDay * p;
    const grossFiat = grossTao === null || !taoPrice ? null : grossTao * taoPrice.value;
    const netFiat =
      grossFiat === null || costPerDay === null || burnFiat === null ? null : grossFiat - costPerDay - burnFiat;
    return {
      label,
      rank,
      grossTaoPerDay: grossTao,
      grossFiatPerDay: grossFiat,
      netFiatPerDay: netFiat,
      netTaoPerDay: netFiat === null ? null : netFiat / taoPrice!.value,
    };
  };
  const atRanks = subnet.distribution.map((d) => netAt(d.label, d.rank, d.alphaPerDay));
  const all = subnet.perMinerAlphaPerDay.map((a, i) => netAt(`rank ${i + 1}`, i + 1, a));
  let breakEvenRank: number | null = null;
  let breakEvenNote: string;
  if (!all.length) breakEvenNote = 'no paying miners on this subnet: no rank breaks even';
  else if (all.some((x) => x.netFiatPerDay === null)) breakEvenNote = `unknown: ${missing.join('; ')}`;
  else {
    const ok = all.filter((x) => x.netFiatPerDay! >= 0);
    breakEvenRank = ok.length ? ok[ok.length - 1]!.rank : null;
    breakEvenNote =
      breakEvenRank === null
        ? "even the top miner's income does not cover this machine's costs"
        : `ranks 1..${breakEvenRank} of ${all.length} paying miners cover this machine's costs`;
  }

  const timeoutMs = run.timeoutS * 1000;
  const required = run.validatorQps ?? null;
  let capOk: boolean | null = null;
  let capNote: string;
  if (run.p99Ms === null || run.capacityQps === null) capNote = 'not measured';
  else if (required === null) {
    capOk = run.p99Ms <= timeoutMs ? null : false;
    capNote = `p99 ${run.p99Ms} ms vs timeout ${timeoutMs} ms; the profile gives no validator query rate to compare ${run.capacityQps} q/s with`;
  } else {
    capOk = run.capacityQps >= required && run.p99Ms <= timeoutMs;
    capNote = `needs ${required} q/s with p99 under ${timeoutMs} ms; sustained ${run.capacityQps} q/s with p99 ${run.p99Ms} ms`;
  }

  const rule = opts.rankRule ?? spreadOnlyRule;
  const placed = rule.place(run.qualityMean, subnet.payingMiners);
  const estimate = placed.rank === null ? null : (all[placed.rank - 1] ?? null);

  return {
    subnet,
    power: { avgPowerW: run.avgPowerW, pue, kwhPerDay, costPerDay, currency: kwhPrice?.currency ?? null },
    burnAmortised: { burnTao: subnet.registration.burnTao, tenureDays, taoPerDay: burnTaoPerDay, fiatPerDay: burnFiat },
    atRanks,
    breakEvenRank,
    breakEvenNote,
    capacity: {
      ok: capOk,
      requiredQps: required,
      achievedQps: run.capacityQps,
      p99Ms: run.p99Ms,
      timeoutMs,
      note: capNote,
    },
    placement: { ...placed, rule: rule.id, estimate },
    missing,
    assumptions: [
      ...subnet.assumptions,
      `power cost = ${run.avgPowerW ?? '?'} W x 24 h x PUE ${pue} x ${kwhPrice ? `${kwhPrice.value} ${kwhPrice.currency}/kWh` : '? per kWh'}`,
      `registration burn ${subnet.registration.burnTao} TAO spread over an expected tenure of ${tenureDays} days`,
      `rank rule '${rule.id}': ${placed.statement}`,
    ],
  };
}
