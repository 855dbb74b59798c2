// Epoch period and block time (pure): blocks per epoch for a runtime, and blocks per day from the chain's block time.
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';

/** From this runtime on the epoch period is `tempo` blocks; before it `tempo + 1` (bittensor.md §4.5 item 7). */
export const TEMPO_PERIOD_FROM_SPEC = 423;
/** Finney's Aura.SlotDuration (recorded metadata of specs 343 and 393): used only for snapshots that lack the block time. */
export const FINNEY_BLOCK_MS = 12_000;

export function periodRule(specVersion: number | null): 'tempo+1' | 'tempo' {
  return specVersion === null || specVersion >= TEMPO_PERIOD_FROM_SPEC ? 'tempo' : 'tempo+1';
}

export function periodBlocks(tempo: number, specVersion: number | null): number {
  return periodRule(specVersion) === 'tempo' ? tempo : tempo + 1;
}

export interface BlockClock {
  blockSeconds: number;
  blocksPerDay: number;
  /** How the block time is known, in words. */
  statement: string;
  /** True when the snapshot did not record it and finney's 12 s was assumed. */
  assumed: boolean;
}

/** Blocks per day from the block time the snapshot read from the chain (Aura slot duration or timestamps). */
export function blockClock(snapshot: Pick<ChainSnapshot, 'blockTiming'>): BlockClock {
  const t = snapshot.blockTiming;
  const ms = t?.ms ?? FINNEY_BLOCK_MS;
  const blocksPerDay = 86_400_000 / ms;
  const perDay = Number.isInteger(blocksPerDay) ? String(blocksPerDay) : blocksPerDay.toFixed(1);
  return {
    blockSeconds: ms / 1000,
    blocksPerDay,
    assumed: !t,
    statement: t
      ? `block time ${ms / 1000} s (${t.source === 'aura-slot-duration' ? "the runtime's Aura.SlotDuration" : (t.note ?? 'block timestamps')}) gives ${perDay} blocks/day`
      : `ASSUMED block time ${ms / 1000} s (finney's Aura.SlotDuration; this snapshot does not record the chain's) gives ${perDay} blocks/day`,
  };
}
