// Block timing: how long a block takes on this chain, read from it (Aura.SlotDuration, else two blocks' timestamps).
import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';

export type BlockTiming = NonNullable<ChainSnapshot['blockTiming']>;

/** One block per Aura slot: the slot duration is the block time (12,000 ms on finney; 250 ms on a fast devnet). */
export function timingFromSlotDuration(slotMs: number): BlockTiming | null {
  return Number.isFinite(slotMs) && slotMs > 0 ? { ms: slotMs, source: 'aura-slot-duration' } : null;
}

/** The mean block time between two blocks from their Timestamp.Now values (ms); null when they do not allow it. */
export function timingFromTimestamps(
  older: { block: number; ms: number },
  newer: { block: number; ms: number },
): BlockTiming | null {
  const blocks = newer.block - older.block;
  const ms = newer.ms - older.ms;
  if (blocks <= 0 || ms <= 0) return null;
  return {
    ms: ms / blocks,
    source: 'block-timestamps',
    note: `Timestamp.Now of blocks ${older.block} and ${newer.block}: ${ms} ms over ${blocks} blocks`,
  };
}

/** Blocks between the two timestamps read when the runtime has no Aura slot duration. */
const TIMESTAMP_SPAN = 100;

/** Reads the block time at `block`: the runtime's Aura.SlotDuration, else Timestamp.Now at it and 100 blocks earlier. */
export async function readBlockTiming(
  api: ApiPromise,
  apiAt: ApiDecoration<'promise'>,
  block: number,
): Promise<BlockTiming | null> {
  const slot = (apiAt.consts as unknown as Record<string, Record<string, Codec> | undefined>).aura?.slotDuration;
  if (slot) return timingFromSlotDuration(Number(slot.toString()));
  const now = (apiAt.query as unknown as Record<string, Record<string, () => Promise<Codec>> | undefined>).timestamp
    ?.now;
  if (!now || block < TIMESTAMP_SPAN) return null;
  const olderHash = await api.rpc.chain.getBlockHash(block - TIMESTAMP_SPAN);
  const olderAt = await api.at(olderHash);
  const olderNow = (olderAt.query as unknown as Record<string, Record<string, () => Promise<Codec>>>).timestamp!.now!;
  const [t1, t0] = await Promise.all([now(), olderNow()]);
  return timingFromTimestamps(
    { block: block - TIMESTAMP_SPAN, ms: Number(t0.toString()) },
    { block, ms: Number(t1.toString()) },
  );
}
