// readEconomicsStorage: the 2026 economics items of every subnet in one batched raw storage read, decoded by the
// declared layout; economicsLayoutCheck: which of them this runtime has, refusing one stored another way.
import type { ApiDecoration } from '@polkadot/api/types';
import { MinerbenchError } from '../errors.ts';
import {
  GLOBAL_ITEMS,
  SUBNET_ITEMS,
  absentValue,
  decodeValue,
  storageKey,
  type DecodedValue,
  type GlobalItemKey,
  type ItemLayout,
  type SubnetItemKey,
} from './economics-layout.ts';

type ApiAt = ApiDecoration<'promise'>;

const KEYS_PER_REQUEST = 512;
/** Encoded size of the fixed-size kinds, to check a runtime's default value against the declared layout. */
const FIXED_SIZE: Partial<Record<ItemLayout['kind'], number>> = {
  bool: 1,
  u8: 1,
  u16: 2,
  u64: 8,
  U96F32: 16,
  I96F32: 16,
};

export interface EconomicsItems {
  subnet: SubnetItemKey[];
  global: GlobalItemKey[];
  /** The runtime's default for an absent key, by item name (metadata fallback bytes); else the declared default. */
  fallbacks?: Record<string, string>;
}

export interface EconomicsValues {
  /** netuid -> item -> value (null: an Option item not set). Items not read are absent from the record. */
  subnets: Map<number, Partial<Record<SubnetItemKey, DecodedValue | null>>>;
  globals: Partial<Record<GlobalItemKey, DecodedValue | null>>;
  /** Requests the node did not answer: the items they held stay unread (unknown), each failure named. */
  failures: { items: string[]; error: string }[];
  keys: number;
  requests: number;
}

interface Wanted {
  key: string;
  layout: ItemLayout;
  name: string;
  netuid: number | null;
}

/** Sends one JSON-RPC request and returns its raw result (a provider's `send`). */
export type RawRpc = (method: string, params: unknown[]) => Promise<unknown>;

type ChangeSet = { block: string; changes: [string, string | null][] }[];

/**
 * Reads the given items for the given netuids at `blockHash` with state_queryStorageAt: each global in its own request
 * and the subnet items in batches of 512 keys, all at once (one round trip). Keys are computed here and values decoded
 * by the declared layout, so no metadata is needed: it also reads runtimes newer than any recorded metadata. Raw
 * requests (not api.rpc): a failure is reported once in the snapshot's warnings, not logged to stderr by the client.
 */
export async function readEconomicsStorage(
  send: RawRpc,
  blockHash: string,
  netuids: readonly number[],
  items: EconomicsItems,
): Promise<EconomicsValues> {
  const groups: Wanted[][] = items.global.map((name) => [
    { key: storageKey(GLOBAL_ITEMS[name]), layout: GLOBAL_ITEMS[name], name, netuid: null },
  ]);
  const perSubnet: Wanted[] = [];
  for (const netuid of netuids)
    for (const name of items.subnet)
      perSubnet.push({ key: storageKey(SUBNET_ITEMS[name], netuid), layout: SUBNET_ITEMS[name], name, netuid });
  for (let i = 0; i < perSubnet.length; i += KEYS_PER_REQUEST) groups.push(perSubnet.slice(i, i + KEYS_PER_REQUEST));
  const answers = await Promise.allSettled(
    groups.map(async (g) => {
      const sets = (await send('state_queryStorageAt', [g.map((w) => w.key), blockHash])) as ChangeSet;
      const changes = new Map<string, string | null>();
      for (const set of sets ?? []) for (const [k, v] of set.changes) changes.set(k.toLowerCase(), v);
      return g.map((w) => changes.get(w.key.toLowerCase()) ?? null);
    }),
  );
  const out: EconomicsValues = {
    subnets: new Map(),
    globals: {},
    failures: [],
    keys: groups.reduce((a, g) => a + g.length, 0),
    requests: groups.length,
  };
  answers.forEach((answer, g) => {
    const group = groups[g]!;
    if (answer.status === 'rejected') {
      const names = [...new Set(group.map((w) => `SubtensorModule.${w.layout.item}`))];
      const e = answer.reason as unknown;
      out.failures.push({ items: names, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    group.forEach((w, i) => {
      const raw = answer.value[i];
      const fallback = items.fallbacks?.[w.layout.item];
      const value = !raw
        ? fallback
          ? decodeValue(w.layout.kind, fallback)
          : absentValue(w.layout)
        : decodeValue(w.layout.kind, raw);
      if (w.netuid === null) (out.globals as Record<string, DecodedValue | null>)[w.name] = value;
      else {
        const rec = out.subnets.get(w.netuid) ?? {};
        (rec as Record<string, DecodedValue | null>)[w.name] = value;
        out.subnets.set(w.netuid, rec);
      }
    });
  });
  return out;
}

interface StorageEntryMeta {
  type: { isMap: boolean; asMap: { hashers: { toString(): string }[] }; isPlain: boolean };
  modifier: { isOptional: boolean };
  fallback: { toHex(): string };
}

export interface EconomicsLayoutCheck {
  items: EconomicsItems;
  /** Items this runtime does not have (an older runtime: their values are unknown, not defaults). */
  absent: string[];
}

/**
 * Which economics items the runtime at this block has, with their metadata defaults. An item stored with another
 * hasher than minerbench knows is CHAIN_LAYOUT_UNKNOWN (naming it): reading it would decode garbage.
 */
export function economicsLayoutCheck(apiAt: ApiAt): EconomicsLayoutCheck {
  const section = (apiAt.query as unknown as Record<string, Record<string, { creator?: { meta: StorageEntryMeta } }>>)
    .subtensorModule;
  const check = (layout: ItemLayout): { present: boolean; fallback?: string } => {
    const camel = layout.item[0]!.toLowerCase() + layout.item.slice(1);
    const meta = section?.[camel]?.creator?.meta;
    if (!meta) return { present: false };
    const hasher = meta.type.isMap ? meta.type.asMap.hashers.map(String).join(',') : null;
    if (hasher !== layout.hasher)
      throw new MinerbenchError(
        'CHAIN_LAYOUT_UNKNOWN',
        `this runtime stores SubtensorModule.${layout.item} with hasher ${hasher ?? 'none (plain value)'}; minerbench reads it as ${layout.hasher ?? 'a plain value'}`,
        { hint: 'this runtime is newer than this minerbench: update minerbench, or read with --method runtime-api' },
      );
    if (meta.modifier.isOptional) return { present: true };
    const fallback = meta.fallback.toHex();
    const size = FIXED_SIZE[layout.kind];
    if (size !== undefined && (fallback.length - 2) / 2 !== size)
      throw new MinerbenchError(
        'CHAIN_LAYOUT_UNKNOWN',
        `this runtime stores SubtensorModule.${layout.item} in ${(fallback.length - 2) / 2} bytes; minerbench reads it as ${layout.kind} (${size} bytes)`,
        { hint: 'this runtime is newer than this minerbench: update minerbench' },
      );
    return { present: true, fallback };
  };
  const subnet: SubnetItemKey[] = [];
  const global: GlobalItemKey[] = [];
  const absent: string[] = [];
  const fallbacks: Record<string, string> = {};
  for (const [name, layout] of Object.entries(SUBNET_ITEMS) as [SubnetItemKey, ItemLayout][]) {
    const c = check(layout);
    if (!c.present) absent.push(layout.item);
    else {
      subnet.push(name);
      if (c.fallback) fallbacks[layout.item] = c.fallback;
    }
  }
  for (const [name, layout] of Object.entries(GLOBAL_ITEMS) as [GlobalItemKey, ItemLayout][]) {
    const c = check(layout);
    if (!c.present) absent.push(layout.item);
    else {
      global.push(name);
      if (c.fallback) fallbacks[layout.item] = c.fallback;
    }
  }
  return { items: { subnet, global, fallbacks }, absent };
}
