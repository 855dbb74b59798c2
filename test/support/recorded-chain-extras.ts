// Extras of the recorded-chain server: the raw 2026 storage recording, metadata without some items (constructed), and
// stand-in hashes of unrecorded blocks.
import { readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { hexToU8a } from '@polkadot/util';
import { sharedFixture } from './shared-fixtures.ts';

/** Recorded raw storage of 2026-07-31 (metagraphed emission-pipeline fixture): storage key -> SCALE hex, at its block. */
export const STORAGE_2026_FILE = sharedFixture(
  'chain/multi-subnet/metagraphed/emission-pipeline_b8740402_2026-07-31.json',
);
export const BLOCK_2026 = {
  number: 8_740_402,
  hash: '0xeaa9982da9bd45686a09fae76111e08461ab4f03dfd6357e975de2158897b2aa',
};

export function storage2026(): { values: Map<string, string>; prefixes: string[] } {
  const f = JSON.parse(readFileSync(STORAGE_2026_FILE, 'utf8')) as {
    storage_prefix: string;
    item_hashes: Record<string, string>;
    values: Record<string, string | null>;
    maps: Record<string, Record<string, string | null>>;
  };
  const values = new Map<string, string>();
  const prefixes: string[] = [];
  for (const [item, hash] of Object.entries(f.item_hashes)) {
    const prefix = `${f.storage_prefix}${hash}`;
    prefixes.push(prefix);
    if (item in f.values) {
      const v = f.values[item];
      if (v) values.set(prefix, v);
      continue;
    }
    for (const [netuid, v] of Object.entries(f.maps[item] ?? {})) {
      const key = `${prefix}${(Number(netuid) & 0xff).toString(16).padStart(2, '0')}${(Number(netuid) >> 8).toString(16).padStart(2, '0')}`;
      if (v) values.set(key, v);
    }
  }
  return { values, prefixes };
}

/** The V14 metadata blob with some SubtensorModule storage items removed (re-encoded with @polkadot/types). */
export function withoutItems(v14Hex: string, items: string[]): string {
  const registry = new TypeRegistry();
  const json = new Metadata(registry, hexToU8a(v14Hex)).toJSON() as {
    magicNumber: number;
    metadata: { v14: { pallets: { name: string; storage: { items: { name: string }[] } | null }[] } };
  };
  const pallet = json.metadata.v14.pallets.find((p) => p.name === 'SubtensorModule')!;
  pallet.storage!.items = pallet.storage!.items.filter((i) => !items.includes(i.name));
  return new Metadata(registry, json as never).toHex();
}

/** A deterministic stand-in hash for an unrecorded block (synthetic: no recording holds it). */
export function syntheticHash(n: number): string {
  return `0x5e${n.toString(16).padStart(62, '0')}`;
}
