// Economics storage layout: the 2025-2026 subnet economics items (MinerBurned, emission switch, excess TAO, mechanisms,
// block emission, owner cut), their storage keys and how their SCALE bytes decode, as declared by the Subtensor source.
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex, bnToU8a, u8aConcat } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';

/** How a value's bytes decode: a @polkadot/types primitive, or a fixed-point number stored as `{ bits }`. */
export type ValueKind = 'bool' | 'u8' | 'u16' | 'u64' | 'U96F32' | 'I96F32' | 'Vec<u16>';

export interface ItemLayout {
  pallet: 'SubtensorModule';
  /** The storage item's name as the runtime spells it. */
  item: string;
  /** Map key hasher of the netuid; null for a plain (global) value. */
  hasher: 'Identity' | 'Twox64Concat' | null;
  kind: ValueKind;
  /**
   * The value of an absent key, from the item's declared default in the Subtensor source; 'none' for Option items
   * (absent = not set). The runtime's own default (metadata fallback) wins where the metadata has the item.
   */
  absent: boolean | number | 'none';
}

/**
 * Source: opentensor/subtensor pallets/subtensor/src/lib.rs (main, 2026; bittensor.md §4.3): MinerBurned U96F32
 * default 0, SubnetEmissionEnabled bool DefaultTrue, SubnetExcessTao and SubnetTaoInEmission TaoBalance (u64) default 0,
 * FirstEmissionBlockNumber OptionQuery u64, SubtokenEnabled bool default false, NetworkRegistrationAllowed bool
 * default true, SubnetMovingPrice I96F32, MechanismCountCurrent Twox64Concat u8 default 1, MechanismEmissionSplit
 * Twox64Concat OptionQuery Vec<u16> (unset = even split, subnets/mechanism.rs `split_emissions`); the dTAO pool items
 * SubnetAlphaOutEmission, SubnetAlphaInEmission, SubnetTAO, SubnetAlphaIn, SubnetAlphaOut are u64 rao, default 0.
 */
export const SUBNET_ITEMS = {
  minerBurned: { pallet: 'SubtensorModule', item: 'MinerBurned', hasher: 'Identity', kind: 'U96F32', absent: 0 },
  emissionEnabled: {
    pallet: 'SubtensorModule',
    item: 'SubnetEmissionEnabled',
    hasher: 'Identity',
    kind: 'bool',
    absent: true,
  },
  excessTao: { pallet: 'SubtensorModule', item: 'SubnetExcessTao', hasher: 'Identity', kind: 'u64', absent: 0 },
  taoInEmission: {
    pallet: 'SubtensorModule',
    item: 'SubnetTaoInEmission',
    hasher: 'Identity',
    kind: 'u64',
    absent: 0,
  },
  firstEmissionBlock: {
    pallet: 'SubtensorModule',
    item: 'FirstEmissionBlockNumber',
    hasher: 'Identity',
    kind: 'u64',
    absent: 'none',
  },
  subtokenEnabled: {
    pallet: 'SubtensorModule',
    item: 'SubtokenEnabled',
    hasher: 'Identity',
    kind: 'bool',
    absent: false,
  },
  registrationAllowed: {
    pallet: 'SubtensorModule',
    item: 'NetworkRegistrationAllowed',
    hasher: 'Identity',
    kind: 'bool',
    absent: true,
  },
  movingPrice: { pallet: 'SubtensorModule', item: 'SubnetMovingPrice', hasher: 'Identity', kind: 'I96F32', absent: 0 },
  alphaOutEmission: {
    pallet: 'SubtensorModule',
    item: 'SubnetAlphaOutEmission',
    hasher: 'Identity',
    kind: 'u64',
    absent: 0,
  },
  alphaInEmission: {
    pallet: 'SubtensorModule',
    item: 'SubnetAlphaInEmission',
    hasher: 'Identity',
    kind: 'u64',
    absent: 0,
  },
  taoReserve: { pallet: 'SubtensorModule', item: 'SubnetTAO', hasher: 'Identity', kind: 'u64', absent: 0 },
  alphaReserve: { pallet: 'SubtensorModule', item: 'SubnetAlphaIn', hasher: 'Identity', kind: 'u64', absent: 0 },
  alphaOutstanding: { pallet: 'SubtensorModule', item: 'SubnetAlphaOut', hasher: 'Identity', kind: 'u64', absent: 0 },
  mechanismCount: {
    pallet: 'SubtensorModule',
    item: 'MechanismCountCurrent',
    hasher: 'Twox64Concat',
    kind: 'u8',
    absent: 1,
  },
  mechanismSplit: {
    pallet: 'SubtensorModule',
    item: 'MechanismEmissionSplit',
    hasher: 'Twox64Concat',
    kind: 'Vec<u16>',
    absent: 'none',
  },
} as const satisfies Record<string, ItemLayout>;

/** Globals: BlockEmission u64 (default 1e9 rao), TotalIssuance u64, SubnetOwnerCut u16 (default 11,796), TotalNetworks u16. */
export const GLOBAL_ITEMS = {
  blockEmission: { pallet: 'SubtensorModule', item: 'BlockEmission', hasher: null, kind: 'u64', absent: 1e9 },
  totalIssuance: { pallet: 'SubtensorModule', item: 'TotalIssuance', hasher: null, kind: 'u64', absent: 0 },
  subnetOwnerCut: { pallet: 'SubtensorModule', item: 'SubnetOwnerCut', hasher: null, kind: 'u16', absent: 11_796 },
  totalNetworks: { pallet: 'SubtensorModule', item: 'TotalNetworks', hasher: null, kind: 'u16', absent: 0 },
} as const satisfies Record<string, ItemLayout>;

export type SubnetItemKey = keyof typeof SUBNET_ITEMS;
export type GlobalItemKey = keyof typeof GLOBAL_ITEMS;

const registry = new TypeRegistry();

/** twox128(pallet) ++ twox128(item) ++ the hashed netuid (u16 little-endian). */
export function storageKey(layout: ItemLayout, netuid?: number): string {
  const prefix = u8aConcat(xxhashAsU8a(layout.pallet, 128), xxhashAsU8a(layout.item, 128));
  if (layout.hasher === null) return u8aToHex(prefix);
  const key = bnToU8a(netuid ?? 0, { bitLength: 16, isLe: true });
  const hashed = layout.hasher === 'Identity' ? key : u8aConcat(xxhashAsU8a(key, 64), key);
  return u8aToHex(u8aConcat(prefix, hashed));
}

/** A decoded value: number (u8/u16/u64 as a number when exact, fixed-point as a float), bigint for u64 amounts, bool or u16[]. */
export type DecodedValue = boolean | number | bigint | number[];

/** Decodes a value's SCALE bytes. u64 comes back as a bigint (rao amounts exceed 2^53). */
export function decodeValue(kind: ValueKind, hex: string): DecodedValue {
  const bytes = hexToU8a(hex);
  switch (kind) {
    case 'bool':
      return registry.createType('bool', bytes).isTrue;
    case 'u8':
    case 'u16':
      return registry.createType(kind, bytes).toNumber();
    case 'u64':
      return registry.createType('u64', bytes).toBigInt();
    case 'U96F32':
      return Number(registry.createType('u128', bytes).toBigInt()) / 2 ** 32;
    case 'I96F32':
      return Number(registry.createType('i128', bytes).toBigInt()) / 2 ** 32;
    case 'Vec<u16>':
      return (registry.createType('Vec<u16>', bytes).toJSON() as number[]).map(Number);
  }
}

/** The value an absent key stands for; null for Option items (not set). */
export function absentValue(layout: ItemLayout): DecodedValue | null {
  if (layout.absent === 'none') return null;
  if (layout.kind === 'u64' && typeof layout.absent === 'number') return BigInt(layout.absent);
  return layout.absent;
}
