// syntheticStorage: storage answers for a runtime without runtime APIs, encoded with the real V14 types from recorded SN1 values.
import { expandMetadata } from '@polkadot/types';
import { compactStripLength, u8aToHex } from '@polkadot/util';
import { chainRegistry, recordedSn1Metagraph } from './chain-registry.ts';
import type { SyntheticValues } from './synthetic-runtime-api.ts';

type Answer = { result: unknown; label: string } | undefined;

export function syntheticStorage(
  v14Hex: string,
  values: SyntheticValues,
): (method: string, params: unknown[], headHash: string) => Answer {
  const reg = chainRegistry(v14Hex);
  const q = expandMetadata(reg.registry, reg.metadata).query.subtensorModule as unknown as Record<
    string,
    ((...a: unknown[]) => Uint8Array) & { meta: { type: { isMap: boolean; asMap: { value: never }; asPlain: never } } }
  >;
  const sn1 = recordedSn1Metagraph() as Record<string, unknown> & { hotkeys: string[]; coldkeys: string[] };
  const store = new Map<string, string>();
  const put = (item: string, args: unknown[], value: unknown) => {
    const e = q[item];
    if (!e) return;
    const type = e.meta.type.isMap ? e.meta.type.asMap.value : e.meta.type.asPlain;
    const key = u8aToHex(compactStripLength(e(...args))[1]);
    store.set(key, u8aToHex(reg.registry.createType(reg.registry.createLookupType(type), value).toU8a()));
  };
  const scalars: Record<string, unknown> = {
    networksAdded: true,
    subnetworkN: sn1.numUids,
    maxAllowedUids: sn1.maxUids,
    tempo: sn1.tempo,
    burn: sn1.burn,
    immunityPeriod: sn1.immunityPeriod,
    subnetOwner: sn1.ownerColdkey,
    subnetOwnerHotkey: sn1.ownerHotkey,
    tokenSymbol: sn1.symbol,
    subnetTAO: sn1.taoIn,
    subnetAlphaIn: sn1.alphaIn,
    subnetAlphaOut: sn1.alphaOut,
    subnetAlphaOutEmission: sn1.alphaOutEmission,
    subnetAlphaInEmission: sn1.alphaInEmission,
    subnetTaoInEmission: sn1.taoInEmission,
    subnetMovingPrice: sn1.movingPrice,
    incentive: sn1.incentives,
    emission: sn1.emission,
    dividends: sn1.dividends,
    validatorPermit: sn1.validatorPermit,
    active: sn1.active,
    networkRegistrationAllowed: sn1.registrationAllowed,
    blocksSinceLastStep: sn1.blocksSinceLastStep,
    lastMechansimStepBlock: sn1.lastStep,
    subnetIdentitiesV3: sn1.identity,
  };
  for (const [item, v] of Object.entries(scalars)) put(item, [1], v);
  sn1.hotkeys.forEach((hk, uid) => {
    put('keys', [1, uid], hk);
    put('owner', [hk], sn1.coldkeys[uid]);
  });
  if (values.blockEmissionRao !== undefined) put('blockEmission', [], values.blockEmissionRao);
  if (values.subnetOwnerCut !== undefined) put('subnetOwnerCut', [], values.subnetOwnerCut);
  const label = 'encoded from the recorded SN1 metagraph with the spec-343 V14 storage types';

  return (method, params, headHash) => {
    const at = method === 'state_getKeysPaged' ? params[3] : params[1];
    if (at !== undefined && at !== null && at !== headHash) return undefined;
    if (method === 'state_getStorage' || method === 'state_getStorageAt') {
      const v = store.get(params[0] as string);
      return v === undefined ? undefined : { result: v, label };
    }
    if (method === 'state_queryStorageAt') {
      const keys = params[0] as string[];
      if (!keys.every((k) => store.has(k))) return undefined;
      return {
        result: [{ block: headHash, changes: keys.map((k) => [k, store.get(k)!]) }],
        label: `${label} (${keys.length} keys)`,
      };
    }
    if (method === 'state_getKeysPaged') {
      const [prefix, count, start] = params as [string, number, string | null];
      const keys = [...store.keys()]
        .filter((k) => k.startsWith(prefix) && (!start || k > start))
        .sort()
        .slice(0, count);
      return { result: keys, label: `${label} (key listing)` };
    }
    return undefined;
  };
}
