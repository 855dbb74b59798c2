// applyEconomics: fills a subnet's 2026 economics fields (emission switch, MinerBurned, excess TAO, mechanisms...) from
// the values read by readEconomicsStorage; values that were not read keep what the subnet read gave (or null).
import type { SubnetSnapshot } from '../model/chain-snapshot-schema.ts';
import type { DecodedValue, SubnetItemKey } from './economics-layout.ts';
import { poolReservePrice } from './subnet-price.ts';

type Values = Partial<Record<SubnetItemKey, DecodedValue | null>>;

const has = (v: Values, k: SubnetItemKey) => Object.prototype.hasOwnProperty.call(v, k);
const asBool = (x: DecodedValue | null | undefined) => (typeof x === 'boolean' ? x : null);
const asNum = (x: DecodedValue | null | undefined) =>
  typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : null;
const asRao = (x: DecodedValue | null | undefined) => (typeof x === 'bigint' ? x.toString() : null);

export function applyEconomics(s: SubnetSnapshot, v: Values | undefined): SubnetSnapshot {
  if (!v) return s;
  const withPool = fill(s, v);
  if (withPool.price.source !== 'unavailable' || !withPool.pool || s.netuid === 0) return withPool;
  // No swap price was read: the pool reserves give the spot price (the SDK's fallback).
  const p = poolReservePrice(withPool.pool.taoInRao, withPool.pool.alphaInRao);
  return p === null ? withPool : { ...withPool, price: { taoPerAlpha: p, source: 'pool-reserves' } };
}

function fill(s: SubnetSnapshot, v: Values): SubnetSnapshot {
  const burned = asNum(v.minerBurned);
  const count = has(v, 'mechanismCount') ? asNum(v.mechanismCount) : null;
  const split = Array.isArray(v.mechanismSplit) ? v.mechanismSplit : null;
  return {
    ...s,
    registrationAllowed: has(v, 'registrationAllowed') ? asBool(v.registrationAllowed) : s.registrationAllowed,
    movingPrice: s.movingPrice ?? (has(v, 'movingPrice') ? asNum(v.movingPrice) : null),
    pool:
      s.pool ??
      (has(v, 'taoReserve') && has(v, 'alphaReserve') && has(v, 'alphaOutstanding')
        ? {
            taoInRao: asRao(v.taoReserve)!,
            alphaInRao: asRao(v.alphaReserve)!,
            alphaOutRao: asRao(v.alphaOutstanding)!,
          }
        : null),
    perBlock: {
      ...s.perBlock,
      alphaOutRao: s.perBlock.alphaOutRao ?? (has(v, 'alphaOutEmission') ? asRao(v.alphaOutEmission) : null),
      alphaInRao: s.perBlock.alphaInRao ?? (has(v, 'alphaInEmission') ? asRao(v.alphaInEmission) : null),
      taoInRao: s.perBlock.taoInRao ?? (has(v, 'taoInEmission') ? asRao(v.taoInEmission) : null),
      excessTaoRao: has(v, 'excessTao') ? asRao(v.excessTao) : s.perBlock.excessTaoRao,
    },
    emission: {
      enabled: has(v, 'emissionEnabled') ? asBool(v.emissionEnabled) : s.emission.enabled,
      // U96F32 can hold a hair above 1 from fixed-point rounding; the fraction is clamped to [0, 1].
      minerBurnedFraction: burned === null ? s.emission.minerBurnedFraction : Math.min(1, Math.max(0, burned)),
      firstEmissionBlock: has(v, 'firstEmissionBlock') ? asNum(v.firstEmissionBlock) : s.emission.firstEmissionBlock,
      firstEmissionKnown: has(v, 'firstEmissionBlock') || s.emission.firstEmissionKnown,
      subtokenEnabled: has(v, 'subtokenEnabled') ? asBool(v.subtokenEnabled) : s.emission.subtokenEnabled,
    },
    mechanisms:
      count === null
        ? s.mechanisms
        : { count: Math.max(1, count), emissionSplit: split, splitKnown: has(v, 'mechanismSplit') },
  };
}
