// The shipped default snapshot: real finney state of every subnet (converted from a 2026 capture), used when no chain
// answers or with --offline, always with a warning naming its block and age.
import { fileURLToPath } from 'node:url';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import { loadChainSnapshotFile } from './chain-snapshot-file.ts';

export const DEFAULT_SNAPSHOT_PATH = fileURLToPath(new URL('./default-snapshot.json', import.meta.url));

export function loadDefaultSnapshot(): Promise<ChainSnapshot> {
  return loadChainSnapshotFile(DEFAULT_SNAPSHOT_PATH);
}

/** "block 8,791,253 of 2026-08-07T08:35:00.000Z, 110 days old" */
export function describeSnapshotAge(s: ChainSnapshot, now: Date = new Date()): string {
  const when = s.block.time ?? s.createdAt;
  const days = Math.floor((now.getTime() - Date.parse(when)) / 86_400_000);
  return `block ${s.block.number.toLocaleString('en-US')} of ${when}${s.block.time ? (s.block.timeSource === 'capture-time' ? ' (capture time)' : '') : ' (snapshot time; block time unknown)'}, ${days} days old`;
}

export function defaultSnapshotWarning(s: ChainSnapshot, now: Date = new Date()): string {
  const netuids =
    s.subnets.length > 8
      ? `${s.subnets.length} subnets`
      : `${s.subnets.length} subnet(s): ${s.subnets.map((x) => x.netuid).join(', ')}`;
  return `using the snapshot shipped with minerbench (${describeSnapshotAge(s, now)}; ${netuids}; ${s.source.method === 'converted' ? 'no per-UID data' : 'with per-UID data'}), not live chain data`;
}
