// subnetEconomics (pure): what one subnet pays its miners per day after every burn the chain shows, from a chain
// snapshot: the network side every incentive law uses, with each input and assumption stated.
import { MinerbenchError } from '../errors.ts';
import type { ChainSnapshot, SubnetSnapshot, UidSample } from '../model/chain-snapshot-schema.ts';
import type { SubnetEconomics } from '../model/subnet-economics.ts';
import { blockClock, periodBlocks, periodRule, type BlockClock } from './epoch-period.ts';
import { minerPartsPerEpoch, ownerUidsOf } from './miner-parts.ts';
import { operatorFigures, uidSamplesOf } from './operator-figures.ts';

const RAO = 1e9;
/** Miners get half of alpha_out after the owner cut; validators (and root) the other half (run_coinbase.rs). */
export const MINER_SHARE = 0.5;

export interface SubnetEconomicsOptions {
  /** Where the snapshot came from, in words (e.g. "shipped snapshot of finney block 8,791,253, 110 days old"). */
  source?: string;
}

/** The snapshot's subnet, or CHAIN_DATA_MISSING naming the netuids it holds. */
export function findSubnet(snapshot: ChainSnapshot, netuid: number): SubnetSnapshot {
  const s = snapshot.subnets.find((x) => x.netuid === netuid);
  if (s) return s;
  throw new MinerbenchError(
    'CHAIN_DATA_MISSING',
    `netuid ${netuid} is not in the chain snapshot of block ${snapshot.block.number}`,
    {
      hint: `the snapshot holds netuid ${snapshot.subnets.map((x) => x.netuid).join(', ')}; take one with --netuids ${netuid}`,
    },
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const rao = (x: string | null) => (x === null ? null : Number(x) / RAO);

interface Pool {
  alphaPerDay: number | null;
  burnedAlphaPerDay: number | null;
  basis: string;
  perUid: SubnetEconomics['perUid'];
}

/** Realised: the last epoch's per-UID emission at each sample block, miner part only, owner-owned UIDs excluded. */
function realisedPool(s: SubnetSnapshot, samples: readonly UidSample[], clock: BlockClock, spec: number | null): Pool {
  const period = periodBlocks(s.tempo, spec);
  const epochsPerDay = period > 0 ? clock.blocksPerDay / period : 0;
  let paid = 0;
  let burned = 0;
  let newest: number[] = [];
  const ownerLists: number[][] = [];
  samples.forEach((sample, i) => {
    const parts = minerPartsPerEpoch(sample.uids);
    const owners = new Set(ownerUidsOf(sample.uids, s.ownerHotkey, s.ownerColdkey));
    ownerLists.push([...owners]);
    const perDay = parts.map((p) => (p * epochsPerDay) / RAO);
    perDay.forEach((a, uid) => {
      if (owners.has(uid)) burned += a / samples.length;
      else paid += a / samples.length;
    });
    if (i === 0) newest = perDay.filter((a, uid) => a > 0 && !owners.has(uid)).sort((a, b) => b - a);
  });
  const blocks = samples.map((x) => x.block.toLocaleString('en-US')).join(', ');
  return {
    alphaPerDay: paid,
    burnedAlphaPerDay: burned,
    basis: `realised per-UID emission of the last epoch at block ${blocks}${samples.length > 1 ? ' (mean)' : ''}: miner part E x a/(a+b) of each UID, x ${round(epochsPerDay)} epochs/day (period ${periodRule(spec)} = ${period} blocks); UIDs owned by the subnet owner (UID ${ownerLists[0]!.join(', ') || 'none'}) excluded: their incentive is burned, not paid`,
    perUid: { payingMiners: newest.length, perMinerAlphaPerDay: newest },
  };
}

/** From chain state per block: alpha_out x (1 - owner cut) x miner half x (1 - MinerBurned) x blocks per day. */
function perBlockPool(s: SubnetSnapshot, ownerCut: number | null, clock: BlockClock): Pool {
  const notEmitting =
    s.emission.subtokenEnabled === false
      ? 'SubtokenEnabled is false'
      : s.emission.firstEmissionKnown && s.emission.firstEmissionBlock === null
        ? 'FirstEmissionBlockNumber is not set'
        : s.registrationAllowed === false
          ? 'NetworkRegistrationAllowed is false'
          : null;
  if (notEmitting)
    return {
      alphaPerDay: 0,
      burnedAlphaPerDay: 0,
      basis: `0: the chain emits to no subnet whose ${notEmitting} (coinbase/subnet_emissions.rs get_subnets_to_emit_to)`,
      perUid: null,
    };
  const alphaOut = rao(s.perBlock.alphaOutRao);
  const burned = s.emission.minerBurnedFraction;
  const unknown = [
    alphaOut === null ? 'alpha_out emission' : null,
    ownerCut === null ? 'SubnetOwnerCut' : null,
    burned === null ? 'MinerBurned' : null,
  ].filter((x): x is string => x !== null);
  if (unknown.length)
    return {
      alphaPerDay: null,
      burnedAlphaPerDay: null,
      basis: `unknown: the snapshot has no per-UID data and no ${unknown.join(', ')} for this subnet`,
      perUid: null,
    };
  const minerPerDay = alphaOut! * (1 - ownerCut!) * MINER_SHARE * clock.blocksPerDay;
  return {
    alphaPerDay: minerPerDay * (1 - burned!),
    burnedAlphaPerDay: minerPerDay * burned!,
    basis: `alpha_out ${alphaOut} alpha/block x (1 - owner cut ${pct(ownerCut!)}) x ${MINER_SHARE} (miner half) x (1 - MinerBurned ${pct(burned!)}) x ${round(clock.blocksPerDay)} blocks/day (no per-UID data: needs live chain for who gets it)`,
    perUid: null,
  };
}

export function subnetEconomics(
  snapshot: ChainSnapshot,
  netuid: number,
  opts: SubnetEconomicsOptions = {},
): SubnetEconomics {
  const s = findSubnet(snapshot, netuid);
  const clock = blockClock(snapshot);
  const spec = snapshot.chain.specVersion;
  const ownerCut = snapshot.subnetOwnerCut === null ? null : snapshot.subnetOwnerCut / 65_535;
  const price = s.price.taoPerAlpha;
  const samples = uidSamplesOf(s, snapshot.block);
  const pool = samples.length ? realisedPool(s, samples, clock, spec) : perBlockPool(s, ownerCut, clock);
  const operators = operatorFigures(s, samples, clock, spec);
  const warnings: string[] = [];
  if (clock.assumed) warnings.push(clock.statement);
  if (s.emission.enabled === false)
    warnings.push(
      'emission is switched off (SubnetEmissionEnabled false, flow-based emission): no TAO enters this subnet; miners are still paid alpha (alpha_out is unchanged, coinbase/subnet_emissions.rs), but its TAO value is drained from the existing pool as miners sell',
    );
  if (s.emission.minerBurnedFraction !== null && s.emission.minerBurnedFraction >= 1)
    warnings.push('MinerBurned = 1: all miner incentive went to the owner last tempo; no miner was paid');
  const mechCount = s.mechanisms?.count ?? 1;
  const split = s.mechanisms?.emissionSplit
    ? s.mechanisms.emissionSplit.map((x) => x / 65_535)
    : Array.from({ length: mechCount }, () => 1 / mechCount);
  if (mechCount > 1 && s.mechanisms && !s.mechanisms.splitKnown)
    warnings.push(
      `${mechCount} incentive mechanisms; the snapshot does not record their emission split (even assumed)`,
    );
  if (mechCount > 1 && samples.length)
    warnings.push(
      `${mechCount} incentive mechanisms: per-UID incentive is mechanism 0's, so the miner part of UIDs paid by the others is approximate`,
    );
  const taoIn = rao(s.perBlock.taoInRao);
  const excess = rao(s.perBlock.excessTaoRao);
  const taoInflowPerDay =
    s.emission.enabled === false ? 0 : taoIn === null ? null : (taoIn + (excess ?? 0)) * clock.blocksPerDay;
  const taoPerDay = pool.alphaPerDay === null || price === null ? null : pool.alphaPerDay * price;
  const assumptions = [
    clock.statement,
    `miner pool: ${pool.basis}`,
    ownerCut === null
      ? 'owner cut unknown (SubnetOwnerCut not in this snapshot)'
      : `owner cut ${snapshot.subnetOwnerCut}/65535 = ${pct(ownerCut)} (SubnetOwnerCut${snapshot.globalsNote ? `; ${snapshot.globalsNote}` : ''})`,
    `alpha price ${price === null ? 'unknown' : `${price} TAO`} (${s.price.source}); spot price, no slippage for selling`,
  ];
  if (excess === null && taoIn !== null)
    assumptions.push('excess TAO (chain buys) not read on this runtime: inflow is tao_in only');
  return {
    netuid,
    name: s.name,
    symbol: s.symbol,
    block: snapshot.block.number,
    blockTime: snapshot.block.time,
    source:
      opts.source ??
      `${snapshot.source.network} block ${snapshot.block.number.toLocaleString('en-US')}${snapshot.block.time ? ` (${snapshot.block.time})` : ''}`,
    blockSeconds: clock.blockSeconds,
    blocksPerDay: clock.blocksPerDay,
    emissionEnabled: s.emission.enabled,
    minerBurnedFraction: s.emission.minerBurnedFraction,
    ownerCut,
    minerPool: { alphaPerDay: pool.alphaPerDay, taoPerDay, basis: pool.basis },
    taoPerAlpha: price,
    priceSource: s.price.source,
    registrationBurnTao: Number(s.burnRao) / RAO,
    tempo: s.tempo,
    perUid: pool.perUid,
    assumptions,
    warnings,
    taoInflowPerDay,
    minerBurnedAlphaPerDay: pool.burnedAlphaPerDay,
    registrationAllowed: s.registrationAllowed,
    movingPrice: s.movingPrice === null ? null : Math.max(0, s.movingPrice),
    mechanisms: { count: mechCount, split },
    operators,
    operatorsNote: operatorsNote(operators),
    minerUids: s.counts.miners,
  };
}

function operatorsNote(o: SubnetEconomics['operators']): string {
  if (!o) return 'needs live chain: this snapshot has no per-UID data (minerbench chain snapshot --window 7d)';
  const partial = o.partial
    ? ` (PARTIAL: ${o.missing.length} of ${o.samples + o.missing.length} sample blocks of the ${o.requestedDays}-day window gave no data)`
    : '';
  if (o.samples === 1)
    return `one block (${o.toBlock.toLocaleString('en-US')}): the last epoch's realised emission, not a window${partial || ' (chain snapshot --window 7d)'}`;
  return `${o.samples} blocks over ${round(o.daysCovered)} days${partial}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
