// The shipped default snapshot: real recorded finney state, used when no chain answers, always with a warning.
import { fileURLToPath } from 'node:url';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import { loadChainSnapshotFile } from './chain-snapshot-file.ts';

export const DEFAULT_SNAPSHOT_PATH = fileURLToPath(new URL('./default-snapshot.json', import.meta.url));

export function loadDefaultSnapshot(): Promise<ChainSnapshot> {
  return loadChainSnapshotFile(DEFAULT_SNAPSHOT_PATH);
}

/** "block 6,852,690 of 2025-11-10T15:08:24.000Z, 12 days old" */
export function describeSnapshotAge(s: ChainSnapshot, now: Date = new Date()): string {
  const when = s.block.time ?? s.createdAt;
  const days = Math.floor((now.getTime() - Date.parse(when)) / 86_400_000);
  return `block ${s.block.number.toLocaleString('en-US')} of ${when}${s.block.time ? '' : ' (snapshot time; block time unknown)'}, ${days} days old`;
}

export function defaultSnapshotWarning(s: ChainSnapshot, now: Date = new Date()): string {
  return `using the snapshot shipped with minerbench (${describeSnapshotAge(s, now)}; ${s.subnets.length} subnet(s): ${s.subnets.map((x) => x.netuid).join(', ')}), not live chain data`;
}
