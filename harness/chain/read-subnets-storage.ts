// readSubnetsViaStorage: the fallback for runtimes without the subnet runtime APIs, batched storage reads per subnet.
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { MinerbenchError } from '../errors.ts';
import { type SubnetSnapshot, unknownEmission } from '../model/chain-snapshot-schema.ts';
import { asArray, asFixedI96F32, asInt, asRao, asText, fieldOf, unwrapOption } from './codec-fields.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { poolReservePrice } from './subnet-price.ts';
import type { ReadSubnetsOptions } from './read-subnets-runtime-api.ts';

type ApiAt = ApiDecoration<'promise'>;
type Entry = ((...args: unknown[]) => Promise<Codec>) & { keys(...args: unknown[]): Promise<{ args: Codec[] }[]> };

/** Storage items read per subnet, in order (SubtensorModule, §4.3 of bittensor.md). */
export const PER_SUBNET_ITEMS = [
  'subnetworkN',
  'maxAllowedUids',
  'tempo',
  'burn',
  'immunityPeriod',
  'subnetOwner',
  'subnetOwnerHotkey',
  'tokenSymbol',
  'subnetTAO',
  'subnetAlphaIn',
  'subnetAlphaOut',
  'subnetAlphaOutEmission',
  'subnetAlphaInEmission',
  'subnetTaoInEmission',
  'subnetMovingPrice',
  'incentive',
  'emission',
  'dividends',
  'validatorPermit',
  'active',
  'networkRegistrationAllowed',
  'blocksSinceLastStep',
  'lastMechansimStepBlock',
  'pendingServerEmission',
] as const;

function entry(apiAt: ApiAt, name: string): Entry {
  const e = (apiAt.query as unknown as Record<string, Record<string, Entry> | undefined>).subtensorModule?.[name];
  if (!e)
    throw new MinerbenchError(
      'CHAIN_LAYOUT_UNKNOWN',
      `this runtime has neither the subnet runtime APIs nor the storage item SubtensorModule.${name}`,
      { hint: 'this runtime is newer (or older) than this minerbench knows: update minerbench' },
    );
  return e;
}

async function readOne(apiAt: ApiAt, netuid: number): Promise<SubnetSnapshot> {
  const identityItem = ['subnetIdentitiesV3', 'subnetIdentitiesV2', 'subnetIdentities'].find(
    (n) => (apiAt.query as unknown as Record<string, Record<string, unknown>>).subtensorModule?.[n],
  );
  const items = PER_SUBNET_ITEMS.filter((n) => n !== 'pendingServerEmission');
  const values = (await apiAt.queryMulti([
    ...items.map((n) => [entry(apiAt, n), netuid] as [Entry, number]),
    ...(identityItem ? [[entry(apiAt, identityItem), netuid] as [Entry, number]] : []),
  ] as never)) as unknown as Codec[];
  const v = (name: (typeof items)[number]) => values[items.indexOf(name)]!;
  const n = asInt(v('subnetworkN'));
  const uids = Array.from({ length: n }, (_, i) => i);
  const hotkeys = (
    (await apiAt.queryMulti(uids.map((u) => [entry(apiAt, 'keys'), [netuid, u]]) as never)) as unknown as Codec[]
  ).map(String);
  const coldkeys = n
    ? ((await apiAt.queryMulti(hotkeys.map((h) => [entry(apiAt, 'owner'), h]) as never)) as unknown as Codec[]).map(
        String,
      )
    : [];
  const identity = identityItem ? unwrapOption(values[items.length]) : undefined;
  const taoIn = asRao(v('subnetTAO'));
  const alphaIn = asRao(v('subnetAlphaIn'));
  const price = poolReservePrice(taoIn, alphaIn);
  const permits = asArray(v('validatorPermit')).map((x) => x.toJSON() === true);
  const validators = permits.filter(Boolean).length;
  return {
    netuid,
    name: identity && fieldOf(identity, 'subnetName') ? asText(fieldOf(identity, 'subnetName')!) : '',
    symbol: asText(v('tokenSymbol')),
    tempo: asInt(v('tempo')),
    lastStep: asInt(v('lastMechansimStepBlock')),
    blocksSinceLastStep: asInt(v('blocksSinceLastStep')),
    numUids: n,
    maxUids: asInt(v('maxAllowedUids')),
    counts: { miners: n - validators, validators, maxValidators: null },
    registrationAllowed: v('networkRegistrationAllowed').toJSON() === true,
    burnRao: asRao(v('burn')),
    immunityPeriod: asInt(v('immunityPeriod')),
    registeredAtBlock: null,
    ownerHotkey: v('subnetOwnerHotkey').toString(),
    ownerColdkey: v('subnetOwner').toString(),
    pool: { taoInRao: taoIn, alphaInRao: alphaIn, alphaOutRao: asRao(v('subnetAlphaOut')) },
    perBlock: {
      alphaOutRao: asRao(v('subnetAlphaOutEmission')),
      alphaInRao: asRao(v('subnetAlphaInEmission')),
      taoInRao: asRao(v('subnetTaoInEmission')),
      excessTaoRao: null,
    },
    pendingAlphaRao: null,
    movingPrice: asFixedI96F32(v('subnetMovingPrice')),
    price: {
      taoPerAlpha: netuid === 0 ? 1 : price,
      source: netuid === 0 ? 'stable' : price === null ? 'unavailable' : 'pool-reserves',
    },
    emission: unknownEmission(),
    mechanisms: null,
    uids: {
      hotkeys,
      coldkeys,
      incentive: asArray(v('incentive')).map(asInt),
      dividends: asArray(v('dividends')).map(asInt),
      emissionRao: asArray(v('emission')).map(asRao),
      validatorPermit: permits,
      active: asArray(v('active')).map((x) => x.toJSON() === true),
    },
    window: null,
    priceHistory: [],
  };
}

export async function readSubnetsViaStorage(
  apiAt: ApiAt,
  opts: ReadSubnetsOptions,
): Promise<{ subnets: SubnetSnapshot[]; warnings: string[] }> {
  const added = await entry(apiAt, 'networksAdded').keys();
  const existing = added.map((k) => asInt(k.args[0]!)).sort((a, b) => a - b);
  const missing = (opts.netuids ?? []).filter((u) => !existing.includes(u));
  if (missing.length) {
    throw new MinerbenchError(
      'CHAIN_DATA_MISSING',
      `netuid ${missing.join(', ')} does not exist at block ${opts.block}`,
      {
        hint: `existing netuids: ${existing.join(', ')}`,
      },
    );
  }
  const targets = opts.netuids ?? existing.filter((u) => u !== 0);
  const subnets = await mapConcurrent(targets, opts.concurrency ?? 16, (u) => readOne(apiAt, u));
  return {
    subnets,
    warnings: [
      'this runtime has no subnet runtime APIs: subnet state was read from storage (3 batched requests per subnet), and the alpha price from the pool reserves',
    ],
  };
}
