// blockTimeFromHeader: the time of a block from its Aura pre-runtime digest (slot x slot duration), with no extra request.
import type { Header } from '@polkadot/types/interfaces';
import { u8aToBn } from '@polkadot/util';

/** Returns the block's slot start time in ms since the epoch, or null when the header carries no Aura slot. */
export function blockTimeFromHeader(header: Header, slotDurationMs: number): number | null {
  for (const log of header.digest.logs) {
    if (!log.isPreRuntime) continue;
    const [engine, data] = log.asPreRuntime;
    if (engine.toString() !== 'aura' || data.length < 8) continue;
    const slot = u8aToBn(data.subarray(0, 8), { isLe: true });
    return slot.muln(slotDurationMs).toNumber();
  }
  return null;
}
