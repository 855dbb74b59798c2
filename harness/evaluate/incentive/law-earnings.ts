// lawEarnings: the money side shared by every law: the share of the miner pool becomes alpha/TAO/currency per day,
// minus the measured power cost and the amortised registration burn; scenarios get their own net. Pure.
import type { Earnings, LawInput, Ranged } from '../../model/result/earnings-section.ts';
import type { LawContext } from './incentive-law.ts';
import type { ShareRange } from './share-range.ts';

/** What a law worked out; lawEarnings adds the pool, the money and the costs. */
export interface LawOutcome {
  /** Eligibility as the law sees it; the run's gates are merged in by lawEarnings. */
  eligible: boolean | null;
  reasons: string[];
  lawBurnFraction: number;
  share: ShareRange;
  inputs: LawInput[];
  breakdown: Earnings['breakdown'];
  scenarios: Array<{ label: string; share: number | null }>;
  assumptions: string[];
  missing: string[];
  warnings: string[];
}

interface LawIdentity {
  kind: string;
  title: string;
}

function ranged(value: number | null, low: number | null, high: number | null): Ranged {
  return { value, low, high };
}

function times(r: Ranged, k: number | null): Ranged {
  if (k === null) return ranged(null, null, null);
  const m = (x: number | null) => (x === null ? null : x * k);
  return ranged(m(r.value), m(r.low), m(r.high));
}

function minus(r: Ranged, c: number | null): Ranged {
  if (c === null) return ranged(null, null, null);
  const m = (x: number | null) => (x === null ? null : x - c);
  return ranged(m(r.value), m(r.low), m(r.high));
}

/** Builds the Earnings section: gates first (a failing gate makes the machine not eligible whatever the law says). */
export function lawEarnings<C, F, T>(law: LawIdentity, ctx: LawContext<C, F, T>, o: LawOutcome): Earnings {
  const { network, prices, machine } = ctx;
  const missing = [...o.missing];
  const warnings = [...o.warnings];
  if (ctx.table?.ageWarning) warnings.push(ctx.table.ageWarning);
  for (const w of network.warnings) warnings.push(`chain: ${w}`);
  if (network.emissionEnabled === false)
    warnings.push(`netuid ${network.netuid} gets no emission now (flow-based emission switched it off)`);

  const gates = machine.eligibility;
  const eligible =
    gates.eligible === false || o.eligible === false
      ? false
      : gates.eligible === null || o.eligible === null
        ? null
        : true;
  const reasons = [...gates.reasons, ...o.reasons];
  // A machine that is not eligible earns nothing: its share is 0, whatever the law would give an eligible one.
  const share: Ranged = eligible === false ? ranged(0, 0, 0) : ranged(o.share.value, o.share.low, o.share.high);

  const poolAlpha = network.minerPool.alphaPerDay;
  if (poolAlpha === null)
    missing.push(`the chain snapshot gives no miner pool for netuid ${network.netuid} (${network.minerPool.basis})`);
  if (network.taoPerAlpha === null) missing.push(`no alpha price for netuid ${network.netuid}: income in alpha only`);
  if (!prices.taoPrice) missing.push('no --tao-price: income in TAO only');
  const alphaPerDay = times(share, poolAlpha);
  const taoPerDay = times(alphaPerDay, network.taoPerAlpha);
  const fiatPerDay = times(taoPerDay, prices.taoPrice?.value ?? null);

  const meanW = machine.meanPowerW;
  if (meanW === null) missing.push('no power measurement on this machine: power cost unknown, so no net');
  if (!prices.kwhPrice) missing.push('no --kwh-price: power cost unknown, so no net');
  const kwhPerDay = meanW === null ? null : (meanW * 24 * ctx.pue) / 1000;
  const costPerDay = kwhPerDay === null || !prices.kwhPrice ? null : kwhPerDay * prices.kwhPrice.value;
  const burnTao = network.registrationBurnTao;
  if (burnTao === null) missing.push('registration burn unknown in the chain snapshot');
  const regTao = burnTao === null ? null : burnTao / ctx.tenureDays;
  const regFiat = regTao === null || !prices.taoPrice ? null : regTao * prices.taoPrice.value;
  const costTao = costPerDay === null || !prices.taoPrice ? null : costPerDay / prices.taoPrice.value;
  const netTao = costTao === null || regTao === null ? ranged(null, null, null) : minus(taoPerDay, costTao + regTao);
  const netFiat =
    costPerDay === null || regFiat === null ? ranged(null, null, null) : minus(fiatPerDay, costPerDay + regFiat);

  const scenarioNet = (s: number | null) => {
    if (s === null || poolAlpha === null || network.taoPerAlpha === null) return { tao: null, fiat: null };
    const tao = s * poolAlpha * network.taoPerAlpha;
    return {
      tao: costTao === null || regTao === null ? null : tao - costTao - regTao,
      fiat:
        costPerDay === null || regFiat === null || !prices.taoPrice
          ? null
          : tao * prices.taoPrice.value - costPerDay - regFiat,
    };
  };

  return {
    law: law.kind,
    lawTitle: law.title,
    netuid: network.netuid,
    eligible,
    reasons,
    network,
    lawBurnFraction: o.lawBurnFraction,
    share,
    gross: { alphaPerDay, taoPerDay, fiatPerDay },
    power: {
      meanW,
      pue: ctx.pue,
      kwhPerDay,
      costPerDay,
      currency: prices.kwhPrice?.currency ?? null,
    },
    registration: { burnTao, tenureDays: ctx.tenureDays, taoPerDay: regTao, fiatPerDay: regFiat },
    net: {
      taoPerDay: netTao,
      fiatPerDay: netFiat,
      currency: prices.taoPrice?.currency ?? prices.kwhPrice?.currency ?? null,
    },
    inputs: o.inputs,
    dominantInputs: o.share.dominant,
    breakdown: o.breakdown,
    scenarios: o.scenarios.map((s) => {
      const n = scenarioNet(eligible === false ? 0 : s.share);
      return { label: s.label, share: eligible === false ? 0 : s.share, netTaoPerDay: n.tao, netFiatPerDay: n.fiat };
    }),
    assumptions: [
      ...o.assumptions,
      `miner pool ${poolAlpha === null ? 'unknown' : `${round(poolAlpha)} alpha/day`} (${network.minerPool.basis}; ${network.source}); the law's own burn (${round(o.lawBurnFraction * 100)} %) is applied on top of it`,
      `power cost = ${meanW ?? '?'} W x 24 h x PUE ${ctx.pue} x ${prices.kwhPrice ? `${prices.kwhPrice.value} ${prices.kwhPrice.currency}/kWh` : '? per kWh'}`,
      `registration burn ${burnTao ?? '?'} TAO spread over an expected tenure of ${ctx.tenureDays} days`,
    ],
    missing,
    warnings,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
