// readSubnetsViaSubnetInfo: every subnet's scalars in one call (SubnetInfoRuntimeApi.get_subnets_info_v2) and every
// spot price in one paged read (Swap.AlphaSqrtPrice), without per-UID data: the light read the strategist's table needs.
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { MinerbenchError } from '../errors.ts';
import { type SubnetSnapshot, unknownEmission } from '../model/chain-snapshot-schema.ts';
import { asArray, asInt, asRao, asText, fieldOf, unwrapOption } from './codec-fields.ts';
import { mapConcurrent } from './map-concurrent.ts';
import type { ReadSubnetsOptions } from './read-subnets-runtime-api.ts';
import { subnetPrice } from './subnet-price.ts';

type ApiAt = ApiDecoration<'promise'>;
type CallFn = (...args: unknown[]) => Promise<Codec>;
type MapEntry = { entries(): Promise<[{ args: Codec[] }, Codec][]> };

function callOf(apiAt: ApiAt, method: string): CallFn | undefined {
  return (apiAt.call as unknown as Record<string, Record<string, CallFn> | undefined>).subnetInfoRuntimeApi?.[method];
}

export function hasSubnetInfoApi(apiAt: ApiAt): boolean {
  return !!(callOf(apiAt, 'getSubnetsInfoV2') ?? callOf(apiAt, 'getSubnetsInfo'));
}

/** U64F64 `{ bits }` square-root price -> TAO per alpha (bits / 2^64, squared). */
export function priceFromSqrtBits(bits: bigint): number {
  return (Number(bits) / 2 ** 64) ** 2;
}

/** All Swap.AlphaSqrtPrice values in one paged read; null when the runtime has no such item (another AMM). */
async function sqrtPrices(apiAt: ApiAt): Promise<Map<number, number> | null> {
  const item = (apiAt.query as unknown as Record<string, Record<string, MapEntry> | undefined>).swap?.alphaSqrtPrice;
  if (!item) return null;
  const out = new Map<number, number>();
  for (const [key, value] of await item.entries()) {
    const bits = fieldOf(value, 'bits') ?? value;
    out.set(asInt(key.args[0]!), priceFromSqrtBits(BigInt(bits.toString())));
  }
  return out;
}

function subnetFromInfo(info: Codec, price: SubnetSnapshot['price']): SubnetSnapshot {
  const f = (name: string) => {
    const v = fieldOf(info, name);
    if (!v) throw new MinerbenchError('CHAIN_LAYOUT_UNKNOWN', `this runtime's SubnetInfo has no '${name}' field`);
    return v;
  };
  const identity = fieldOf(info, 'identity');
  const name = identity && fieldOf(identity, 'subnetName') ? asText(fieldOf(identity, 'subnetName')!) : '';
  return {
    netuid: asInt(f('netuid')),
    name,
    symbol: '',
    tempo: asInt(f('tempo')),
    lastStep: null,
    blocksSinceLastStep: asInt(f('blocksSinceLastStep')),
    numUids: asInt(f('subnetworkN')),
    maxUids: asInt(f('maxAllowedUids')),
    counts: { miners: null, validators: null, maxValidators: asInt(f('maxAllowedValidators')) },
    registrationAllowed: null,
    burnRao: asRao(f('burn')),
    immunityPeriod: asInt(f('immunityPeriod')),
    registeredAtBlock: null,
    ownerHotkey: null,
    ownerColdkey: f('owner').toString(),
    pool: null,
    perBlock: { alphaOutRao: null, alphaInRao: null, taoInRao: null, excessTaoRao: null },
    pendingAlphaRao: null,
    movingPrice: null,
    price,
    emission: unknownEmission(),
    mechanisms: null,
    uids: null,
    window: null,
    priceHistory: [],
  };
}

/** Reads every subnet (or the ones asked) at the pinned block. Root (netuid 0) is skipped unless asked. */
export async function readSubnetsViaSubnetInfo(
  apiAt: ApiAt,
  opts: ReadSubnetsOptions,
): Promise<{ subnets: SubnetSnapshot[]; warnings: string[] }> {
  const call = callOf(apiAt, 'getSubnetsInfoV2') ?? callOf(apiAt, 'getSubnetsInfo');
  if (!call)
    throw new MinerbenchError(
      'CHAIN_LAYOUT_UNKNOWN',
      'this runtime has no SubnetInfoRuntimeApi.get_subnets_info_v2 (nor get_subnets_info)',
      { hint: 'read with --method runtime-api or --method storage' },
    );
  const infos = asArray(await call())
    .map(unwrapOption)
    .filter((x): x is Codec => !!x);
  const byNetuid = new Map(infos.map((i) => [asInt(fieldOf(i, 'netuid')!), i]));
  const missing = (opts.netuids ?? []).filter((u) => !byNetuid.has(u));
  if (missing.length)
    throw new MinerbenchError(
      'CHAIN_DATA_MISSING',
      `netuid ${missing.join(', ')} does not exist at block ${opts.block}`,
      { hint: `existing netuids: ${[...byNetuid.keys()].sort((a, b) => a - b).join(', ')}` },
    );
  const targets = opts.netuids ?? [...byNetuid.keys()].filter((u) => u !== 0).sort((a, b) => a - b);
  const warnings: string[] = [];
  const sqrt = await sqrtPrices(apiAt);
  const prices = await mapConcurrent(targets, opts.concurrency ?? 16, async (netuid) => {
    if (netuid === 0) return { taoPerAlpha: 1, source: 'stable' } as const;
    if (sqrt) {
      const p = sqrt.get(netuid);
      return p === undefined
        ? ({ taoPerAlpha: null, source: 'unavailable' } as const)
        : ({ taoPerAlpha: p, source: 'alpha-sqrt-price' } as const);
    }
    const answer = await subnetPrice(apiAt, netuid, null);
    if (answer.fallbackReason) warnings.push(`netuid ${netuid}: no spot price (${answer.fallbackReason})`);
    return answer.price;
  });
  const subnets = targets.map((u, i) => subnetFromInfo(byNetuid.get(u)!, prices[i]!));
  warnings.unshift(
    'read with SubnetInfoRuntimeApi.get_subnets_info_v2: no pools, per-block emission or per-UID data (per-miner figures need --method runtime-api)',
  );
  return { subnets, warnings };
}
