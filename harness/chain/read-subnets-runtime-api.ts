// readSubnetsViaRuntimeApi: all subnet state in a few round trips from getAllDynamicInfo, getSelectiveMetagraph and SwapRuntimeApi.
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { MinerbenchError } from '../errors.ts';
import { type SubnetSnapshot, type UidVectors, unknownEmission } from '../model/chain-snapshot-schema.ts';
import { asArray, asFixedI96F32, asInt, asRao, asText, fieldOf, unwrapOption } from './codec-fields.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { subnetPrice } from './subnet-price.ts';

type ApiAt = ApiDecoration<'promise'>;
type CallFn = ((...args: unknown[]) => Promise<Codec>) & { meta?: { type?: string } };

/** The metagraph fields a snapshot needs beyond DynamicInfo, by their SelectiveMetagraph field name. */
export const SELECTIVE_FIELDS = [
  'netuid',
  'numUids',
  'maxUids',
  'burn',
  'registrationAllowed',
  'immunityPeriod',
  'hotkeys',
  'coldkeys',
  'active',
  'validatorPermit',
  'emission',
  'dividends',
  'incentives',
  'maxValidators',
] as const;

export interface RuntimeApiSupport {
  allDynamicInfo: boolean;
  selectiveMetagraph: boolean;
  metagraph: boolean;
}

function callOf(apiAt: ApiAt, section: string, method: string): CallFn | undefined {
  const s = (apiAt.call as unknown as Record<string, Record<string, CallFn> | undefined>)[section];
  return s?.[method];
}

export function runtimeApiSupport(apiAt: ApiAt): RuntimeApiSupport {
  return {
    allDynamicInfo: !!callOf(apiAt, 'subnetInfoRuntimeApi', 'getAllDynamicInfo'),
    selectiveMetagraph: !!callOf(apiAt, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph'),
    metagraph: !!callOf(apiAt, 'subnetInfoRuntimeApi', 'getMetagraph'),
  };
}

/** The per-UID fields only (for the samples of a window). */
export const UID_FIELDS = [
  'netuid',
  'hotkeys',
  'coldkeys',
  'active',
  'validatorPermit',
  'emission',
  'dividends',
  'incentives',
] as const;

/** Index of each SelectiveMetagraph field, read from the runtime's own type (the order is the index order). */
function selectiveIndexes(apiAt: ApiAt, fn: CallFn, fields: readonly string[] = SELECTIVE_FIELDS): number[] {
  const type = fn.meta?.type;
  if (!type)
    throw new MinerbenchError(
      'CHAIN_LAYOUT_UNKNOWN',
      'getSelectiveMetagraph has no output type in this runtime metadata',
    );
  const none = apiAt.registry.createType(type) as unknown as { unwrapOrDefault(): { defKeys: string[] } };
  const keys = none.unwrapOrDefault().defKeys;
  return fields.map((f) => {
    const i = keys.indexOf(f);
    if (i < 0)
      throw new MinerbenchError('CHAIN_LAYOUT_UNKNOWN', `this runtime's SelectiveMetagraph has no '${f}' field`, {
        hint: 'this runtime is newer than this minerbench: update minerbench, or read with --method subnet-info',
      });
    return i;
  });
}

function need(s: Codec, name: string, netuid: number): Codec {
  const v = fieldOf(s, name);
  if (!v) throw new MinerbenchError('CHAIN_DATA_MISSING', `the chain returned no '${name}' for netuid ${netuid}`);
  return v;
}

/** Builds one subnet from its DynamicInfo and its (selective) metagraph. */
export function subnetFromCodecs(dyn: Codec, mg: Codec, price: SubnetSnapshot['price']): SubnetSnapshot {
  const netuid = asInt(need(dyn, 'netuid', -1));
  const n = (name: string) => need(mg, name, netuid);
  const d = (name: string) => need(dyn, name, netuid);
  const optional = (c: Codec | undefined, f: (x: Codec) => number) => (c ? f(c) : null);
  const permits = asArray(n('validatorPermit')).map((x) => x.toJSON() === true);
  const validators = permits.filter(Boolean).length;
  const uidCount = asInt(n('numUids'));
  return {
    netuid,
    name: asText(d('subnetName')),
    symbol: asText(d('tokenSymbol')),
    tempo: asInt(d('tempo')),
    lastStep: optional(fieldOf(dyn, 'lastStep'), asInt),
    blocksSinceLastStep: optional(fieldOf(dyn, 'blocksSinceLastStep'), asInt),
    numUids: uidCount,
    maxUids: optional(fieldOf(mg, 'maxUids'), asInt),
    counts: {
      miners: uidCount - validators,
      validators,
      maxValidators: optional(fieldOf(mg, 'maxValidators'), asInt),
    },
    registrationAllowed: fieldOf(mg, 'registrationAllowed')
      ? fieldOf(mg, 'registrationAllowed')!.toJSON() === true
      : null,
    burnRao: asRao(n('burn')),
    immunityPeriod: asInt(n('immunityPeriod')),
    registeredAtBlock: optional(fieldOf(dyn, 'networkRegisteredAt'), asInt),
    ownerHotkey: d('ownerHotkey').toString(),
    ownerColdkey: d('ownerColdkey').toString(),
    pool: { taoInRao: asRao(d('taoIn')), alphaInRao: asRao(d('alphaIn')), alphaOutRao: asRao(d('alphaOut')) },
    perBlock: {
      alphaOutRao: asRao(d('alphaOutEmission')),
      alphaInRao: asRao(d('alphaInEmission')),
      taoInRao: asRao(d('taoInEmission')),
      excessTaoRao: null,
    },
    pendingAlphaRao: fieldOf(dyn, 'pendingAlphaEmission') ? asRao(fieldOf(dyn, 'pendingAlphaEmission')!) : null,
    movingPrice: fieldOf(dyn, 'movingPrice') ? asFixedI96F32(fieldOf(dyn, 'movingPrice')!) : null,
    price,
    emission: unknownEmission(),
    mechanisms: null,
    uids: {
      hotkeys: asArray(n('hotkeys')).map((x) => x.toString()),
      coldkeys: asArray(n('coldkeys')).map((x) => x.toString()),
      incentive: asArray(n('incentives')).map(asInt),
      dividends: asArray(n('dividends')).map(asInt),
      emissionRao: asArray(n('emission')).map(asRao),
      validatorPermit: permits,
      active: asArray(n('active')).map((x) => x.toJSON() === true),
    },
    window: null,
    priceHistory: [],
  };
}

/** One subnet's per-UID vectors at this block via the selective metagraph; null when the subnet does not exist there. */
export async function readUidVectorsViaRuntimeApi(apiAt: ApiAt, netuid: number): Promise<UidVectors | null> {
  const selective = callOf(apiAt, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph');
  if (!selective)
    throw new MinerbenchError(
      'CHAIN_LAYOUT_UNKNOWN',
      'this runtime has no SubnetInfoRuntimeApi.get_selective_metagraph for per-UID data',
    );
  const mg = unwrapOption(await selective(netuid, selectiveIndexes(apiAt, selective, UID_FIELDS)));
  if (!mg) return null;
  const n = (name: string) => need(mg, name, netuid);
  return {
    hotkeys: asArray(n('hotkeys')).map((x) => x.toString()),
    coldkeys: asArray(n('coldkeys')).map((x) => x.toString()),
    incentive: asArray(n('incentives')).map(asInt),
    dividends: asArray(n('dividends')).map(asInt),
    emissionRao: asArray(n('emission')).map(asRao),
    validatorPermit: asArray(n('validatorPermit')).map((x) => x.toJSON() === true),
    active: asArray(n('active')).map((x) => x.toJSON() === true),
  };
}

export interface ReadSubnetsOptions {
  netuids?: number[];
  concurrency?: number;
  block: number;
}

/** Reads every subnet (or the ones asked) at the pinned block. Root (netuid 0) is skipped unless asked. */
export async function readSubnetsViaRuntimeApi(
  apiAt: ApiAt,
  opts: ReadSubnetsOptions,
): Promise<{ subnets: SubnetSnapshot[]; warnings: string[] }> {
  const allDyn = callOf(apiAt, 'subnetInfoRuntimeApi', 'getAllDynamicInfo')!;
  const selective = callOf(apiAt, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph');
  const full = callOf(apiAt, 'subnetInfoRuntimeApi', 'getMetagraph');
  const dyns = asArray(await allDyn())
    .map(unwrapOption)
    .filter((x): x is Codec => !!x);
  const byNetuid = new Map(dyns.map((d) => [asInt(fieldOf(d, 'netuid')!), d]));
  const missing = (opts.netuids ?? []).filter((u) => !byNetuid.has(u));
  if (missing.length) {
    throw new MinerbenchError(
      'CHAIN_DATA_MISSING',
      `netuid ${missing.join(', ')} does not exist at block ${opts.block}`,
      {
        hint: `existing netuids: ${[...byNetuid.keys()].sort((a, b) => a - b).join(', ')}`,
      },
    );
  }
  const targets = opts.netuids ?? [...byNetuid.keys()].filter((u) => u !== 0).sort((a, b) => a - b);
  const indexes = selective ? selectiveIndexes(apiAt, selective) : [];
  const fallbacks = new Map<string, number[]>();
  const subnets = await mapConcurrent(targets, opts.concurrency ?? 64, async (netuid) => {
    const dyn = byNetuid.get(netuid)!;
    const [mgOpt, price] = await Promise.all([
      selective ? selective(netuid, indexes) : full ? full(netuid) : Promise.reject(new Error('no metagraph API')),
      subnetPrice(apiAt, netuid, dyn),
    ]);
    const mg = unwrapOption(mgOpt);
    if (!mg)
      throw new MinerbenchError(
        'CHAIN_DATA_MISSING',
        `the chain returned no metagraph for netuid ${netuid} at block ${opts.block}`,
      );
    if (price.fallbackReason)
      fallbacks.set(price.fallbackReason, [...(fallbacks.get(price.fallbackReason) ?? []), netuid]);
    return subnetFromCodecs(dyn, mg, price.price);
  });
  const warnings = [...fallbacks].map(
    ([why, uids]) => `alpha price from pool reserves (tao_in/alpha_in) for netuid ${uids.join(', ')}: ${why}`,
  );
  return { subnets, warnings };
}
