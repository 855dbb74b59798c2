// Block timing from the chain: the Aura slot duration, or the timestamps of two blocks (a 250 ms devnet, finney 12 s).
import { describe, expect, it } from 'vitest';
import { timingFromSlotDuration, timingFromTimestamps } from '../../harness/chain/block-timing.ts';
import { blockClock } from '../../harness/evaluate/epoch-period.ts';

describe('block timing', () => {
  it("a runtime's Aura.SlotDuration is its block time: 250 ms gives 345,600 blocks/day, 12,000 ms gives 7,200", () => {
    const devnet = timingFromSlotDuration(250)!;
    expect(devnet).toEqual({ ms: 250, source: 'aura-slot-duration' });
    expect(blockClock({ blockTiming: devnet }).blocksPerDay).toBe(345_600); // 86,400,000 / 250
    expect(blockClock({ blockTiming: timingFromSlotDuration(12_000) }).blocksPerDay).toBe(7_200);
    expect([timingFromSlotDuration(0), timingFromSlotDuration(Number.NaN)]).toEqual([null, null]);
  });

  it('two blocks 100 apart whose Timestamp.Now differ by 25 s: 250 ms per block', () => {
    const t = timingFromTimestamps({ block: 1_000, ms: 1_700_000_000_000 }, { block: 1_100, ms: 1_700_000_025_000 })!;
    expect(t.ms).toBe(250); // 25,000 ms / 100 blocks
    expect(t.source).toBe('block-timestamps');
    expect(t.note).toBe('Timestamp.Now of blocks 1000 and 1100: 25000 ms over 100 blocks');
    // out of order or equal: no timing rather than a wrong one
    expect(timingFromTimestamps({ block: 5, ms: 10 }, { block: 5, ms: 20 })).toBeNull();
    expect(timingFromTimestamps({ block: 5, ms: 20 }, { block: 6, ms: 20 })).toBeNull();
  });
});
