// syntheticRuntimeApi: runtime-API answers the recordings lack, encoded with the real metadata types from recorded SN1 values.
import type { Codec } from '@polkadot/types/types';
import { compactToU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { chainRegistry, recordedSn1Metagraph, type ChainRegistry } from './chain-registry.ts';

/** Values no recording holds; a test that sets one says so, and every answer built from one is labelled synthetic. */
export interface SyntheticValues {
  /** SwapRuntimeApi current_alpha_price answers (rao of TAO per 1 alpha), by netuid. */
  alphaPriceRao?: Record<number, bigint>;
  /** SubtensorModule.BlockEmission (rao per block). */
  blockEmissionRao?: bigint;
  /** SubtensorModule.SubnetOwnerCut (u16). */
  subnetOwnerCut?: number;
  /** Benchmarks only: serve this many copies of SN1 as netuids 1..N, to measure scaling to a full chain. */
  cloneSn1?: number;
}

export interface SyntheticAnswer {
  result: string;
  label: string;
}

type Source = Record<string, unknown>;

/** DynamicInfo field name -> selective metagraph field name, where they differ. */
const DYNAMIC_ALIASES: Record<string, string> = {
  subnetName: 'name',
  tokenSymbol: 'symbol',
  subnetIdentity: 'identity',
  emission: 'subnetEmission',
};

function structKeys(reg: ChainRegistry, optionType: string): string[] {
  const none = reg.registry.createType(optionType) as unknown as { unwrapOrDefault(): { defKeys: string[] } };
  return none.unwrapOrDefault().defKeys;
}

function pick(keys: string[], src: Source, aliases: Record<string, string> = {}): Source {
  const out: Source = {};
  for (const k of keys) {
    const v = src[aliases[k] ?? k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function syntheticRuntimeApi(
  spec: number,
  v15Hex: string,
  headNumber: number,
  values: SyntheticValues,
): (fn: string, dataHex: string, at: string | undefined, headHash: string) => SyntheticAnswer | undefined {
  const reg = chainRegistry(v15Hex);
  const sn1: Source = { ...recordedSn1Metagraph() };
  // At another runtime the SN1 values are placed at that runtime's head block; everything else is the recorded value.
  if (spec !== 343) sn1.block = headNumber;
  const label =
    spec === 343
      ? 'encoded from the recorded SN1 metagraph'
      : `recorded SN1 metagraph (block 6,852,690) re-encoded with spec-${spec} types`;
  // Option.toHex() drops the Some byte; toU8a() keeps it.
  const encode = (type: string, value: unknown) => u8aToHex(reg.registry.createType(type, value).toU8a());

  // Clones differ from SN1 only in the leading Compact<u16> netuid (after the Option byte): encode once, splice the netuid.
  const encodedSn1 = new Map<string, Uint8Array>();
  const encodeFor = (key: string, type: string, value: Source, netuid: number): string => {
    if (!encodedSn1.has(key)) encodedSn1.set(key, hexToU8a(encode(type, { ...value, netuid: 1 })).subarray(2));
    return u8aToHex(u8aConcat([1], compactToU8a(netuid), encodedSn1.get(key)!));
  };

  return (fn, dataHex, at, headHash) => {
    if (at !== undefined && at !== null && at !== headHash) return undefined;
    const [apiName, method] =
      fn.split('_').length > 1 ? [fn.slice(0, fn.indexOf('_')), fn.slice(fn.indexOf('_') + 1)] : ['', ''];
    const m = reg.apiMethod(apiName, method);
    if (!m) return undefined;
    const args: Codec[] = reg.decodeArgs(m.inputs, dataHex);
    const netuid = args[0] ? Number(args[0].toString()) : undefined;
    const clones = values.cloneSn1 ?? 1;
    const isSubnet = netuid !== undefined && netuid >= 1 && netuid <= clones;
    const sn = (u: number): Source => ({ ...sn1, netuid: u });
    switch (fn) {
      case 'SubnetInfoRuntimeApi_get_selective_metagraph':
      case 'SubnetInfoRuntimeApi_get_selective_mechagraph': {
        const indexes = args[args.length - 1]!.toJSON() as number[];
        if (!isSubnet) return { result: encode(m.output, null), label: `netuid ${netuid} absent (only SN1 recorded)` };
        if (fn.endsWith('mechagraph') && Number(args[1]!.toString()) !== 0) return undefined;
        const keys = structKeys(reg, m.output);
        const value: Source = {};
        keys.forEach((k, i) => {
          if (indexes.includes(i) && sn1[k] !== undefined) value[k] = sn1[k];
        });
        return {
          result: encodeFor(`${fn}:${indexes.join(',')}`, m.output, value, netuid),
          label: `${label}, indexes ${indexes.length}`,
        };
      }
      case 'SubnetInfoRuntimeApi_get_metagraph':
        if (!isSubnet) return { result: encode(m.output, null), label: `netuid ${netuid} absent` };
        return { result: encode(m.output, pick(structKeys(reg, m.output), sn(netuid))), label };
      case 'SubnetInfoRuntimeApi_get_dynamic_info':
        if (!isSubnet) return { result: encode(m.output, null), label: `netuid ${netuid} absent` };
        return { result: encode(m.output, pick(structKeys(reg, m.output), sn(netuid), DYNAMIC_ALIASES)), label };
      case 'SubnetInfoRuntimeApi_get_all_dynamic_info': {
        const dyn = reg.apiMethod('SubnetInfoRuntimeApi', 'get_dynamic_info')!;
        const all = Array.from({ length: clones }, (_, i) =>
          pick(structKeys(reg, dyn.output), sn(i + 1), DYNAMIC_ALIASES),
        );
        return {
          result: encode(m.output, all),
          label:
            clones === 1
              ? `${label}; SN1 is the only subnet recorded`
              : `${label}; SN1 cloned as netuids 1..${clones} (benchmark)`,
        };
      }
      case 'SwapRuntimeApi_current_alpha_price': {
        const price = netuid === undefined ? undefined : values.alphaPriceRao?.[netuid];
        if (price === undefined) return undefined;
        return { result: encode(m.output, price), label: `price for netuid ${netuid} given by the test` };
      }
    }
    return undefined;
  };
}
